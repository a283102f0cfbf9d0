/**
 * Phase 17, observe (sim/observe.ts, sim/observers/townStatistics.ts): the month's
 * metrics for each town and for all towns together, Mesa-style - a row of named
 * values per town, a pooled row, and a reporter per metric (`../reporters.ts`).
 *
 * The all-towns row adds the town rows in town order (the maximum for
 * `capabilityMax`), as the engine does; capability quantiles, distinct products,
 * imitation lags and the expected lag are computed for all towns directly.
 */
import { bitCount } from '../../../sim/model/rules/bits.js';
import type { Model } from '../model.js';
import type { MarketTotals } from './market.js';
import type { TickCounts, Workforce } from '../town.js';
import { reportersOf } from '../reporters.js';

/** Months over which imitation lags are pooled (sim/observers/townStatistics.ts LAG_WINDOW_MONTHS). */
const LAG_WINDOW_MONTHS = 12;

/** Everything a reporter reads for one town, or for all towns. */
export interface ObservedRow {
  totals: Omit<MarketTotals, 'processBought' | 'processNeeded'>;
  workforce: Workforce;
  counts: TickCounts;
  demandUnits: number;
  importSalesUnits: number;
  policySpending: number;
  expectedLagMonths: number;
  capabilityP10: number;
  capabilityP50: number;
  capabilityP90: number;
  productsMade: number;
  lagObservations: number;
  medianLagMonths: number;
  /** The year's upgrading tallies (UPGRADING_TALLY order; zeros outside December). */
  tally: number[];
  /** Vendors of each process at month end. */
  vendors: number[];
}

/** Linear-interpolation quantile (type 7) of values sorted ascending; NaN when empty. */
function quantileOfSorted(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = (sorted.length - 1) * p;
  const lower = Math.floor(idx);
  if (idx % 1 === 0) return sorted[lower];
  return sorted[lower] + (idx - lower) * (sorted[lower + 1] - sorted[lower]);
}

const orZero = (value: number): number => (Number.isNaN(value) ? 0 : value);
const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

/** Capability quantiles, distinct products and imitation lags of a group of firms and copies. */
function statistics(capabilities: number[], productUnion: number, lags: number[]) {
  const sorted = ascending(capabilities);
  const sortedLags = ascending(lags);
  return {
    capabilityP10: orZero(quantileOfSorted(sorted, 0.1)),
    capabilityP50: orZero(quantileOfSorted(sorted, 0.5)),
    capabilityP90: orZero(quantileOfSorted(sorted, 0.9)),
    productsMade: bitCount(productUnion),
    lagObservations: lags.length,
    medianLagMonths: orZero(quantileOfSorted(sortedLags, 0.5)),
  };
}

function townRows(model: Model): ObservedRow[] {
  const capabilities = model.towns.map((): number[] => []);
  const productUnion = model.towns.map(() => 0);
  for (const firm of model.firms) {
    if (!firm.alive) continue;
    capabilities[firm.town].push(firm.capability);
    productUnion[firm.town] |= firm.products;
  }
  // First local copies of this month and the 11 before, by the originator's town.
  model.recentFirstLocalCopies = model.recentFirstLocalCopies.filter(
    (copy) => copy.tick >= model.tick - LAG_WINDOW_MONTHS + 1,
  );
  const lags = model.towns.map((): number[] => []);
  for (const copy of model.recentFirstLocalCopies) lags[copy.originTown].push(copy.lagMonths);
  return model.towns.map((town) => {
    const { processBought: _bought, processNeeded: _needed, ...totals } = model.marketTotals[town.index];
    return {
      totals,
      workforce: town.workforce,
      counts: town.counts,
      demandUnits: town.demandUnits,
      importSalesUnits: town.importSalesUnits,
      policySpending: town.policySpending,
      expectedLagMonths: town.expectedLagMonths,
      ...statistics(capabilities[town.index], productUnion[town.index], lags[town.index]),
      tally: model.yearTally ? model.yearTally[town.index] : new Array<number>(7).fill(0),
      vendors: town.processes.map((place) => place.vendors),
    };
  });
}

/** Field-wise sum of plain records of numbers, in row order. */
function sumRecords<T extends object>(records: T[]): T {
  const out: Record<string, number> = {};
  for (const record of records) {
    for (const [key, value] of Object.entries(record) as [string, number][]) out[key] = (out[key] ?? 0) + value;
  }
  return out as T;
}

function sumLists(lists: number[][]): number[] {
  return lists[0].map((_, i) => lists.reduce((sum, list) => sum + list[i], 0));
}

function allTownsRow(model: Model, rows: ObservedRow[]): ObservedRow {
  const capabilities: number[] = [];
  let productUnion = 0;
  for (const firm of model.firms) {
    if (!firm.alive) continue;
    capabilities.push(firm.capability);
    productUnion |= firm.products;
  }
  const totals = sumRecords(rows.map((row) => row.totals));
  totals.capabilityMax = rows.reduce((max, row) => Math.max(max, row.totals.capabilityMax), 0);
  return {
    totals,
    workforce: sumRecords(rows.map((row) => row.workforce)),
    counts: sumRecords(rows.map((row) => row.counts)),
    demandUnits: rows.reduce((sum, row) => sum + row.demandUnits, 0),
    importSalesUnits: rows.reduce((sum, row) => sum + row.importSalesUnits, 0),
    policySpending: rows.reduce((sum, row) => sum + row.policySpending, 0),
    expectedLagMonths: pooledExpectedLag(rows),
    ...statistics(
      capabilities,
      productUnion,
      model.recentFirstLocalCopies.map((copy) => copy.lagMonths),
    ),
    tally: sumLists(rows.map((row) => row.tally)),
    vendors: model.params.processes.length > 0 ? sumLists(rows.map((row) => row.vendors)) : [],
  };
}

/** Firm-weighted mean of the towns' expected lags (the plain mean when no town has firms). */
function pooledExpectedLag(rows: ObservedRow[]): number {
  let weighted = 0;
  let firms = 0;
  let plain = 0;
  for (const row of rows) {
    weighted += row.totals.firms * row.expectedLagMonths;
    firms += row.totals.firms;
    plain += row.expectedLagMonths;
  }
  if (firms > 0) return weighted / firms;
  return rows.length > 0 ? plain / rows.length : 0;
}

export function observe(model: Model): void {
  const rows = townRows(model);
  rows.push(allTownsRow(model, rows));
  const reporters = reportersOf(model.params);
  rows.forEach((row, r) => {
    const offset = (model.tick * rows.length + r) * reporters.length;
    reporters.forEach((reporter, m) => (model.metrics[offset + m] = reporter(row)));
  });
}
