/** Yearly paths: piecewise-linear between points, constant outside them, exact at them. */
import { describe, expect, it } from 'vitest';
import { pathValueAt, pathValueAtTick, yearAtTick } from '../../../sim/model/paths.js';

const PATH = [
  { year: 1990, value: 1 },
  { year: 1995, value: 2 },
  { year: 2000, value: 0.5 },
];

describe('pathValueAt', () => {
  it('holds the first value before the first point and the last value after the last', () => {
    expect(pathValueAt(PATH, 1800)).toBe(1);
    expect(pathValueAt(PATH, 1989.99)).toBe(1);
    expect(pathValueAt(PATH, 2000.01)).toBe(0.5);
    expect(pathValueAt(PATH, 2700)).toBe(0.5);
  });

  it('is exact at every point', () => {
    for (const point of PATH) expect(pathValueAt(PATH, point.year)).toBe(point.value);
  });

  it('interpolates linearly between points', () => {
    expect(pathValueAt(PATH, 1992.5)).toBeCloseTo(1.5, 12);
    expect(pathValueAt(PATH, 1991)).toBeCloseTo(1.2, 12);
    expect(pathValueAt(PATH, 1996)).toBeCloseTo(2 - 1.5 / 5, 12);
    expect(pathValueAt(PATH, 1999)).toBeCloseTo(0.8, 12);
  });

  it('treats one point as a constant', () => {
    const constant = [{ year: 2000, value: 0.7 }];
    for (const year of [1800, 1999.5, 2000, 2000.5, 2700]) expect(pathValueAt(constant, year)).toBe(0.7);
  });

  it('refuses an empty path (the schema never lets one through)', () => {
    expect(() => pathValueAt([], 2000)).toThrow(RangeError);
  });
});

describe('paths at a tick', () => {
  it('tick 0 is January of the start year and tick 6 is mid-year', () => {
    expect(yearAtTick(1960, 0)).toBe(1960);
    expect(yearAtTick(1960, 6)).toBe(1960.5);
    expect(yearAtTick(1960, 12 * 35)).toBe(1995);
  });

  it('evaluates a path month by month, fractional years between the points', () => {
    const ramp = [
      { year: 2001, value: 0 },
      { year: 2002, value: 1 },
    ];
    const values = Array.from({ length: 37 }, (_, tick) => pathValueAtTick(ramp, 2000, tick));
    expect(values.slice(0, 13)).toEqual(Array(13).fill(0));
    expect(values[18]).toBeCloseTo(0.5, 12);
    expect(values[15]).toBeCloseTo(0.25, 12);
    expect(values.slice(24)).toEqual(Array(13).fill(1));
    for (let tick = 1; tick < values.length; tick++) expect(values[tick]).toBeGreaterThanOrEqual(values[tick - 1]);
  });
});
