/**
 * In-place selection and quantiles against a sorted copy and simple-statistics'
 * quantileSorted (the summary's definition), to the last bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from 'simple-statistics';
import {
  HISTOGRAM_MIN_LENGTH,
  quantileInPlace,
  quantilesInPlace,
  selectInPlace,
} from '../../../sim/observers/quantile.js';

// Few distinct values as well as many: ties are where partitions go wrong. (-0 is
// mapped to 0: a typed-array sort orders -0 before 0, selection treats them as equal.)
const value = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
  fc.integer({ min: 0, max: 3 }),
);
const sample = fc.array(value, { minLength: 1, maxLength: 300 });

describe('selectInPlace', () => {
  it('puts the k-th order statistic at k with smaller values before and larger after', () => {
    fc.assert(
      fc.property(sample, fc.nat(), (values, kSeed) => {
        const k = kSeed % values.length;
        const a = Float64Array.from(values);
        const sorted = Float64Array.from(values).sort();
        expect(selectInPlace(a, 0, a.length, k)).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k]);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k]);
        expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from(sorted));
      }),
    );
  });

  it('works on a sub-range and leaves the rest of the array alone', () => {
    fc.assert(
      fc.property(sample, sample, sample, fc.nat(), (before, range, after, kSeed) => {
        const a = Float64Array.from([...before, ...range, ...after]);
        const lo = before.length;
        const hi = lo + range.length;
        const k = lo + (kSeed % range.length);
        const expected = Float64Array.from(range).sort()[k - lo];
        expect(selectInPlace(a, lo, hi, k)).toBe(expected);
        expect(Array.from(a.subarray(0, lo))).toEqual(before);
        expect(Array.from(a.subarray(hi))).toEqual(after);
      }),
    );
  });

  it('stays correct on sorted, reversed, constant and organ-pipe inputs of 100,000 values', () => {
    const n = 100_000;
    const inputs = [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => n - i),
      new Float64Array(n).fill(0.25),
      Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
    ];
    for (const input of inputs) {
      const sorted = Float64Array.from(input).sort();
      for (const k of [0, 1, n >> 1, n - 2, n - 1])
        expect(selectInPlace(Float64Array.from(input), 0, n, k)).toBe(sorted[k]);
    }
  });
});

describe('quantileInPlace', () => {
  it('equals quantileSorted of a sorted copy for any p, bit for bit', () => {
    const p = fc.oneof(fc.constantFrom(0, 0.1, 0.5, 0.9, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(sample, p, (values, q) => {
        const sorted = [...values].sort((x, y) => x - y);
        expect(
          Object.is(quantileInPlace(Float64Array.from(values), 0, values.length, q), quantileSorted(sorted, q)),
        ).toBe(true);
      }),
    );
  });

  it('gives the three quantiles in a row on the same range (each call reorders it)', () => {
    fc.assert(
      fc.property(sample, (values) => {
        const a = Float64Array.from(values);
        const sorted = [...values].sort((x, y) => x - y);
        for (const q of [0.1, 0.5, 0.9]) expect(quantileInPlace(a, 0, a.length, q)).toBe(quantileSorted(sorted, q));
      }),
    );
  });

  // Long enough for the histogram path: spread, clustered, tied, extreme and nearly equal values.
  const longSample = fc.oneof(
    fc.array(value, { minLength: HISTOGRAM_MIN_LENGTH, maxLength: 3000 }),
    fc.array(
      fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0),
      {
        minLength: HISTOGRAM_MIN_LENGTH,
        maxLength: 3000,
      },
    ),
    fc.array(fc.constantFrom(0.3, 0.3, 0.3, 0.31, 1), { minLength: HISTOGRAM_MIN_LENGTH, maxLength: 3000 }),
    fc.array(fc.constantFrom(-1.7976931348623157e308, 0, 1.7976931348623157e308), {
      minLength: HISTOGRAM_MIN_LENGTH,
      maxLength: 2000,
    }),
    fc.array(fc.constantFrom(1, 1 + Number.EPSILON, 1 + 2 * Number.EPSILON), {
      minLength: HISTOGRAM_MIN_LENGTH,
      maxLength: 2000,
    }),
    fc.array(fc.constantFrom(0, 5e-324), { minLength: HISTOGRAM_MIN_LENGTH, maxLength: 2000 }),
  );
  const quantileList = fc.array(
    fc.oneof(fc.constantFrom(0, 0.1, 0.5, 0.9, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    {
      minLength: 1,
      maxLength: 10,
    },
  );

  it('equals quantileSorted on long ranges, for several quantiles in any order, on a sub-range', () => {
    fc.assert(
      fc.property(longSample, quantileList, fc.nat(50), (values, ps, pad) => {
        const sorted = [...values].sort((x, y) => x - y);
        const a = new Float64Array(pad + values.length + pad).fill(-5);
        a.set(values, pad);
        const out = new Float64Array(ps.length);
        quantilesInPlace(a, pad, pad + values.length, ps, out);
        ps.forEach((p, q) => expect(out[q]).toBe(quantileSorted(sorted, p)));
        expect(Array.from(a.subarray(0, pad)).every((v) => v === -5)).toBe(true);
        expect(Array.from(a.subarray(pad + values.length)).every((v) => v === -5)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same quantiles when called again on its own output (no state left behind)', () => {
    fc.assert(
      fc.property(longSample, (values) => {
        const out1 = new Float64Array(3);
        const out2 = new Float64Array(3);
        quantilesInPlace(Float64Array.from(values), 0, values.length, [0.1, 0.5, 0.9], out1);
        quantileInPlace(new Float64Array(40).fill(1), 0, 40, 0.5);
        quantilesInPlace(Float64Array.from(values), 0, values.length, [0.1, 0.5, 0.9], out2);
        expect(Array.from(out2)).toEqual(Array.from(out1));
      }),
      { numRuns: 30 },
    );
  });

  it('is NaN on an empty range', () => {
    expect(quantileInPlace(new Float64Array(4), 2, 2, 0.5)).toBeNaN();
  });
});
