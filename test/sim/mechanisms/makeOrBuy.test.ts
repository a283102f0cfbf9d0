/**
 * Make or buy (docs/ODD.md §7.13; Punjab seed §4.1: tiny units "expanded backwards in
 * due course"): a firm buying a process outside buys the machine once the savings on
 * its own volume repay it within the payback period - not when its volume is small.
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import {
  eventsOf,
  handBuilt,
  metric,
  metricSum,
  process,
  product,
  quietWorld,
  town,
  withoutMachines,
} from './helpers.js';

/**
 * One firm making pumps without a furnace, in a town demanding `demand` pumps a month:
 * casting is bought from a common facility at 30 a unit (three times a vendor's 10);
 * in-house it costs about 15 a unit (at 50 units a month; more at a small volume) after
 * a 5,000 machine.
 */
function buyer(demand: number, paybackMonths: number) {
  const params = quietWorld({
    towns: [town('Alpha', demand)],
    processes: [process('casting')],
    products: [product('pump', { processes: ['casting'] })],
    vendors: { paybackMonths, secondHandDiscount: 0 },
    policies: [
      {
        kind: 'commonFacility',
        startYear: 2000,
        processes: ['casting'],
        priceShareOfVendor: 3,
        capacityUnitsPerMonth: 1e6,
        courseSeatsPerYear: 0,
      },
    ],
  });
  const { sim, ids } = handBuilt(params, [{ cash: 1e5 }]);
  withoutMachines(sim, ids[0]);
  runMonths(sim, 12);
  return { sim, firm: ids[0] };
}

describe('make or buy: a machine is bought when the volume makes it pay back', () => {
  it('a firm with a large volume buys the machine (invest event, process then done in-house); a small one keeps buying', () => {
    // Saving about 14 a unit on 37 units a month repays 5,000 within 36 months; 7 a unit on 5 units does not.
    const large = buyer(40, 36);
    const small = buyer(5, 36);
    const f = large.sim.world.firms.cols;
    const invests = eventsOf(large.sim, 'invest');
    expect(invests).toHaveLength(1);
    expect(invests[0]).toMatchObject({ tick: 0, firm: large.firm, process: 0, cost: 5000 });
    expect(metric(large.sim, 0, 0, 'machinesBought')).toBe(1);
    expect(metric(large.sim, 0, 0, 'investment')).toBe(5000);
    expect(f.inHouse[large.firm]).toBe(1);
    expect(f.usesInHouse[large.firm]).toBe(1);
    expect(f.processCostPerUnit[large.firm]).toBeLessThan(30);
    expect(metric(large.sim, 11, 0, 'fullyIntegratedShare')).toBe(1);

    const g = small.sim.world.firms.cols;
    expect(eventsOf(small.sim, 'invest')).toEqual([]);
    expect(metricSum(small.sim, 0, 'machinesBought', 0, 12)).toBe(0);
    expect(g.inHouse[small.firm]).toBe(0);
    expect(g.processCostPerUnit[small.firm]).toBe(30);
    expect(metric(small.sim, 11, 0, 'fullyIntegratedShare')).toBe(0);
  });

  it('the same large volume does not buy the machine when it must pay back within a few months', () => {
    const impatient = buyer(40, 3);
    expect(eventsOf(impatient.sim, 'invest')).toEqual([]);
    expect(impatient.sim.world.firms.cols.inHouse[impatient.firm]).toBe(0);
  });
});
