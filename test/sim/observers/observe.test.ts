/**
 * The observers on hand-built worlds: the metric list, capability quantiles,
 * distinct products, Herfindahl, vendors, the all-towns row (sums, maxima, pooled
 * ratios and statistics computed over all firms), imitation lags over a trailing
 * window, and the December upgrading tallies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from 'simple-statistics';
import { metricNamesFor, observeTick, reportersFor } from '../../../sim/observe.js';
import { PARTIAL, townStride } from '../../../sim/model/partials.js';
import { TICK_COUNT, TICK_COUNT_FIELDS, type SimEvent } from '../../../sim/host.js';
import { closeUpgradingYear } from '../../../sim/model/phases/upgrading.js';
import { UPGRADE } from '../../../sim/state/firms.js';
import type { Simulation } from '../../../sim/simulation.js';
import { addBareFirm, catalogueParams, metric, observedSimulation, PROCESS_NAMES, setTick } from './helpers.js';

const ORIGINAL_METRICS = [
  'firms',
  'entries',
  'exits',
  'workers',
  'employed',
  'apprentices',
  'unemployed',
  'hires',
  'newApprentices',
  'quits',
  'retirements',
  'meanSkill',
  'meanCapability',
  'maxCapability',
  'demandUnits',
  'salesUnits',
  'meanPrice',
  'revenue',
  'profit',
  'effort',
  'debt',
  'interest',
  'borrowed',
  'repaid',
  'cash',
  'importSalesUnits',
];

const MODEL_METRICS = [
  'capabilityP10',
  'capabilityP50',
  'capabilityP90',
  'productsMade',
  'meanProductsPerFirm',
  'fullyIntegratedShare',
  'productLaunches',
  'incrementalLaunches',
  'copies',
  'firstLocalCopies',
  'medianImitationLagMonths',
  'lagObservations',
  'herfindahlSales',
  'exportSalesUnits',
  'designSpend',
  'designRent',
  'investment',
  'machineValue',
  'vendorEntries',
  'vendorExits',
  'machinesBought',
  'trainingGraduates',
  'ownerGiveUps',
  'outsiderEntries',
  'policySpending',
  'expectedLagMonths',
  'upgradedProduct',
  'upgradedProcess',
  'upgradedFunctional',
  'upgradedInterSectoral',
  'upgradedMarketingLinkages',
  'upgradedFirms',
  'downgradedFirms',
];

const setPartial = (sim: Simulation, town: number, field: number, value: number) => {
  sim.host.firmTotals[town * townStride(sim.world.params) + field] = value;
};

describe('the metric list', () => {
  it('keeps the original metrics first, then vendors per process of the catalogue, all vendors and the model metrics', () => {
    const params = catalogueParams();
    expect(metricNamesFor(params)).toEqual([
      ...ORIGINAL_METRICS,
      ...PROCESS_NAMES.map((name) => `vendors.${name}`),
      'vendors',
      ...MODEL_METRICS,
    ]);
  });

  it('gives every reporter a unique name, a unit and a description, and the same list for the same parameters', () => {
    const params = catalogueParams();
    const reporters = reportersFor(params);
    expect(new Set(reporters.map((r) => r.name)).size).toBe(reporters.length);
    for (const reporter of reporters) {
      expect(reporter.unit.length).toBeGreaterThan(0);
      expect(reporter.description.length).toBeGreaterThan(10);
    }
    expect(reportersFor(params)).toBe(reporters);
    for (const name of MODEL_METRICS.filter((n) => n.startsWith('upgraded') || n === 'downgradedFirms')) {
      expect(reporters.find((r) => r.name === name)!.description).toContain('December');
    }
  });

  it('has no vendor columns for a scenario without processes', () => {
    const params = { ...catalogueParams(), processes: [] };
    const names = metricNamesFor(params);
    expect(names.filter((name) => name.startsWith('vendors'))).toEqual(['vendors']);
  });
});

const firmArbitrary = fc.record({
  town: fc.nat(),
  capability: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.3, 1)),
  products: fc.integer({ min: 0, max: 15 }),
  alive: fc.boolean(),
  sales: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 500, noNaN: true })),
});

describe('capability quantiles, distinct products and Herfindahl against a brute-force computation', () => {
  it('match per town and for all firms together (not a sum of towns)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(firmArbitrary, { maxLength: 60 }), (townCount, specs) => {
        const sim = observedSimulation(catalogueParams(townCount));
        const firms = specs.map((spec) => ({ ...spec, town: spec.town % townCount }));
        for (const spec of firms) addBareFirm(sim, spec);
        // The kernels' partials: firms, sales and squared sales per town (trading firms = alive ones here).
        for (let town = 0; town < townCount; town++) {
          const inTown = firms.filter((f) => f.alive && f.town === town);
          setPartial(sim, town, PARTIAL.firms, inTown.length);
          setPartial(
            sim,
            town,
            PARTIAL.salesUnits,
            inTown.reduce((s, f) => s + f.sales, 0),
          );
          setPartial(
            sim,
            town,
            PARTIAL.salesSquared,
            inTown.reduce((s, f) => s + f.sales * f.sales, 0),
          );
        }
        setTick(sim, 3);
        observeTick(sim);
        for (let row = 0; row <= townCount; row++) {
          const members = firms.filter((f) => f.alive && (row === townCount || f.town === row));
          const caps = members.map((f) => f.capability).sort((a, b) => a - b);
          const q = (p: number) => (caps.length > 0 ? quantileSorted(caps, p) : 0);
          expect(metric(sim, 3, row, 'capabilityP10')).toBe(q(0.1));
          expect(metric(sim, 3, row, 'capabilityP50')).toBe(q(0.5));
          expect(metric(sim, 3, row, 'capabilityP90')).toBe(q(0.9));
          const made = new Set(members.flatMap((f) => [0, 1, 2, 3].filter((p) => f.products & (1 << p))));
          expect(metric(sim, 3, row, 'productsMade')).toBe(made.size);
          const total = members.reduce((s, f) => s + f.sales, 0);
          const herfindahl = total > 0 ? members.reduce((s, f) => s + (f.sales / total) ** 2, 0) : 0;
          expect(metric(sim, 3, row, 'herfindahlSales')).toBeCloseTo(herfindahl, 10);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reports 0 quantiles and 0 products in a town without firms', () => {
    const sim = observedSimulation(catalogueParams(2));
    addBareFirm(sim, { town: 1, capability: 0.7, products: 0b101 });
    observeTick(sim);
    expect(metric(sim, 0, 0, 'capabilityP50')).toBe(0);
    expect(metric(sim, 0, 0, 'productsMade')).toBe(0);
    expect(metric(sim, 0, 1, 'capabilityP50')).toBe(0.7);
    expect(metric(sim, 0, 2, 'capabilityP10')).toBe(0.7);
    expect(metric(sim, 0, 2, 'productsMade')).toBe(2);
  });

  it('counts a product made in two towns once in the all-towns row', () => {
    const sim = observedSimulation(catalogueParams(2));
    addBareFirm(sim, { town: 0, products: 0b0011 });
    addBareFirm(sim, { town: 1, products: 0b0110 });
    observeTick(sim);
    expect([0, 1, 2].map((row) => metric(sim, 0, row, 'productsMade'))).toEqual([2, 2, 3]);
  });
});

describe('the all-towns row', () => {
  it('adds counts, flows and vendors, takes the maximum capability, and pools ratios and shares', () => {
    const params = catalogueParams(3);
    const sim = observedSimulation(params);
    const { world, host } = sim;
    const partials = [
      { firms: 4, productsMade: 6, fullyIntegrated: 1, capabilityMax: 0.4, investment: 10, designSpend: 3 },
      { firms: 0, productsMade: 0, fullyIntegrated: 0, capabilityMax: 0, investment: 0, designSpend: 0 },
      { firms: 6, productsMade: 18, fullyIntegrated: 3, capabilityMax: 0.9, investment: 5, designSpend: 1 },
    ];
    partials.forEach((p, town) => {
      for (const [field, value] of Object.entries(p))
        setPartial(sim, town, PARTIAL[field as keyof typeof PARTIAL], value);
    });
    const counts = [
      [TICK_COUNT.productLaunches, 1, 0, 2],
      [TICK_COUNT.copies, 0, 0, 5],
      [TICK_COUNT.vendorEntries, 1, 1, 1],
      [TICK_COUNT.ownerGiveUps, 2, 0, 0],
      [TICK_COUNT.outsiderEntries, 0, 3, 1],
    ];
    for (const [field, ...values] of counts) {
      values.forEach((value, town) => (host.tickCounts[town * TICK_COUNT_FIELDS + field] = value));
    }
    const vendors = world.townProcesses.cols.vendors;
    const K = params.processes.length;
    [
      [1, 0, 2],
      [0, 0, 0],
      [3, 1, 0],
    ].forEach((row, town) => row.forEach((v, k) => (vendors[town * K + k] = v)));
    const towns = world.towns.cols;
    towns.policySpending.set([100, 0, 50]);
    towns.expectedLagMonths.set([12, 30, 6]);
    observeTick(sim);
    const all = 3;
    const at = (row: number, name: string) => metric(sim, 0, row, name);
    expect(at(all, 'firms')).toBe(10);
    expect(at(all, 'maxCapability')).toBe(0.9);
    expect(at(all, 'meanProductsPerFirm')).toBe(2.4);
    expect(at(0, 'meanProductsPerFirm')).toBe(1.5);
    expect(at(1, 'meanProductsPerFirm')).toBe(0);
    expect(at(all, 'fullyIntegratedShare')).toBe(0.4);
    expect(at(2, 'fullyIntegratedShare')).toBe(0.5);
    expect(at(all, 'investment')).toBe(15);
    expect(at(all, 'designSpend')).toBe(4);
    expect(at(all, 'productLaunches')).toBe(3);
    expect(at(all, 'copies')).toBe(5);
    expect(at(all, 'vendorEntries')).toBe(3);
    expect(at(all, 'ownerGiveUps')).toBe(2);
    expect(at(1, 'outsiderEntries')).toBe(3);
    expect(at(all, 'outsiderEntries')).toBe(4);
    expect(at(0, 'vendors.casting')).toBe(1);
    expect(at(2, 'vendors.boring')).toBe(1);
    expect(at(all, 'vendors.casting')).toBe(4);
    expect(at(all, 'vendors.gear cutting')).toBe(2);
    expect(at(0, 'vendors')).toBe(3);
    expect(at(all, 'vendors')).toBe(7);
    expect(at(all, 'policySpending')).toBe(150);
    expect(at(1, 'expectedLagMonths')).toBe(30);
    // Firm-weighted: (4 * 12 + 0 * 30 + 6 * 6) / 10.
    expect(at(all, 'expectedLagMonths')).toBeCloseTo(8.4, 12);
  });

  it('takes the plain mean of expected lags when no town has firms', () => {
    const sim = observedSimulation(catalogueParams(2));
    sim.world.towns.cols.expectedLagMonths.set([10, 20]);
    observeTick(sim);
    expect(metric(sim, 0, 2, 'expectedLagMonths')).toBe(15);
  });
});

const copyEvent = (tick: number, originTown: number, lagMonths: number, firstLocal = true): SimEvent => ({
  type: 'copy',
  tick,
  design: 0,
  firm: 1,
  town: originTown,
  product: 0,
  originator: 0,
  originTown,
  lagMonths,
  firstLocal,
  originatorRent: 0,
});

describe('imitation lags over the trailing 12 months', () => {
  it('takes the median of first local copies made this month and the 11 before, by originator town', () => {
    const sim = observedSimulation(catalogueParams(2, 3));
    const schedule = new Map<number, SimEvent[]>([
      [0, [copyEvent(0, 0, 9), copyEvent(0, 0, 100, false)]],
      [2, [copyEvent(2, 0, 15), copyEvent(2, 1, 4)]],
      [5, [copyEvent(5, 0, 12)]],
      [13, [copyEvent(13, 1, 20)]],
    ]);
    for (let tick = 0; tick < 20; tick++) {
      setTick(sim, tick);
      sim.host.events.push(...(schedule.get(tick) ?? []));
      observeTick(sim);
    }
    const lag = (tick: number, row: number) => [
      metric(sim, tick, row, 'lagObservations'),
      metric(sim, tick, row, 'medianImitationLagMonths'),
    ];
    expect(lag(0, 0)).toEqual([1, 9]);
    expect(lag(1, 1)).toEqual([0, 0]);
    expect(lag(2, 0)).toEqual([2, 12]);
    expect(lag(2, 1)).toEqual([1, 4]);
    expect(lag(2, 2)).toEqual([3, 9]);
    expect(lag(11, 0)).toEqual([3, 12]);
    expect(lag(11, 2)).toEqual([4, 10.5]);
    // Month 12: the copy of month 0 has left the window; month 14: those of month 2 too.
    expect(lag(12, 0)).toEqual([2, 13.5]);
    expect(lag(14, 0)).toEqual([1, 12]);
    expect(lag(14, 2)).toEqual([2, 16]);
    expect(lag(17, 0)).toEqual([0, 0]);
    expect(lag(17, 1)).toEqual([1, 20]);
  });
});

describe('upgrading tallies', () => {
  it('appear in the December row of the year they close and are 0 in other months', () => {
    const params = catalogueParams(2);
    const sim = observedSimulation(params);
    const f = sim.world.firms.cols;
    const a = addBareFirm(sim, { town: 0, cash: 1000 });
    const b = addBareFirm(sim, { town: 1, cash: 1000 });
    const c = addBareFirm(sim, { town: 1, cash: 1000 });
    for (const id of [a, b, c]) {
      f.netWorthAtYearStart[id] = 1000;
      f.capabilityAtYearStart[id] = 0.3;
    }
    f.upgradeFlags[a] = UPGRADE.product | UPGRADE.functional;
    f.upgradeFlags[b] = UPGRADE.newBuyers;
    f.cash[c] = 100;
    sim.host.events.push({
      type: 'exit',
      tick: 4,
      firm: 9,
      town: 0,
      ageMonths: 30,
      cash: 0,
      debt: 0,
      reason: 'losses',
    });
    setTick(sim, 10);
    observeTick(sim);
    setTick(sim, 11);
    closeUpgradingYear(sim);
    observeTick(sim);
    const at = (tick: number, row: number, name: string) => metric(sim, tick, row, name);
    expect(at(10, 2, 'upgradedFirms')).toBe(0);
    expect(at(11, 0, 'upgradedProduct')).toBe(1);
    expect(at(11, 0, 'upgradedFunctional')).toBe(1);
    expect(at(11, 1, 'upgradedMarketingLinkages')).toBe(1);
    expect(at(11, 2, 'upgradedFirms')).toBe(2);
    expect(at(11, 0, 'downgradedFirms')).toBe(1);
    expect(at(11, 1, 'downgradedFirms')).toBe(1);
    expect(at(11, 2, 'downgradedFirms')).toBe(2);
    setTick(sim, 12);
    observeTick(sim);
    expect(at(12, 2, 'upgradedFirms')).toBe(0);
    expect(at(12, 2, 'downgradedFirms')).toBe(0);
  });
});
