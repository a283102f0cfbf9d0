/**
 * summary.json: the final month's metrics per town and for all towns, totals over
 * the run, the distribution of capability across surviving firms, and the money
 * accounts (which must balance: cash held - debt owed = capital brought in + retained
 * profit - net capital taken out at exit, debt written off included).
 */
import { mean, quantileSorted } from 'simple-statistics';
import type { RunResult } from '../../sim/runOne.js';
import { ALL_TOWNS } from './timeseriesCsv.js';

const SUMMED_OVER_RUN = [
  'entries',
  'exits',
  'hires',
  'newApprentices',
  'quits',
  'retirements',
  'profit',
  'effort',
  'interest',
  'borrowed',
  'repaid',
  'importSalesUnits',
];

function capabilityDistribution(values: number[]): Record<string, number> | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    firms: values.length,
    mean: mean(sorted),
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
  };
}

export function buildSummary(result: RunResult, scenarioName: string): Record<string, unknown> {
  const { metricNames, townNames, metrics, ticks } = result;
  const rowsPerTick = townNames.length + 1;
  const metricCount = metricNames.length;
  const rowNames = [...townNames, ALL_TOWNS];
  const valueAt = (tick: number, row: number, metric: number) =>
    metrics[(tick * rowsPerTick + row) * metricCount + metric];

  const final: Record<string, Record<string, number>> = {};
  const overRun: Record<string, Record<string, number>> = {};
  rowNames.forEach((name, row) => {
    final[name] = Object.fromEntries(metricNames.map((metric, m) => [metric, valueAt(ticks - 1, row, m)]));
    overRun[name] = Object.fromEntries(
      SUMMED_OVER_RUN.map((metric) => {
        const m = metricNames.indexOf(metric);
        let total = 0;
        for (let tick = 0; tick < ticks; tick++) total += valueAt(tick, row, m);
        return [metric, total];
      }),
    );
  });

  const capabilityByTown: Record<string, Record<string, number> | null> = {};
  rowNames.forEach((name, row) => {
    const values: number[] = [];
    result.finalFirms.town.forEach((town, i) => {
      if (row === townNames.length || town === row) values.push(result.finalFirms.capability[i]);
    });
    capabilityByTown[name] = capabilityDistribution(values);
  });

  const allRow = townNames.length;
  const retained = overRun[ALL_TOWNS].profit - overRun[ALL_TOWNS].effort;
  const cashHeld = result.finalFirms.cash.reduce((sum, cash) => sum + cash, 0);
  const debtOwed = result.finalFirms.debt.reduce((sum, debt) => sum + debt, 0);
  const { equityInjected, equityWithdrawn } = result.accounts;
  return {
    scenario: scenarioName,
    seed: result.seed,
    startYear: result.params.startYear,
    years: result.params.years,
    ticks,
    moneyUnit: result.params.moneyUnit,
    final,
    overRun,
    capability: capabilityByTown,
    firmsEverCreated: result.firmsEverCreated,
    workersEverCreated: result.workersEverCreated,
    accounts: {
      equityInjected,
      retainedProfit: retained,
      equityWithdrawn,
      cashHeldBySurvivingFirms: cashHeld,
      debtOwedBySurvivingFirms: debtOwed,
      imbalance: equityInjected + retained - equityWithdrawn - (cashHeld - debtOwed),
    },
    metrics: Object.fromEntries(metricNames.map((name, m) => [name, result.metricUnits[m]])),
    rowsPerTick: allRow + 1,
  };
}
