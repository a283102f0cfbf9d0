/**
 * A founder's first product (docs/ODD.md §7.6, `entry.founderProduct`): by default the
 * parent's simplest product; with 'mostOrders' the one of the parent's products with the
 * most demand per unit of producers' pull in the town - the founder answers demand-pull
 * (Punjab seed §4.1) rather than crowding into the simplest, most contested line. Seen
 * from the entrant: more orders per unit of capacity, so it takes on hands and grows.
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import { founderProduct, ordersPerPull } from '../../../sim/model/phases/spinOffEntry.js';
import { agentCount } from '../../../sim/world.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import { eventsOf, handBuilt, product, quietWorld } from './helpers.js';

const PLOUGH = 0;
const THRESHER = 1;

/**
 * One town: a plough (simple, a sixth of demand) made by the parent and three rivals, a
 * thresher (five sixths of demand) made by the parent alone. The parent's one skilled
 * journeyman spins off in month 2; `months` months are run.
 */
function world(choice: 'simplest' | 'mostOrders', months = 3, labour: ScenarioInput['labour'] = {}) {
  const params = quietWorld({
    products: [
      product('plough', { complexity: 0.05, demandWeight: [{ year: 2000, value: 0.2 }] }),
      product('thresher', { complexity: 0.3, demandWeight: [{ year: 2000, value: 1 }] }),
    ],
    labour,
    entry: {
      spinOffProbabilityPerMonth: 1,
      spinOffMinSkill: 0.65,
      spinOffMinTenureMonths: 2,
      entryCapital: 3000,
      founderProduct: choice,
    },
  });
  const { sim } = handBuilt(params, [
    { journeymen: 1, skill: 0.7, capability: 0.5, products: [PLOUGH, THRESHER] },
    { products: [PLOUGH] },
    { products: [PLOUGH] },
    { products: [PLOUGH] },
  ]);
  runMonths(sim, months);
  const entries = eventsOf(sim, 'entry');
  expect(entries).toHaveLength(1);
  return { sim, entrant: entries[0].firm, entry: entries[0] };
}

describe('a founder’s first product', () => {
  it('defaults to the parent’s simplest product', () => {
    expect(quietWorld().entry.founderProduct).toBe('simplest');
    const { entry } = world('simplest');
    expect(entry.products).toEqual([PLOUGH]);
  });

  it('with mostOrders, is the parent’s product with the most demand per unit of pull', () => {
    const { sim, entry } = world('mostOrders');
    expect(entry.products).toEqual([THRESHER]);
    // The thresher has more orders per unit of pull than the crowded plough.
    expect(ordersPerPull(sim.world, 0, THRESHER)).toBeGreaterThan(ordersPerPull(sim.world, 0, PLOUGH));
  });

  it('gives the entrant more orders per unit of capacity than the simplest line does', () => {
    const utilisation = (choice: 'simplest' | 'mostOrders') => {
      const { sim, entrant } = world(choice, 4);
      const f = sim.world.firms.cols;
      return f.demandShareUnits[entrant] / f.capacityUnits[entrant];
    };
    const simplest = utilisation('simplest');
    const mostOrders = utilisation('mostOrders');
    expect(mostOrders).toBeGreaterThan(simplest);
  });

  it('lets the entrant take on hands and grow where the simplest line keeps it the owner alone', () => {
    // Hiring on: a firm takes on a worker a month while its orders reach 85% of capacity.
    const labour = { hireDemandRatio: 0.85, hireReserveMonths: 0 };
    const staff = (choice: 'simplest' | 'mostOrders') => {
      const { sim, entrant } = world(choice, 24, labour);
      const w = sim.world.workers.cols;
      let headcount = 0;
      for (let worker = 0; worker < agentCount(sim.world, 'workers'); worker++) {
        if (w.alive[worker] === 1 && w.employer[worker] === entrant) headcount += 1;
      }
      return headcount;
    };
    const simplest = staff('simplest');
    const mostOrders = staff('mostOrders');
    expect(simplest).toBe(1);
    expect(mostOrders).toBeGreaterThan(simplest);
  });

  it('for an outsider (no parent), is the frontier product with the most orders, demand with no producer first', () => {
    const { sim } = world('mostOrders');
    // A founder with no parent and capability for both products.
    expect(founderProduct(sim.world, 0, -1, 0.5)).toBe(THRESHER);
    // With capability for the plough only, the plough.
    expect(founderProduct(sim.world, 0, -1, 0.1)).toBe(PLOUGH);
  });
});
