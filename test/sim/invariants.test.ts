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

  it('money is conserved: cash held - debt owed = capital brought in + retained profit - net capital taken out at exit', async () => {
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
        const { equityInjected, equityWithdrawn } = result.accounts;
        const scale = Math.max(1, Math.abs(equityInjected) + Math.abs(retained) + Math.abs(cash) + Math.abs(debt));
        expect(Math.abs(equityInjected + retained - equityWithdrawn - held) / scale).toBeLessThan(1e-9);
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
