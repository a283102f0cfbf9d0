/** Small statistics and formatting shared by the pattern-check modules. */
import type { RunResult } from '../../sim/runOne.js';
import type { PatternOutcome } from './types.js';

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

export const mean = (values: readonly number[]): number => sum(values) / values.length;

/** The linear-interpolation quantile (type 7 of R, numpy's default); NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export const fixed = (value: number, digits = 2): string => value.toFixed(digits);

/** The calendar year of a tick of `result`. */
export const yearOf = (result: Pick<RunResult, 'params'>, tick: number): number =>
  result.params.startYear + Math.floor(tick / 12);

/** The last simulated calendar year of `result`. */
export const lastYear = (result: Pick<RunResult, 'params'>): number =>
  result.params.startYear + result.params.years - 1;

export function outcome(statistic: number, display: string, pass: boolean, detail?: string): PatternOutcome {
  return detail === undefined ? { statistic, display, pass } : { statistic, display, pass, detail };
}
