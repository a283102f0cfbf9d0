/**
 * A factor's `range: { from, to, step | count }` as a list of values. Value i is
 * computed as from + i * step (never by adding step repeatedly, which drifts) and
 * rounded to 12 significant digits, so 0 + 3 * 0.1 is 0.3, not 0.30000000000000004,
 * and the same range always gives the same values, run keys and column text.
 */
import { MAX_DESIGN_POINTS } from './schema.js';

export const SIGNIFICANT_DIGITS = 12;

export function roundSignificant(value: number, digits = SIGNIFICANT_DIGITS): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const rounded = Number(value.toPrecision(digits));
  return rounded === 0 ? 0 : rounded; // no -0
}

export interface RangeInput {
  from: number;
  to: number;
  step?: number;
  count?: number;
}

/** The problem with a range, and the key of the range it concerns. */
export interface RangeProblem {
  key: 'from' | 'to' | 'step' | 'count' | undefined;
  expectation: string;
}

/**
 * A whole number of steps within the range counts `to` in when it is within a
 * billionth of a step of it ((0.1 - 0) / 0.025 is 4.000000000000001 in doubles).
 */
const STEP_TOLERANCE = 1e-9;

export function rangeValues(range: RangeInput): number[] | RangeProblem {
  const { from, to, step, count } = range;
  if ((step === undefined) === (count === undefined))
    return { key: undefined, expectation: 'expected either step or count (one of them)' };
  if (to < from) return { key: 'to', expectation: `expected a number >= from (${from}), got ${to}` };
  let values: number[];
  if (step !== undefined) {
    const steps = Math.floor((to - from) / step + STEP_TOLERANCE);
    if (steps + 1 > MAX_DESIGN_POINTS)
      return { key: 'step', expectation: `expected at most ${MAX_DESIGN_POINTS} values, got ${steps + 1}` };
    values = Array.from({ length: steps + 1 }, (_, i) => roundSignificant(from + i * step));
  } else {
    const n = count as number;
    if (n > MAX_DESIGN_POINTS) return { key: 'count', expectation: `expected at most ${MAX_DESIGN_POINTS}, got ${n}` };
    if (to === from) return { key: 'to', expectation: `expected a number > from (${from}) with count, got ${to}` };
    values = Array.from({ length: n }, (_, i) =>
      roundSignificant(i === n - 1 ? to : from + (i * (to - from)) / (n - 1)),
    );
  }
  const duplicate = values.findIndex((value, i) => i > 0 && value <= values[i - 1]);
  if (duplicate > 0)
    return {
      key: step !== undefined ? 'step' : 'count',
      expectation: `expected values that differ in their first 12 significant digits, got ${values[duplicate]} twice`,
    };
  return values;
}
