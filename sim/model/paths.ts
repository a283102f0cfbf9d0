/**
 * Yearly paths of exogenous drivers (shocks, import price and quality): a list of
 * `{ year, value }` points, piecewise-linear between points and constant before the
 * first and after the last. Pure functions; the exogenous phase evaluates each path
 * once per tick on the main thread and publishes the values in the towns store, so
 * kernels never evaluate a path per agent.
 */
import type { YearlyPath } from '../params.js';

/** The calendar year of a tick: tick 0 is January of `startYear`, so tick 6 is `startYear + 0.5`. */
export function yearAtTick(startYear: number, tick: number): number {
  return startYear + tick / 12;
}

/**
 * The value of `path` at a (fractional) `year`. Exact at a point's year; linear
 * between two points; the first value before the first point and the last after the
 * last. The scenario schema guarantees at least one point and strictly increasing
 * years; an empty path is a programming error.
 */
export function pathValueAt(path: YearlyPath, year: number): number {
  const count = path.length;
  if (count === 0) throw new RangeError('a yearly path needs at least one point');
  if (year <= path[0].year) return path[0].value;
  const last = path[count - 1];
  if (year >= last.year) return last.value;
  // Paths are short (a handful of points): a linear scan beats a binary search.
  let next = 1;
  while (path[next].year < year) next += 1;
  const after = path[next];
  if (after.year === year) return after.value;
  const before = path[next - 1];
  const weight = (year - before.year) / (after.year - before.year);
  return before.value + weight * (after.value - before.value);
}

/** The value of `path` in the month `tick` of a run that starts in January of `startYear`. */
export function pathValueAtTick(path: YearlyPath, startYear: number, tick: number): number {
  return pathValueAt(path, yearAtTick(startYear, tick));
}
