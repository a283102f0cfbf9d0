/**
 * summary.json: the final month's metrics per town and for all towns, totals over
 * the run, the distribution of capability across surviving firms, imitation lags,
 * designs, and the money accounts, which must balance:
 *
 *   cash held - debt owed (surviving firms) = capital brought in (founders' equity
 *   and kin help) + retained profit (profit - effort, design and copy work included)
 *   - machine spending - owners' draws - net capital taken out at exit (debt written off included).
 *
 * Machines are not money: their book value (`machineValue`) is outside the balance.
 */
import { mean, quantileSorted } from 'simple-statistics';
import type { RunResult } from '../../sim/runOne.js';
import { ALL_TOWNS } from './timeseriesCsv.js';
import { digestOf } from './digest.js';

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
  'productLaunches',
  'incrementalLaunches',
  'copies',
  'firstLocalCopies',
  'vendorEntries',
  'vendorExits',
  'machinesBought',
  'trainingGraduates',
  'ownerGiveUps',
  'investment',
  'designSpend',
  'designRent',
  'policySpending',
  'exportSalesUnits',
  // Reported in December only, so their totals are firm-years:
  'upgradedProduct',
  'upgradedProcess',
  'upgradedFunctional',
  'upgradedInterSectoral',
  'upgradedMarketingLinkages',
  'upgradedFirms',
  'downgradedFirms',
];

/** The money balance; 0 up to rounding when every flow is accounted for. */
export function accountsImbalance(accounts: {
  equityInjected: number;
  kinHelpGiven: number;
  retainedProfit: number;
  machineSpending: number;
  equityWithdrawn: number;
  ownerDraws: number;
  cashHeld: number;
  debtOwed: number;
}): number {
  const { equityInjected, kinHelpGiven, retainedProfit, machineSpending, equityWithdrawn, ownerDraws } = accounts;
  const { cashHeld, debtOwed } = accounts;
  return (
    equityInjected +
    kinHelpGiven +
    retainedProfit -
    machineSpending -
    ownerDraws -
    equityWithdrawn -
    (cashHeld - debtOwed)
  );
}

/** Count, median, p10 and p90 of first-local-copy lags (months); null statistics when there are none. */
function lagDistribution(lags: number[]): Record<string, number | null> {
  if (lags.length === 0) return { count: 0, median: null, p10: null, p90: null };
  const sorted = [...lags].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: quantileSorted(sorted, 0.5),
    p10: quantileSorted(sorted, 0.1),
    p90: quantileSorted(sorted, 0.9),
  };
}

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
        if (m < 0) throw new Error(`summary.json: the run has no metric ${metric}`);
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

  // First local copies over the whole run, by the originator's town and for all towns.
  const lagsByRow: number[][] = rowNames.map(() => []);
  const digest = digestOf(result);
  const designs = { ...digest.designs };
  digest.firstLocalCopyLagMonths.forEach((lag, i) => {
    lagsByRow[digest.firstLocalCopyOriginTown[i]].push(lag);
    lagsByRow[townNames.length].push(lag);
  });
  const imitationLags: Record<string, Record<string, number | null>> = {};
  rowNames.forEach((name, row) => (imitationLags[name] = lagDistribution(lagsByRow[row])));

  const allRow = townNames.length;
  const retained = overRun[ALL_TOWNS].profit - overRun[ALL_TOWNS].effort;
  const cashHeld = result.finalFirms.cash.reduce((sum, cash) => sum + cash, 0);
  const debtOwed = result.finalFirms.debt.reduce((sum, debt) => sum + debt, 0);
  const { equityInjected, equityWithdrawn, kinHelpGiven, machineSpending, ownerDraws } = result.accounts;
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
    imitationLags,
    designs,
    firmsEverCreated: result.firmsEverCreated,
    workersEverCreated: result.workersEverCreated,
    accounts: {
      equityInjected,
      kinHelpGiven,
      retainedProfit: retained,
      machineSpending,
      ownerDraws,
      equityWithdrawn,
      cashHeldBySurvivingFirms: cashHeld,
      debtOwedBySurvivingFirms: debtOwed,
      imbalance: accountsImbalance({
        equityInjected,
        kinHelpGiven,
        retainedProfit: retained,
        machineSpending,
        equityWithdrawn,
        ownerDraws,
        cashHeld,
        debtOwed,
      }),
    },
    metrics: Object.fromEntries(metricNames.map((name, m) => [name, result.metricUnits[m]])),
    rowsPerTick: allRow + 1,
  };
}
