/**
 * A common facility (docs/ODD.md §7.17; MODEL.md pattern 6, in miniature): "one
 * machine making bevel gears, which are needed in rotary cultivators" at Mian Channun
 * (Punjab seed §4.1). With the facility's gear cutting, firms of its town take up a
 * gear-needing product (launch it, copy it, make it); firms of an identical town without
 * it do not, because nobody can afford a gear-cutting machine of their own.
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import { eventsOf, handBuilt, makes, metric, OUT_OF_REACH, process, product, quietWorld, town } from './helpers.js';

const PLOUGH = 0;
const ROTARY = 1;

const gearFacility: NonNullable<ScenarioInput['policies']> = [
  {
    kind: 'commonFacility',
    towns: ['Alpha'],
    startYear: 2000,
    processes: ['gearCutting'],
    priceShareOfVendor: 0.8,
    capacityUnitsPerMonth: 1e6,
    courseSeatsPerYear: 0,
  },
];

/** Two identical towns far apart, three plough makers in each; rotary cultivators need gear cutting. */
function twoTowns(policies: NonNullable<ScenarioInput['policies']>) {
  const params = quietWorld({
    years: 3,
    towns: [town('Alpha', 150), town('Beta', 150)],
    travel: { defaultHours: 10 },
    processes: [
      process('gearCutting', {
        vendorPricePerUnit: 45,
        minEfficientScaleUnitsPerMonth: 1e6,
        machineCost: OUT_OF_REACH,
      }),
    ],
    products: [
      product('plough', { complexity: 0.1 }),
      product('rotary', { complexity: 0.5, processes: ['gearCutting'] }),
    ],
    innovation: { productDesignCost: 3000, noveltyMarkup: 0.3, priorImitationLagMonths: 12, copyCost: 500 },
    imitation: { sameTownObservationPerMonth: 0.5, copyBuildMonths: 3, copyCapabilityMargin: 0.05 },
    policies,
  });
  const firms = [0, 0, 0, 1, 1, 1].map((t) => ({ town: t, capability: 0.6, cash: 1e5, products: [PLOUGH] }));
  const { sim, ids } = handBuilt(params, firms);
  runMonths(sim, 36);
  const rotaryMakers = (t: number) =>
    ids.filter((id) => sim.world.firms.cols.town[id] === t && makes(sim, id, ROTARY)).length;
  return { sim, rotaryMakers };
}

describe('common facility with gear cutting (pattern 6)', () => {
  it('firms of the facility\u2019s town launch, copy and make the gear-needing product; those of an identical town without it do not', () => {
    const { sim, rotaryMakers } = twoTowns(gearFacility);
    const rotaryLaunches = eventsOf(sim, 'launch').filter((event) => event.product === ROTARY);
    expect(rotaryLaunches.length).toBeGreaterThan(0);
    expect(rotaryLaunches.every((event) => event.town === 0)).toBe(true);
    expect(eventsOf(sim, 'copy').some((event) => event.product === ROTARY && event.town === 0)).toBe(true);
    expect(rotaryMakers(0)).toBeGreaterThanOrEqual(2);
    expect(rotaryMakers(1)).toBe(0);
    expect(metric(sim, 35, 0, 'productsMade')).toBe(2);
    expect(metric(sim, 35, 1, 'productsMade')).toBe(1);
    // The facility is how: gear cutting is obtainable in Alpha only, and nobody bought the machine.
    expect(sim.world.towns.cols.accessibleProcesses[0]).toBe(1);
    expect(sim.world.towns.cols.accessibleProcesses[1]).toBe(0);
    expect(eventsOf(sim, 'invest')).toEqual([]);
  });

  it('without the facility neither town makes the gear-needing product', () => {
    const { sim, rotaryMakers } = twoTowns([]);
    expect(eventsOf(sim, 'launch').filter((event) => event.product === ROTARY)).toEqual([]);
    expect(rotaryMakers(0)).toBe(0);
    expect(rotaryMakers(1)).toBe(0);
  });
});
