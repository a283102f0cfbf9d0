/**
 * Reading a single run's metric columns for charts: a value by (tick, row, metric),
 * the row labels (towns, then all towns), and which months to sample so that a long
 * or national run stays small inline (see `sampleTicks`).
 */
import type { RunResult } from '../../sim/runOne.js';
import { ALL_TOWNS } from './spec.js';

/** At most this many (tick, row) points per time-series chart: ~14 rows x 160 months. */
export const MAX_SERIES_POINTS = 2400;

export interface RunSeries {
  result: RunResult;
  rows: number;
  /** towns, then ALL_TOWNS; index = metrics row. */
  rowLabels: string[];
  has(metric: string): boolean;
  /** Value of `metric` in `row` at `tick` (NaN when the run has no such metric). */
  at(tick: number, row: number, metric: string): number;
  /** Calendar year of a tick. */
  calendarYear(tick: number): number;
}

export function runSeries(result: RunResult): RunSeries {
  const towns = result.townNames.length;
  const rows = towns + 1;
  const metricCount = result.metricNames.length;
  const index = new Map(result.metricNames.map((name, i) => [name, i]));
  const { startYear } = result.params;
  return {
    result,
    rows,
    rowLabels: [...result.townNames, ALL_TOWNS],
    has: (metric) => index.has(metric),
    at(tick, row, metric) {
      const m = index.get(metric);
      return m === undefined ? Number.NaN : result.metrics[(tick * rows + row) * metricCount + m];
    },
    calendarYear: (tick) => startYear + Math.floor(tick / 12),
  };
}

/**
 * Months to chart: every month when the run is short, else every third month
 * (March, June, September, December), else Decembers only - the first stride that
 * keeps ticks x rows under MAX_SERIES_POINTS. Every sample ends a quarter or a year,
 * so December (what the yearly panel and the upgrading tallies use) is always kept.
 */
export function sampleTicks(ticks: number, rows: number): number[] {
  for (const stride of [1, 3, 12]) {
    const picked: number[] = [];
    for (let tick = stride - 1; tick < ticks; tick += stride) picked.push(tick);
    if (picked.length * rows <= MAX_SERIES_POINTS || stride === 12) return picked;
  }
  return [];
}

/** What the sampling means, for a chart's subtitle. */
export function samplingWords(ticks: number, rows: number): string {
  const picked = sampleTicks(ticks, rows).length;
  if (picked === ticks) return 'monthly';
  return picked * 3 >= ticks ? 'every third month' : 'December of each year';
}

/** December ticks of the run (one per simulated year). */
export function decemberTicks(ticks: number): number[] {
  const out: number[] = [];
  for (let tick = 11; tick < ticks; tick += 12) out.push(tick);
  return out;
}
