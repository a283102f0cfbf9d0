/**
 * Vertical projects with vendors (docs/ODD.md §7.14; MODEL.md cell II b): "the parent
 * firm actively supervises the process" when a vendor makes a component of its new
 * product, and both learn (Punjab seed §4.2). A launch of a product whose process the
 * firm buys from its town's vendors raises the vendor's capability (and so lowers its
 * price) and the firm's; a launch of a product made entirely in-house does not.
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import { HEADER } from '../../../sim/state/header.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import { eventsOf, handBuilt, OUT_OF_REACH, process, product, quietWorld, town } from './helpers.js';

const ENGINE = 1;

/**
 * Three pump makers with their own furnaces in a town demanding 200 pumps a month, so
 * casting vendors open in month 1; the most capable firm reverse-engineers engines, which
 * need casting too. No other learning: capability moves only at the launch.
 */
function launchWithVendors(
  verticalProjectLearning: number,
  castingExtra: Partial<NonNullable<ScenarioInput['processes']>[number]> = {},
) {
  const params = quietWorld({
    towns: [town('Alpha', 200)],
    processes: [process('casting', castingExtra)],
    products: [
      product('pump', { complexity: 0.1, processes: ['casting'] }),
      product('engine', { complexity: 0.5, processes: ['casting'] }),
    ],
    capability: { effortLearningPerMonth: 0, productionLearningPerMonth: 0 },
    vendors: { verticalProjectLearning, vendorEntryCapability: 0.3, vendorCapabilityPriceDiscount: 0.3 },
    innovation: {
      productDesignCost: 5000,
      incrementalDesignCost: OUT_OF_REACH,
      noveltyMarkup: 0.3,
      priorImitationLagMonths: 12,
    },
  });
  const { sim, ids } = handBuilt(params, [
    { capability: 0.6, cash: 1e5 },
    { capability: 0.3, cash: 1e5 },
    { capability: 0.3, cash: 1e5 },
  ]);
  const originator = ids[0];
  let launchTick = -1;
  let capabilityBefore = 0;
  for (let month = 0; month < 12 && launchTick < 0; month++) {
    capabilityBefore = sim.world.firms.cols.capability[originator];
    runMonths(sim, 1);
    if (eventsOf(sim, 'launch').length > 0) launchTick = month;
  }
  expect(launchTick).toBeGreaterThanOrEqual(1);
  const [launch] = eventsOf(sim, 'launch');
  expect(launch).toMatchObject({ firm: originator, product: ENGINE, kind: 'product' });
  const v = sim.world.vendors.cols;
  const vendorCapabilities = Array.from({ length: sim.world.header[HEADER.vendorCount] }, (_, id) => v.capability[id]);
  const capabilityGain = sim.world.firms.cols.capability[originator] - capabilityBefore;
  runMonths(sim, 1);
  return { sim, launch, vendorCapabilities, capabilityGain, priceAfter: sim.world.townProcesses.cols.localPrice[0] };
}

describe('vertical projects with vendors (II b)', () => {
  it('a launch of a product whose casting is bought locally teaches the vendors and the firm', () => {
    const project = launchWithVendors(0.2);
    const noLearning = launchWithVendors(0);
    expect(project.launch.verticalVendors).toBeGreaterThan(0);
    expect(project.launch.verticalVendors).toBe(project.vendorCapabilities.length);
    for (const capability of project.vendorCapabilities) expect(capability).toBeCloseTo(0.3 + 0.2 * 0.7, 12);
    for (const capability of noLearning.vendorCapabilities) expect(capability).toBe(0.3);
    expect(project.capabilityGain).toBeCloseTo(0.2 * (1 - 0.6), 12);
    expect(noLearning.capabilityGain).toBe(0);
  });

  it('the vendor that learnt works cheaper', () => {
    const project = launchWithVendors(0.2);
    const noLearning = launchWithVendors(0);
    expect(project.launch.tick).toBe(noLearning.launch.tick);
    expect(project.priceAfter).toBeLessThan(noLearning.priceAfter);
  });

  it('a launch of a product cast in-house (the vendor is dearer than the furnace) is no vertical project', () => {
    const inHouse = launchWithVendors(0.2, { vendorPricePerUnit: 100 });
    expect(inHouse.vendorCapabilities.length).toBeGreaterThan(0);
    expect(inHouse.launch.verticalVendors).toBe(0);
    for (const capability of inHouse.vendorCapabilities) expect(capability).toBe(0.3);
    expect(inHouse.capabilityGain).toBe(0);
  });
});
