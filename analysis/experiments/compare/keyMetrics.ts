/**
 * What a comparison measures and how each metric becomes one number per run for the
 * year compared (--at, default the last simulated year):
 *  - 'level': a stock or a state (firms, capability, shares, vendors) read in December;
 *  - 'flow': a count or amount per month (units sold, entries, money spent), summed over
 *    the twelve months of the year, so it reads as "per year" and one month's noise
 *    does not decide it;
 *  - 'december': the upgrading tallies, which sim/observe.ts already counts for the
 *    whole calendar year in December (0 in other months), read in December.
 *
 * The default set answers "what did the policy change" for the questions the seed
 * papers ask: capability (meanCapability, capabilityP50), structure and the division of
 * labour (firms, workers, fullyIntegratedShare, vendors, productsMade), performance
 * (salesUnits, per year) and upgrading (upgradedFirms).
 */
import type { Reporter } from '../../../sim/observe.js';

export type MetricKind = 'level' | 'flow' | 'december';

export const DEFAULT_KEY_METRICS: readonly string[] = [
  'meanCapability',
  'capabilityP50',
  'firms',
  'workers',
  'fullyIntegratedShare',
  'vendors',
  'productsMade',
  'salesUnits',
  'upgradedFirms',
];

/** Metrics counted per month (sim/observe.ts: "this month" counts and money/month or units/month amounts). */
export const FLOW_METRICS: ReadonlySet<string> = new Set([
  'entries',
  'exits',
  'hires',
  'newApprentices',
  'quits',
  'retirements',
  'demandUnits',
  'salesUnits',
  'revenue',
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
  'exportSalesUnits',
  'designSpend',
  'designRent',
  'investment',
  'vendorEntries',
  'vendorExits',
  'machinesBought',
  'trainingGraduates',
  'ownerGiveUps',
  'outsiderEntries',
  'policySpending',
]);

/** The upgrading tallies: counted for the calendar year in December. */
export const DECEMBER_METRICS: ReadonlySet<string> = new Set([
  'upgradedProduct',
  'upgradedProcess',
  'upgradedFunctional',
  'upgradedInterSectoral',
  'upgradedMarketingLinkages',
  'upgradedFirms',
  'downgradedFirms',
]);

export function metricKind(name: string): MetricKind {
  if (FLOW_METRICS.has(name)) return 'flow';
  if (DECEMBER_METRICS.has(name)) return 'december';
  return 'level';
}

export interface KeyMetric {
  name: string;
  kind: MetricKind;
  /** The unit of the compared number: a flow's "/month" becomes "/year". */
  unit: string;
  /** How the number is taken, e.g. "December 1971" or "sum over 1971". */
  measured: string;
}

export function keyMetric(reporter: Reporter, year: number): KeyMetric {
  const kind = metricKind(reporter.name);
  if (kind === 'flow') {
    const unit = reporter.unit.endsWith('/month')
      ? `${reporter.unit.slice(0, -'/month'.length)}/year`
      : `${reporter.unit}/year`;
    return { name: reporter.name, kind, unit, measured: `sum over ${year}` };
  }
  return { name: reporter.name, kind, unit: reporter.unit, measured: `December ${year}` };
}
