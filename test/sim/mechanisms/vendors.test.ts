/**
 * Specialist vendors (docs/ODD.md §7.13; MODEL.md cells I a-d and pattern 2): a vendor
 * enters a town only once its demand for the process passes the minimum efficient
 * scale, and leaves when it falls away; its price falls with volume and with the
 * number of vendors; once vendors are there fewer producers do everything in-house; a
 * vendor in another town is used only within reach and costs travel; a second-hand
 * machine market makes entry cheaper.
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import { sourcing } from '../../../sim/model/phases/sourcing.js';
import { vendorPrice } from '../../../sim/model/rules/sourcing.js';
import { NO_SOURCE } from '../../../sim/state/towns.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import { eventsOf, handBuilt, metric, process, product, quietWorld, town } from './helpers.js';

/** One process (casting: MES 50 units a month) and one product (pumps) that needs it. */
const castingCatalogue = (extra: Partial<ScenarioInput> = {}): Partial<ScenarioInput> => ({
  processes: [process('casting'), process('gearCutting', { minEfficientScaleUnitsPerMonth: 0.01 })],
  products: [product('pump', { processes: ['casting'] })],
  ...extra,
});

/** Three firms making pumps with their own casting furnaces, in a town demanding `demand` pumps a month. */
function castingTown(demand: number, extra: Partial<ScenarioInput> = {}) {
  const params = quietWorld({ ...castingCatalogue(), towns: [town('Alpha', demand)], ...extra });
  return handBuilt(params, [{ cash: 1e5 }, { cash: 1e5 }, { cash: 1e5 }]);
}

describe('vendor entry at the critical minimum demand (I c, pattern 2)', () => {
  it('no vendor below the minimum efficient scale; one enters (with a vendor-entry event) just above it', () => {
    const below = castingTown(45);
    runMonths(below.sim, 24);
    expect(eventsOf(below.sim, 'vendor-entry')).toEqual([]);
    expect(metric(below.sim, 23, 0, 'vendors.casting')).toBe(0);

    const above = castingTown(55);
    runMonths(above.sim, 24);
    // Month 0's production is the first need vendors see: one vendor opens in month 1.
    expect(eventsOf(above.sim, 'vendor-entry')).toEqual([
      { type: 'vendor-entry', tick: 1, vendor: 0, town: 0, process: 0 },
    ]);
    expect(metric(above.sim, 0, 0, 'vendors.casting')).toBe(0);
    expect(metric(above.sim, 1, 0, 'vendorEntries')).toBe(1);
    expect(metric(above.sim, 23, 0, 'vendors.casting')).toBe(1);
    // A process no product needs gets no vendor, however small its minimum scale.
    expect(metric(above.sim, 23, 0, 'vendors.gearCutting')).toBe(0);
  });

  it('more demand keeps more vendors: one more for every minimum efficient scale of need', () => {
    const vendorsAt = (demand: number) => {
      const { sim } = castingTown(demand);
      runMonths(sim, 12);
      return metric(sim, 11, 0, 'vendors.casting');
    };
    expect(vendorsAt(55)).toBe(1);
    // Three firms can make about 115 pumps a month: two vendors of 50 units each.
    expect(vendorsAt(300)).toBe(2);
  });
});

describe('vendor exit when demand falls away', () => {
  const collapse = {
    demandIndex: [
      { year: 2001, value: 1 },
      { year: 2001.25, value: 0.1 },
    ],
  };

  it('a demand collapse closes the vendors (vendor-exit events after it), while steady demand keeps them', () => {
    const steady = castingTown(300);
    runMonths(steady.sim, 30);
    expect(eventsOf(steady.sim, 'vendor-exit')).toEqual([]);
    expect(metric(steady.sim, 29, 0, 'vendors.casting')).toBe(2);

    const shocked = castingTown(300, { shocks: collapse });
    runMonths(shocked.sim, 30);
    const exits = eventsOf(shocked.sim, 'vendor-exit');
    expect(exits.length).toBe(2);
    for (const exit of exits) {
      expect(exit.tick).toBeGreaterThan(12);
      expect(exit).toMatchObject({ town: 0, process: 0 });
    }
    // The youngest vendor leaves first (last in, first out).
    expect(exits.map((exit) => exit.vendor)).toEqual([1, 0]);
    expect(metric(shocked.sim, 29, 0, 'vendors.casting')).toBe(0);
    // With the vendors gone the firms cast in-house again.
    expect(metric(shocked.sim, 29, 0, 'fullyIntegratedShare')).toBe(1);
  });
});

describe('vendor prices fall with volume and with local competition (I a, I b)', () => {
  const spec = {
    name: 'casting',
    vendorPricePerUnit: 10,
    minEfficientScaleUnitsPerMonth: 50,
    machineCost: 0,
    inHouseCostPerUnit: 15,
  };
  const rules = quietWorld().vendors;

  it('the rule: a higher volume per vendor and more vendors each lower the price; none means no price', () => {
    expect(vendorPrice(spec, rules, 1, 100, 0.3)).toBeLessThan(vendorPrice(spec, rules, 1, 50, 0.3));
    expect(vendorPrice(spec, rules, 3, 50, 0.3)).toBeLessThan(vendorPrice(spec, rules, 1, 50, 0.3));
    expect(vendorPrice(spec, rules, 1, 50, 0.8)).toBeLessThan(vendorPrice(spec, rules, 1, 50, 0.3));
    expect(vendorPrice(spec, rules, 0, 50, 0.3)).toBe(Infinity);
  });

  /** The sourcing phase alone, `months` times, with the town needing `units` of casting a month. */
  function priceAfterSourcing(units: number, months: number, extra: Partial<ScenarioInput> = {}) {
    const { sim } = handBuilt(quietWorld({ ...castingCatalogue(), ...extra }), []);
    const tp = sim.world.townProcesses.cols;
    for (let month = 0; month < months; month++) {
      tp.neededUnits[0] = units;
      sourcing.run(sim);
    }
    return { vendors: tp.vendors[0], price: tp.localPrice[0], access: tp.accessPrice[0] };
  }

  it('through the sourcing phase: one vendor charges less the more volume it handles', () => {
    const small = priceAfterSourcing(60, 3);
    const large = priceAfterSourcing(95, 3);
    expect(small.vendors).toBe(1);
    expect(large.vendors).toBe(1);
    expect(large.price).toBeLessThan(small.price);
    expect(small.access).toBe(small.price);
  });

  it('through the sourcing phase: a second vendor at the same volume per vendor cuts the price', () => {
    const scaleNeutral = { vendors: { volumeDiscountElasticity: 0 } };
    const one = priceAfterSourcing(60, 3, scaleNeutral);
    const two = priceAfterSourcing(120, 3, scaleNeutral);
    expect(one.vendors).toBe(1);
    expect(two.vendors).toBe(2);
    expect(two.price).toBeLessThan(one.price);
    expect(two.price).toBeCloseTo(one.price / 1.1, 10);
  });
});

describe('vendors replace in-house processes (pattern 2: "the share of producers doing every process in-house falls")', () => {
  it('once a vendor is there the fully-integrated share falls and process costs fall; without one it stays', () => {
    const withVendor = castingTown(200);
    const withoutVendor = castingTown(30);
    runMonths(withVendor.sim, 12);
    runMonths(withoutVendor.sim, 12);
    expect(metric(withVendor.sim, 0, 0, 'fullyIntegratedShare')).toBe(1);
    expect(metric(withVendor.sim, 11, 0, 'fullyIntegratedShare')).toBe(0);
    expect(metric(withoutVendor.sim, 11, 0, 'fullyIntegratedShare')).toBe(1);
    const f = withVendor.sim.world.firms.cols;
    const inHouseCost = withoutVendor.sim.world.firms.cols.processCostPerUnit[withoutVendor.ids[0]];
    expect(withoutVendor.sim.world.firms.cols.usesInHouse[withoutVendor.ids[0]]).toBe(1);
    for (const firm of withVendor.ids) {
      expect(f.usesInHouse[firm]).toBe(0);
      expect(f.inHouse[firm]).toBe(1); // the furnace is still owned, just idle
      expect(f.processCostPerUnit[firm]).toBe(withVendor.sim.world.townProcesses.cols.localPrice[0]);
      expect(f.processCostPerUnit[firm]).toBeLessThan(inHouseCost);
    }
  });
});

describe('vendors in another town: within reach, at a travel cost (Punjab seed §4.1: gear cutting "a several hours\u2019 drive away")', () => {
  function twoTowns(hours: number) {
    const params = quietWorld({
      ...castingCatalogue(),
      towns: [town('Alpha', 200), town('Beta', 10)],
      travel: { defaultHours: hours },
      vendors: { maxTravelHours: 3, travelCostPerUnitHour: 2 },
    });
    return handBuilt(params, [{ cash: 1e5 }, { cash: 1e5 }, { cash: 1e5 }, { town: 1, cash: 1e5 }]);
  }

  it('a firm within reach buys from the other town\u2019s vendor at its price plus travel; beyond reach it casts in-house', () => {
    const near = twoTowns(1);
    const far = twoTowns(5);
    runMonths(near.sim, 6);
    runMonths(far.sim, 6);
    const betaFirm = near.ids[3];
    const tpNear = near.sim.world.townProcesses.cols;
    const processes = near.sim.world.params.processes.length;
    const betaSlot = 1 * processes + 0;
    expect(tpNear.vendors[0]).toBeGreaterThan(0);
    expect(tpNear.vendors[betaSlot]).toBe(0);
    expect(tpNear.accessSource[betaSlot]).toBe(0);
    expect(tpNear.accessPrice[betaSlot]).toBeCloseTo(tpNear.localPrice[0] + 2 * 1, 10);
    expect(near.sim.world.firms.cols.usesInHouse[betaFirm]).toBe(0);
    expect(near.sim.world.firms.cols.processCostPerUnit[betaFirm]).toBeCloseTo(tpNear.localPrice[0] + 2, 10);

    const tpFar = far.sim.world.townProcesses.cols;
    expect(tpFar.vendors[0]).toBeGreaterThan(0);
    expect(tpFar.accessSource[betaSlot]).toBe(NO_SOURCE);
    expect(tpFar.accessPrice[betaSlot]).toBe(Infinity);
    expect(far.sim.world.firms.cols.usesInHouse[betaFirm]).toBe(1);
    // Casting in-house is dearer than the vendor within reach, travel included.
    expect(far.sim.world.firms.cols.processCostPerUnit[betaFirm]).toBeGreaterThan(
      near.sim.world.firms.cols.processCostPerUnit[betaFirm],
    );
  });

  it('the further the vendor, the dearer the process (travel cost per hour)', () => {
    const costAt = (hours: number) => {
      const { sim, ids } = twoTowns(hours);
      runMonths(sim, 6);
      return sim.world.firms.cols.processCostPerUnit[ids[3]] - sim.world.townProcesses.cols.localPrice[0];
    };
    expect(costAt(2.5)).toBeGreaterThan(costAt(0.5));
  });
});

describe('second-hand machines make entry cheaper (I d)', () => {
  /** A spin-off in month 1 from a town of `firms` firms; returns what its machines cost. */
  function entrantMachines(firms: number, secondHandDiscount: number) {
    const params = quietWorld({
      ...castingCatalogue(),
      entry: { spinOffProbabilityPerMonth: 1, spinOffMinSkill: 0.65, spinOffMinTenureMonths: 2, entryCapital: 20000 },
      vendors: { secondHandDiscount, secondHandMarketFirms: 4 },
    });
    const specs = [
      { cash: 1e5, journeymen: 1, skill: 0.7 },
      ...Array.from({ length: firms - 1 }, () => ({ cash: 1e5 })),
    ];
    const { sim } = handBuilt(params, specs);
    runMonths(sim, 2);
    const [entry] = eventsOf(sim, 'entry');
    expect(entry).toMatchObject({ tick: 1, machinesBought: [0] });
    const f = sim.world.firms.cols;
    return {
      machineValue: f.machineValue[entry.firm],
      cash: f.cash[entry.firm],
      spending: sim.host.accounts.machineSpending,
    };
  }

  it('an entrant pays less for its machines in a town with a developed second-hand market', () => {
    const lone = entrantMachines(1, 0.5);
    const crowded = entrantMachines(4, 0.5);
    const noMarket = entrantMachines(4, 0);
    expect(noMarket.machineValue).toBe(5000);
    expect(lone.machineValue).toBeCloseTo(5000 * (1 - 0.5 * 0.25), 9);
    expect(crowded.machineValue).toBeCloseTo(5000 * (1 - 0.5), 9);
    expect(crowded.machineValue).toBeLessThan(lone.machineValue);
    expect(crowded.spending).toBeLessThan(noMarket.spending);
    expect(crowded.cash).toBeGreaterThan(noMarket.cash);
  });
});
