/**
 * Building blocks of the scenario schema: bounded numbers with defaults, ranges,
 * yearly paths, the 12-month calendar, and the did-you-mean text for a name that
 * must name something else in the scenario.
 */
import { z } from 'zod';
import { didYouMean } from '../didYouMean.js';

export const number = (description: string, fallback: number, min: number, max: number) =>
  z.number().min(min).max(max).default(fallback).describe(description);
export const integer = (description: string, fallback: number, min: number, max: number) =>
  z.number().int().min(min).max(max).default(fallback).describe(description);
export const probability = (description: string, fallback: number) => number(description, fallback, 0, 1);

export const range = (description: string, min: number, max: number, integerOnly = false) =>
  z
    .strictObject({
      min: integerOnly ? z.number().int().min(min).max(max) : z.number().min(min).max(max),
      max: integerOnly ? z.number().int().min(min).max(max) : z.number().min(min).max(max),
    })
    .refine((value) => value.min <= value.max, { message: 'min must not exceed max', path: ['min'] })
    .describe(description);

/** Years a path point may name: every month a scenario can simulate (startYear 1800-2200, up to 500 years). */
export const PATH_YEARS = { min: 1800, max: 2700 } as const;

/** A calendar year in PATH_YEARS (fractional years are months). */
export const calendarYear = (description: string) =>
  z.number().min(PATH_YEARS.min).max(PATH_YEARS.max).describe(description);

/**
 * A yearly path of an exogenous driver: a list of `{ year, value }` points, years
 * strictly increasing (fractional years allowed: 1990.5 is July 1990), each value in
 * [min, max]. The model interpolates linearly between points and holds the first
 * value before the first point and the last after the last (sim/model/paths.ts), so
 * one point is a constant. Add `.default(...)` or `.optional()` where it is used.
 */
export function yearlyPath(description: string, valueDescription: string, min: number, max: number) {
  return z
    .array(
      z.strictObject({
        year: calendarYear('Calendar year; fractional years are months (1990.5 = July 1990)'),
        value: z.number().min(min).max(max).describe(valueDescription),
      }),
    )
    .min(1)
    .max(1000)
    .superRefine((points, context) => {
      for (let i = 1; i < points.length; i++) {
        if (points[i].year > points[i - 1].year) continue;
        context.addIssue({
          code: 'custom',
          path: [i, 'year'],
          message: `expected a year after ${points[i - 1].year} (the years of a path must be strictly increasing)`,
        });
      }
    })
    .describe(
      `${description}. A list of { year, value } points, years strictly increasing: linear between points, constant before the first and after the last (one point is a constant)`,
    );
}

/** A path that is `value` throughout (the year of a single point does not matter). */
export const constantPath = (value: number) => [{ year: 2000, value }];

/** Twelve monthly demand multipliers, January first. */
export const calendar = (description: string) => z.array(z.number().min(0).max(10)).length(12).describe(description);

/** The issue text for `name`, which must be one of `names` ("a town of this scenario", ...). */
export function expectedOneOf(what: string, name: string, names: readonly string[]): string {
  const suggestion = didYouMean(name, names);
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  return `expected ${what}${hint}: ${names.length > 0 ? names.join(', ') : '(there are none)'}`;
}

/** Where a list of names repeats one: the index of each repeat and of its first occurrence. */
export function repeats(names: readonly string[]): { index: number; first: number }[] {
  const seen = new Map<string, number>();
  const found: { index: number; first: number }[] = [];
  names.forEach((name, index) => {
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else found.push({ index, first });
  });
  return found;
}

/**
 * A list of names that must each be one of `known` and appear at most once: one issue per
 * unknown name (with did-you-mean), then one per repeat. `pathOf(i)` is the path of entry i;
 * `repeatMessage(first)` says where the name first appeared.
 */
export function checkNameList(
  context: z.RefinementCtx,
  names: readonly string[],
  known: readonly string[],
  what: string,
  pathOf: (index: number) => (string | number)[],
  repeatMessage: (first: number) => string,
): void {
  names.forEach((name, index) => {
    if (known.includes(name)) return;
    context.addIssue({ code: 'custom', path: pathOf(index), message: expectedOneOf(what, name, known) });
  });
  for (const { index, first } of repeats(names)) {
    context.addIssue({ code: 'custom', path: pathOf(index), message: repeatMessage(first) });
  }
}

/** Bit k set for each name that is entry k of `catalogue` (names are checked first). */
export function maskOf(names: readonly string[], catalogue: readonly string[]): number {
  return names.reduce((mask, name) => mask | (1 << catalogue.indexOf(name)), 0);
}
