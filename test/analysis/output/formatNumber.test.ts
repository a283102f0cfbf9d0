import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, formatNumberByRoundTrip } from '../../../analysis/output/format.js';

describe('formatNumber', () => {
  it('gives the same text as the round trip through toPrecision(10) and Number, for any double', () => {
    fc.assert(
      fc.property(fc.double(), (value) => formatNumber(value) === formatNumberByRoundTrip(value)),
      { numRuns: 200_000, seed: 8 },
    );
  });

  it('matches on values near the fixed/exponent boundaries and on rounding carries', () => {
    const edges = [
      1e-7,
      9.99999999995e-7,
      1e-6,
      1.23456789e-6,
      0.1,
      0.5,
      2.00000000001,
      9999999999.5,
      1e10 + 0.5,
      123456789.75,
      -0.00000000001,
      -1e-12,
      0.30000000000000004,
      1e21 + 0.5,
      -2.5,
      1234.5678,
      99999.999999999,
    ];
    for (const base of edges)
      for (const value of [base, -base, base * (1 + 2 ** -52), base * (1 - 2 ** -52)])
        expect(formatNumber(value), String(value)).toBe(formatNumberByRoundTrip(value));
    expect(formatNumber(2.00000000001)).toBe('2');
    expect(formatNumber(-0.00000000001)).toBe('-1e-11');
    expect(formatNumber(12.34)).toBe('12.34');
  });

  it('matches on magnitudes a run prints (money, shares, skills)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -12, max: 12 }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (exponent, mantissa) => {
          const value = mantissa * 10 ** exponent;
          return (
            formatNumber(value) === formatNumberByRoundTrip(value) &&
            formatNumber(-value) === formatNumberByRoundTrip(-value)
          );
        },
      ),
      { numRuns: 100_000, seed: 9 },
    );
  });
});
