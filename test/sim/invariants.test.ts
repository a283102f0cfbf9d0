/**
 * Invariants that must hold for any parameters (fast-check over random small
 * worlds, with random shock and import paths): head-counts conserved across hires,
 * quits, entry, exit and retirement; money conserved; no negative stocks; bounded skill
 * and capability; sales by firms and imports never above demand; lineage valid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOne, type RunResult } from '../../sim/runOne.js';
import { testParams, metricAt } from '../helpers/world.js';
import type { ScenarioInput } from '../../scenarios/schema.js';
import type { ModelParams } from '../../sim/params.js';
import { createWorld, type World } from '../../sim/world.js';
import { createHost, type Host, type SimEvent } from '../../sim/host.js';
import { createSerialExecutor } from '../../sim/executor.js';
import { createPoolExecutor } from '../../sim/parallel/pool.js';
import { initialiseWorld, publishInitialTownState } from '../../sim/model/initialise.js';
import { catalogueOf, frontierProducts } from '../../sim/model/catalogue.js';
import { reportersFor } from '../../sim/observe.js';
import { HEADER } from '../../sim/state/header.js';
import { step } from '../../sim/step.js';

const worldArbitrary = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  towns: fc.integer({ min: 1, max: 3 }),
  initialFirms: fc.integer({ min: 1, max: 12 }),
  maxWorkers: fc.integer({ min: 1, max: 15 }),
  growthPerYear: fc.double({ min: -0.3, max: 0.6, noNaN: true }),
  unitsPerMonth: fc.double({ min: 1, max: 400, noNaN: true }),
  quit: fc.double({ min: 0, max: 0.1, noNaN: true }),
  retire: fc.double({ min: 0, max: 0.05, noNaN: true }),
  spinOff: fc.double({ min: 0, max: 0.05, noNaN: true }),
  lossMonthsToExit: fc.integer({ min: 1, max: 12 }),
  threads: fc.constantFrom(1, 2),
  // Shocks ramp from no shock at the start of year 2 to these values by its end.
  materialPriceIndex: fc.double({ min: 0.2, max: 3, noNaN: true }),
  materialPassThrough: fc.double({ min: 0, max: 1, noNaN: true }),
  powerAvailability: fc.double({ min: 0, max: 1, noNaN: true }),
  demandIndex: fc.double({ min: 0, max: 3, noNaN: true }),
  importCapacityShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  importPriceIndex: fc.double({ min: 0.01, max: 3, noNaN: true }),
  importQuality: fc.double({ min: 0, max: 1, noNaN: true }),
});

type WorldSpec = typeof worldArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** A path from `from` in January 2001 (year 2 of the test worlds) to `to` a year later. */
const ramp = (from: number, to: number) => [
  { year: 2001, value: from },
  { year: 2002, value: to },
];

async function simulate(spec: WorldSpec): Promise<RunResult> {
  const params = testParams({
    years: 2,
    towns: Array.from({ length: spec.towns }, (_, i) => ({
      name: `T${i}`,
      initialFirms: spec.initialFirms,
      workersPerFirm: { min: 1, max: spec.maxWorkers },
      demand: { unitsPerMonth: spec.unitsPerMonth, growthPerYear: spec.growthPerYear },
    })),
    labour: { quitProbabilityPerMonth: spec.quit, retireProbabilityPerMonth: spec.retire },
    entry: { spinOffProbabilityPerMonth: spec.spinOff, spinOffMinTenureMonths: 0, spinOffMinSkill: 0.3 },
    exit: { lossMonthsToExit: spec.lossMonthsToExit },
    shocks: {
      materialPriceIndex: ramp(1, spec.materialPriceIndex),
      materialPassThrough: spec.materialPassThrough,
      powerAvailability: ramp(1, spec.powerAvailability),
      demandIndex: ramp(1, spec.demandIndex),
    },
    imports: {
      capacityShare: ramp(0, spec.importCapacityShare),
      priceIndex: [{ year: 2000, value: spec.importPriceIndex }],
      quality: [{ year: 2000, value: spec.importQuality }],
    },
  });
  return runOne({ params, seed: spec.seed, threads: spec.threads });
}

function initialWorkers(result: RunResult, row: number): number {
  // Month 0's head-count before its own flows.
  return (
    metricAt(result, 0, row, 'workers') -
    metricAt(result, 0, row, 'newApprentices') +
    metricAt(result, 0, row, 'retirements')
  );
}

describe('invariants over random worlds', () => {
  it('head-counts are conserved: workers(t) = workers(t-1) + new apprentices(t) - retirements(t); employed + unemployed = workers', async () => {
    await fc.assert(
      fc.asyncProperty(worldArbitrary, async (spec) => {
        const result = await simulate(spec);
        for (let row = 0; row <= result.townNames.length; row++) {
          expect(initialWorkers(result, row)).toBeGreaterThanOrEqual(0);
          for (let tick = 0; tick < result.ticks; tick++) {
            const workers = metricAt(result, tick, row, 'workers');
            const previous = tick === 0 ? initialWorkers(result, row) : metricAt(result, tick - 1, row, 'workers');
            expect(workers).toBe(
              previous + metricAt(result, tick, row, 'newApprentices') - metricAt(result, tick, row, 'retirements'),
            );
            expect(metricAt(result, tick, row, 'employed') + metricAt(result, tick, row, 'unemployed')).toBe(workers);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('firms are conserved: trading firms(t) = firms(t-1) - exits(t-1) + entries(t)', async () => {
    await fc.assert(
      fc.asyncProperty(worldArbitrary, async (spec) => {
        const result = await simulate(spec);
        const all = result.townNames.length;
        for (let tick = 1; tick < result.ticks; tick++) {
          expect(metricAt(result, tick, all, 'firms')).toBe(
            metricAt(result, tick - 1, all, 'firms') -
              metricAt(result, tick - 1, all, 'exits') +
              metricAt(result, tick, all, 'entries'),
          );
        }
        const last = result.ticks - 1;
        expect(result.finalFirms.id.length).toBe(
          metricAt(result, last, all, 'firms') - metricAt(result, last, all, 'exits'),
        );
      }),
      { numRuns: 25 },
    );
  });

  it('money is conserved: cash held - debt owed = capital brought in + kin help + retained profit - machines - owner draws - net capital taken out at exit', async () => {
    await fc.assert(
      fc.asyncProperty(worldArbitrary, async (spec) => {
        const result = await simulate(spec);
        const all = result.townNames.length;
        let retained = 0;
        for (let tick = 0; tick < result.ticks; tick++)
          retained += metricAt(result, tick, all, 'profit') - metricAt(result, tick, all, 'effort');
        const cash = result.finalFirms.cash.reduce((sum, value) => sum + value, 0);
        const debt = result.finalFirms.debt.reduce((sum, value) => sum + value, 0);
        const held = cash - debt;
        const { equityInjected, equityWithdrawn, kinHelpGiven, machineSpending, ownerDraws } = result.accounts;
        const scale = Math.max(1, Math.abs(equityInjected) + Math.abs(retained) + Math.abs(cash) + Math.abs(debt));
        const capitalIn = equityInjected + kinHelpGiven + retained;
        const capitalOut = machineSpending + ownerDraws + equityWithdrawn;
        expect(Math.abs(capitalIn - capitalOut - held) / scale).toBeLessThan(1e-9);
      }),
      { numRuns: 25 },
    );
  });

  it('no negative cash without debt recorded: cash and debt are never negative and never both positive', async () => {
    await fc.assert(
      fc.asyncProperty(worldArbitrary, async (spec) => {
        const result = await simulate(spec);
        const { cash, debt } = result.finalFirms;
        for (let i = 0; i < cash.length; i++) {
          expect(cash[i]).toBeGreaterThanOrEqual(0);
          expect(debt[i]).toBeGreaterThanOrEqual(0);
          expect(cash[i] > 0 && debt[i] > 0).toBe(false);
        }
        const all = result.townNames.length;
        for (let tick = 0; tick < result.ticks; tick++) {
          for (const name of ['cash', 'debt', 'interest', 'borrowed', 'repaid']) {
            expect(metricAt(result, tick, all, name)).toBeGreaterThanOrEqual(0);
          }
        }
        // Debt owed by all firms ever = borrowed - repaid; surviving firms' debt is at most that.
        let borrowed = 0;
        let repaid = 0;
        for (let tick = 0; tick < result.ticks; tick++) {
          borrowed += metricAt(result, tick, all, 'borrowed');
          repaid += metricAt(result, tick, all, 'repaid');
        }
        const owed = debt.reduce((sum, value) => sum + value, 0);
        expect(owed).toBeLessThanOrEqual(borrowed - repaid + 1e-6 * Math.max(1, borrowed));
      }),
      { numRuns: 25 },
    );
  });

  it('no negative stocks or flows; skill and capability stay in [0, 1]; lineage points backwards', async () => {
    const nonNegative = [
      'firms',
      'entries',
      'exits',
      'workers',
      'employed',
      'apprentices',
      'unemployed',
      'hires',
      'demandUnits',
      'salesUnits',
      'effort',
      'meanPrice',
      'importSalesUnits',
    ];
    await fc.assert(
      fc.asyncProperty(worldArbitrary, async (spec) => {
        const result = await simulate(spec);
        for (let tick = 0; tick < result.ticks; tick++) {
          for (let row = 0; row <= result.townNames.length; row++) {
            for (const name of nonNegative) expect(metricAt(result, tick, row, name)).toBeGreaterThanOrEqual(0);
            for (const name of ['meanSkill', 'meanCapability', 'maxCapability']) {
              const value = metricAt(result, tick, row, name);
              expect(value).toBeGreaterThanOrEqual(0);
              expect(value).toBeLessThanOrEqual(1);
            }
            expect(metricAt(result, tick, row, 'salesUnits')).toBeLessThanOrEqual(
              metricAt(result, tick, row, 'demandUnits') * (1 + 1e-12),
            );
            expect(
              metricAt(result, tick, row, 'salesUnits') + metricAt(result, tick, row, 'importSalesUnits'),
            ).toBeLessThanOrEqual(metricAt(result, tick, row, 'demandUnits') * (1 + 1e-12));
          }
        }
        for (const event of result.events) {
          if (event.type === 'entry') expect(event.parent).toBeLessThan(event.firm);
        }
      }),
      { numRuns: 25 },
    );
  });
});

/*
 * The same invariants with every mechanism of the full model on: a random process and
 * product catalogue (products reaching the frontier during the run, one in a sector that
 * may collapse), vendors and make-or-buy, design work and all imitation channels, kin
 * help, owners giving up, and a random set of policies starting and stopping during the
 * run. The run is stepped here (not through runOne) so that the world's columns can be
 * checked after every month.
 */

const POLICY_KIND_LIST = [
  'trainingCentre',
  'commonFacility',
  'rdExtension',
  'credit',
  'designProtection',
  'association',
  'tradeFair',
  'exportLinkage',
] as const;

const three = <T>(arbitrary: fc.Arbitrary<T>) => fc.array(arbitrary, { minLength: 3, maxLength: 3 });
const unit = fc.double({ min: 0, max: 1, noNaN: true });

const mechanismWorldArbitrary = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  towns: fc.integer({ min: 1, max: 3 }),
  travelHours: fc.double({ min: 0, max: 6, noNaN: true }),
  initialFirms: fc.integer({ min: 1, max: 10 }),
  maxWorkers: fc.integer({ min: 1, max: 12 }),
  unitsPerMonth: fc.double({ min: 5, max: 400, noNaN: true }),
  growthPerYear: fc.double({ min: -0.2, max: 0.5, noNaN: true }),
  quit: fc.double({ min: 0, max: 0.1, noNaN: true }),
  retire: fc.double({ min: 0, max: 0.05, noNaN: true }),
  spinOff: fc.double({ min: 0, max: 0.05, noNaN: true }),
  outsidersPerTownYear: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 6, noNaN: true })),
  lossMonthsToExit: fc.integer({ min: 1, max: 12 }),
  ownerPatienceMonths: fc.integer({ min: 1, max: 24 }),
  ownerGiveUp: fc.double({ min: 0, max: 0.3, noNaN: true }),
  threads: fc.constantFrom(1, 2),
  // Catalogue: three processes, four products (product 0 on the frontier from the start).
  minEfficientScale: three(fc.double({ min: 1, max: 200, noNaN: true })),
  vendorPrice: three(fc.double({ min: 1, max: 50, noNaN: true })),
  machineCost: three(fc.double({ min: 0, max: 20000, noNaN: true })),
  inHouseCost: three(fc.double({ min: 1, max: 50, noNaN: true })),
  processMasks: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 4, maxLength: 4 }),
  complexity: fc.array(unit, { minLength: 4, maxLength: 4 }),
  frontierYears: three(fc.double({ min: 1990, max: 2002.5, noNaN: true })),
  sectorIndex: fc.double({ min: 0, max: 2, noNaN: true }),
  paybackMonths: fc.double({ min: 0, max: 120, noNaN: true }),
  secondHandDiscount: unit,
  demandSmoothingMonths: fc.double({ min: 1, max: 12, noNaN: true }),
  // Designs and imitation.
  productDesignCost: fc.double({ min: 0, max: 20000, noNaN: true }),
  incrementalDesignCost: fc.double({ min: 0, max: 5000, noNaN: true }),
  copyCost: fc.double({ min: 0, max: 2000, noNaN: true }),
  observation: fc.array(unit, { minLength: 5, maxLength: 5 }),
  copyBuildMonths: fc.integer({ min: 0, max: 6 }),
  // Kin.
  kinGroups: fc.integer({ min: 1, max: 4 }),
  helpCapital: fc.double({ min: 0, max: 2000, noNaN: true }),
  spinOffWeightPerHelper: unit,
  // Policies: which kinds, and when each starts and stops (years after 2000).
  policies: fc.array(
    fc.record({
      kind: fc.constantFrom(...POLICY_KIND_LIST),
      start: fc.double({ min: 0, max: 1.5, noNaN: true }),
      duration: fc.double({ min: 0.1, max: 3, noNaN: true }),
      size: unit,
    }),
    { maxLength: 5 },
  ),
});

type MechanismWorldSpec = typeof mechanismWorldArbitrary extends fc.Arbitrary<infer T> ? T : never;

const PROCESS_NAMES = ['casting', 'boring', 'gearCutting'];

function policyOf(policy: MechanismWorldSpec['policies'][number]): NonNullable<ScenarioInput['policies']>[number] {
  const years = { startYear: 2000 + policy.start, endYear: 2000 + policy.start + policy.duration, costPerYear: 1200 };
  const s = policy.size;
  switch (policy.kind) {
    case 'trainingCentre':
      return {
        kind: 'trainingCentre',
        ...years,
        graduatesPerYear: 60 * s,
        courseSeatsPerYear: 30 * s,
        graduateSkill: s,
      };
    case 'commonFacility':
      return {
        kind: 'commonFacility',
        ...years,
        processes: ['gearCutting', 'casting'],
        capacityUnitsPerMonth: 200 * s,
      };
    case 'rdExtension':
      return { kind: 'rdExtension', ...years, partnersPerYear: 12 * s, minPartnerCapability: s / 2 };
    case 'credit':
      return { kind: 'credit', ...years, creditLimitMonthsOfWageBill: 12 * s, fundPerTown: 1e5 * s };
    case 'designProtection':
      return { kind: 'designProtection', ...years, protectionMonths: Math.round(36 * s) };
    case 'association':
      return { kind: 'association', ...years, membershipShare: s, trustBuildingYears: 0.5 + s };
    case 'tradeFair':
      return { kind: 'tradeFair', ...years, month: 1 + Math.floor(11 * s), reachHours: 6 * s };
    case 'exportLinkage':
      return { kind: 'exportLinkage', ...years, qualityThreshold: s, foreignDemandUnitsPerMonth: 100 * s };
  }
}

function mechanismParams(spec: MechanismWorldSpec): ModelParams {
  return testParams({
    years: 2,
    towns: Array.from({ length: spec.towns }, (_, i) => ({
      name: `T${i}`,
      initialFirms: spec.initialFirms,
      workersPerFirm: { min: 1, max: spec.maxWorkers },
      initialCapability: { min: 0, max: 1 },
      demand: { unitsPerMonth: spec.unitsPerMonth, growthPerYear: spec.growthPerYear },
    })),
    travel: { defaultHours: spec.travelHours },
    labour: { quitProbabilityPerMonth: spec.quit, retireProbabilityPerMonth: spec.retire },
    entry: {
      spinOffProbabilityPerMonth: spec.spinOff,
      spinOffMinTenureMonths: 0,
      spinOffMinSkill: 0.3,
      outsiderEntriesPerTownPerYear: spec.outsidersPerTownYear,
    },
    exit: {
      lossMonthsToExit: spec.lossMonthsToExit,
      ownerPatienceMonths: spec.ownerPatienceMonths,
      ownerGiveUpProbabilityPerMonth: spec.ownerGiveUp,
    },
    processes: PROCESS_NAMES.map((name, k) => ({
      name,
      vendorPricePerUnit: spec.vendorPrice[k],
      minEfficientScaleUnitsPerMonth: spec.minEfficientScale[k],
      machineCost: spec.machineCost[k],
      inHouseCostPerUnit: spec.inHouseCost[k],
    })),
    products: spec.processMasks.map((mask, p) => ({
      name: `product${p}`,
      complexity: spec.complexity[p],
      processes: PROCESS_NAMES.filter((_, k) => (mask & (1 << k)) !== 0),
      frontierYear: p === 0 ? 1990 : spec.frontierYears[p - 1],
      sector: p === 3 ? 'jute mills' : 'agriculture',
    })),
    shocks: {
      sectorDemandIndex: [{ sector: 'jute mills', path: ramp(1, spec.sectorIndex) }],
    },
    vendors: {
      paybackMonths: spec.paybackMonths,
      secondHandDiscount: spec.secondHandDiscount,
      secondHandMarketFirms: 5,
      demandSmoothingMonths: spec.demandSmoothingMonths,
    },
    innovation: {
      productDesignCost: spec.productDesignCost,
      incrementalDesignCost: spec.incrementalDesignCost,
      copyCost: spec.copyCost,
    },
    imitation: {
      sameTownObservationPerMonth: spec.observation[0],
      userFeedbackObservationPerMonth: spec.observation[1],
      sharedVendorObservationPerMonth: spec.observation[2],
      fairObservationProbability: spec.observation[3],
      moverCarriesDesignProbability: spec.observation[4],
      copyBuildMonths: spec.copyBuildMonths,
    },
    kin: {
      groups: spec.kinGroups,
      helpCapitalPerFirm: spec.helpCapital,
      spinOffWeightPerHelper: spec.spinOffWeightPerHelper,
    },
    policies: spec.policies.map(policyOf),
  });
}

interface SteppedRun {
  params: ModelParams;
  host: Host;
  ticks: number;
  metric: (tick: number, row: number, name: string) => number;
  finalCash: number;
  finalDebt: number;
}

/**
 * Build and step the world month by month (as runOne does), calling `afterMonth` with
 * the world after every month.
 */
async function stepMechanismWorld(
  spec: MechanismWorldSpec,
  afterMonth: (world: World, host: Host, tick: number) => void = () => {},
): Promise<SteppedRun> {
  const params = mechanismParams(spec);
  const ticks = params.years * 12;
  const world = createWorld(params, spec.seed);
  initialiseWorld(world);
  publishInitialTownState(world);
  const metricNames = reportersFor(params).map((reporter) => reporter.name);
  const host = createHost(params, ticks, metricNames.length);
  for (let id = 0; id < world.header[HEADER.firmCount]; id++) host.accounts.equityInjected += world.firms.cols.cash[id];
  const executor = spec.threads > 1 ? await createPoolExecutor(world, spec.threads) : createSerialExecutor(world);
  try {
    for (let tick = 0; tick < ticks; tick++) {
      step({ world, host, executor });
      afterMonth(world, host, tick);
    }
  } finally {
    await executor.close();
  }
  const townNames = params.towns.map((t) => t.name);
  let finalCash = 0;
  let finalDebt = 0;
  for (let id = 0; id < world.header[HEADER.firmCount]; id++) {
    if (world.firms.cols.alive[id] === 0) continue;
    finalCash += world.firms.cols.cash[id];
    finalDebt += world.firms.cols.debt[id];
  }
  return {
    params,
    host,
    ticks,
    metric: (tick, row, name) => metricAt({ metrics: host.metrics, metricNames, townNames }, tick, row, name),
    finalCash,
    finalDebt,
  };
}

describe('invariants over random worlds with every mechanism on', () => {
  it('head-counts are conserved with training graduates and outsider founders: workers(t) = workers(t-1) + new apprentices(t) + graduates(t) + outsider founders(t) - retirements(t)', async () => {
    await fc.assert(
      fc.asyncProperty(mechanismWorldArbitrary, async (spec) => {
        const run = await stepMechanismWorld(spec);
        const flowsIn = (tick: number, row: number) =>
          run.metric(tick, row, 'newApprentices') +
          run.metric(tick, row, 'trainingGraduates') +
          run.metric(tick, row, 'outsiderEntries');
        for (let row = 0; row <= run.params.towns.length; row++) {
          const initial = run.metric(0, row, 'workers') - flowsIn(0, row) + run.metric(0, row, 'retirements');
          expect(initial).toBeGreaterThanOrEqual(0);
          for (let tick = 0; tick < run.ticks; tick++) {
            const workers = run.metric(tick, row, 'workers');
            const previous = tick === 0 ? initial : run.metric(tick - 1, row, 'workers');
            expect(workers).toBe(previous + flowsIn(tick, row) - run.metric(tick, row, 'retirements'));
            expect(run.metric(tick, row, 'employed') + run.metric(tick, row, 'unemployed')).toBe(workers);
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('every copy event refers to a design whose launch event came earlier (same product, originator and town)', async () => {
    await fc.assert(
      fc.asyncProperty(mechanismWorldArbitrary, async (spec) => {
        const run = await stepMechanismWorld(spec);
        const launches = new Map<number, Extract<SimEvent, { type: 'launch' }>>();
        for (const event of run.host.events) {
          if (event.type === 'launch') {
            // Design ids are handed out in launch order.
            expect(event.design).toBe(launches.size);
            launches.set(event.design, event);
          } else if (event.type === 'copy') {
            const launch = launches.get(event.design);
            expect(launch).toBeDefined();
            expect(launch!.tick).toBeLessThan(event.tick);
            expect(event.product).toBe(launch!.product);
            expect(event.originator).toBe(launch!.firm);
            expect(event.originTown).toBe(launch!.town);
            expect(event.lagMonths).toBe(event.tick - launch!.tick);
            expect(event.firm).not.toBe(launch!.firm);
            expect(event.originatorRent).toBeGreaterThanOrEqual(0);
            if (!event.firstLocal) expect(event.originatorRent).toBe(0);
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('every month: cash and debt never negative nor both positive; capability and skill in [0, 1]; products only from the frontier; vendor counts = entries - exits and never negative', async () => {
    await fc.assert(
      fc.asyncProperty(mechanismWorldArbitrary, async (spec) => {
        const vendorBalance = new Map<number, number>();
        let eventsSeen = 0;
        await stepMechanismWorld(spec, (world, host, tick) => {
          const { params } = world;
          const frontier = frontierProducts(catalogueOf(params), tick);
          const f = world.firms.cols;
          for (let id = 0; id < world.header[HEADER.firmCount]; id++) {
            if (f.alive[id] === 0) continue;
            expect(f.cash[id]).toBeGreaterThanOrEqual(0);
            expect(f.debt[id]).toBeGreaterThanOrEqual(0);
            expect(f.cash[id] > 0 && f.debt[id] > 0).toBe(false);
            expect(f.capability[id]).toBeGreaterThanOrEqual(0);
            expect(f.capability[id]).toBeLessThanOrEqual(1);
            expect(f.products[id] & ~frontier).toBe(0);
            expect(f.machineValue[id]).toBeGreaterThanOrEqual(0);
          }
          const w = world.workers.cols;
          for (let id = 0; id < world.header[HEADER.workerCount]; id++) {
            if (w.alive[id] === 0) continue;
            expect(w.skill[id]).toBeGreaterThanOrEqual(0);
            expect(w.skill[id]).toBeLessThanOrEqual(1);
          }
          // Vendors: the town-process counts, the vendor agents alive and the events agree.
          const processCount = params.processes.length;
          for (; eventsSeen < host.events.length; eventsSeen++) {
            const event = host.events[eventsSeen];
            if (event.type !== 'vendor-entry' && event.type !== 'vendor-exit') continue;
            const slot = event.town * processCount + event.process;
            vendorBalance.set(slot, (vendorBalance.get(slot) ?? 0) + (event.type === 'vendor-entry' ? 1 : -1));
          }
          const alive = new Map<number, number>();
          const v = world.vendors.cols;
          for (let id = 0; id < world.header[HEADER.vendorCount]; id++) {
            if (v.alive[id] === 0) continue;
            const slot = v.town[id] * processCount + v.process[id];
            alive.set(slot, (alive.get(slot) ?? 0) + 1);
            expect(v.capability[id]).toBeGreaterThanOrEqual(0);
            expect(v.capability[id]).toBeLessThanOrEqual(1);
          }
          const tp = world.townProcesses.cols;
          for (let slot = 0; slot < params.towns.length * processCount; slot++) {
            expect(tp.vendors[slot]).toBeGreaterThanOrEqual(0);
            expect(tp.vendors[slot]).toBe(vendorBalance.get(slot) ?? 0);
            expect(tp.vendors[slot]).toBe(alive.get(slot) ?? 0);
          }
        });
      }),
      { numRuns: 20 },
    );
  });

  it('money is conserved with machines and kin help: cash - debt = capital brought in + kin help + retained profit - machines bought - owners\u2019 draws - net capital taken out at exit', async () => {
    await fc.assert(
      fc.asyncProperty(mechanismWorldArbitrary, async (spec) => {
        const run = await stepMechanismWorld(spec);
        const all = run.params.towns.length;
        let retained = 0;
        for (let tick = 0; tick < run.ticks; tick++)
          retained += run.metric(tick, all, 'profit') - run.metric(tick, all, 'effort');
        // Machines bought and owners' draws leave the firms' cash; kin help enters it.
        const { equityInjected, equityWithdrawn, kinHelpGiven, machineSpending, ownerDraws } = run.host.accounts;
        const held = run.finalCash - run.finalDebt;
        const expected = equityInjected + kinHelpGiven + retained - machineSpending - ownerDraws - equityWithdrawn;
        const scale = Math.max(
          1,
          Math.abs(equityInjected) +
            Math.abs(kinHelpGiven) +
            Math.abs(retained) +
            Math.abs(machineSpending) +
            Math.abs(ownerDraws) +
            run.finalCash +
            run.finalDebt,
        );
        expect(Math.abs(expected - held) / scale).toBeLessThan(1e-9);
      }),
      { numRuns: 20 },
    );
  });
});
