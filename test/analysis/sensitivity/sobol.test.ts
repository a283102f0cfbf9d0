/**
 * Sobol indices (Saltelli 2010 S1, Jansen 1999 ST, bootstrap intervals) against the analytic
 * indices of the Ishigami function and the G-function. Seeds are fixed, so the numbers are
 * reproducible; the tolerances are statistical (about twice the bootstrap half-width).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleSaltelli, saltelliRows, type Factor } from '../../../analysis/sensitivity/sampling.js';
import { sobolIndices, splitSaltelliOutputs, type SobolIndex } from '../../../analysis/sensitivity/sobol.js';
import {
  gFunction,
  gFunctionFactors,
  gFunctionIndices,
  ishigami,
  ishigamiIndices,
  ISHIGAMI_FACTORS,
} from '../../../analysis/sensitivity/testFunctions.js';

function analyse(factors: readonly Factor[], model: (x: number[]) => number, baseRows: number): SobolIndex[] {
  const design = sampleSaltelli(factors, baseRows, 'sobol-test');
  const outputs = saltelliRows(design).map(model);
  return sobolIndices(
    factors.map((factor) => factor.name),
    splitSaltelliOutputs(outputs, baseRows, factors.length),
    { seed: 'sobol-test-bootstrap' },
  );
}

const inside = (value: number, low: number, high: number): boolean => value >= low && value <= high;

describe('Sobol indices on the Ishigami function (a = 7, b = 0.1), N = 2^14', () => {
  const analytic = ishigamiIndices();
  let indices: SobolIndex[];
  beforeAll(() => {
    indices = analyse(ISHIGAMI_FACTORS, (x) => ishigami(x), 2 ** 14);
  });

  it('has the textbook analytic values', () => {
    expect(analytic.s1.map((s) => +s.toFixed(3))).toEqual([0.314, 0.442, 0]);
    expect(analytic.st.map((s) => +s.toFixed(3))).toEqual([0.558, 0.442, 0.244]);
  });

  it('estimates S1 and ST within ±0.03 of the analytic values', () => {
    indices.forEach((index, i) => {
      expect(Math.abs(index.s1 - analytic.s1[i])).toBeLessThan(0.03);
      expect(Math.abs(index.st - analytic.st[i])).toBeLessThan(0.03);
    });
  });

  it('has the analytic values inside the 95% bootstrap intervals for most factors', () => {
    const s1Hits = indices.filter((index, i) => inside(analytic.s1[i], index.s1Low, index.s1High)).length;
    const stHits = indices.filter((index, i) => inside(analytic.st[i], index.stLow, index.stHigh)).length;
    expect(s1Hits).toBeGreaterThanOrEqual(2);
    expect(stHits).toBeGreaterThanOrEqual(2);
    for (const index of indices) {
      expect(index.s1Low).toBeLessThanOrEqual(index.s1);
      expect(index.s1High).toBeGreaterThanOrEqual(index.s1);
      expect(index.stHigh - index.stLow).toBeLessThan(0.06);
    }
  });
});

describe('Sobol indices on the G-function, a = [0, 1, 4.5, 9, 99, 99], N = 2^13', () => {
  const a = [0, 1, 4.5, 9, 99, 99];
  const factors = gFunctionFactors(a.length);
  const analytic = gFunctionIndices(a);
  let indices: SobolIndex[];
  beforeAll(() => {
    indices = analyse(factors, (x) => gFunction(x, a), 2 ** 13);
  });

  it('estimates S1 and ST within ±0.03 of the analytic values', () => {
    indices.forEach((index, i) => {
      expect(Math.abs(index.s1 - analytic.s1[i])).toBeLessThan(0.03);
      expect(Math.abs(index.st - analytic.st[i])).toBeLessThan(0.03);
    });
  });

  it('has the analytic values inside the 95% bootstrap intervals for most factors', () => {
    const s1Hits = indices.filter((index, i) => inside(analytic.s1[i], index.s1Low, index.s1High)).length;
    const stHits = indices.filter((index, i) => inside(analytic.st[i], index.stLow, index.stHigh)).length;
    expect(s1Hits).toBeGreaterThanOrEqual(a.length - 1);
    expect(stHits).toBeGreaterThanOrEqual(a.length - 1);
  });

  it('ranks the important factors first by ST (x1 > x2 > x3 > x4 > the two with a = 99)', () => {
    const st = indices.map((index) => index.st);
    expect(st[0]).toBeGreaterThan(st[1]);
    expect(st[1]).toBeGreaterThan(st[2]);
    expect(st[2]).toBeGreaterThan(st[3]);
    expect(st[3]).toBeGreaterThan(Math.max(st[4], st[5]));
  });
});

describe('Sobol bookkeeping', () => {
  it('gives NaN indices for a constant output, not a division by zero passed off as a number', () => {
    const n = 16;
    const flat = new Array<number>(n * 4).fill(3);
    const [index] = sobolIndices(['x', 'y'], splitSaltelliOutputs(flat, n, 2), { seed: 's', resamples: 5 });
    expect(index.s1).toBeNaN();
    expect(index.st).toBeNaN();
    expect(index.s1Low).toBeNaN();
  });

  it('rejects an output count that is not N·(k+2)', () => {
    expect(() => splitSaltelliOutputs([1, 2, 3], 2, 1)).toThrow(/N·\(k\+2\) = 6/);
  });

  it('gives identical indices for the same bootstrap seed and different intervals for another', () => {
    const design = sampleSaltelli(ISHIGAMI_FACTORS, 256, 'determinism');
    const outputs = splitSaltelliOutputs(
      saltelliRows(design).map((x) => ishigami(x)),
      256,
      3,
    );
    const names = ['x1', 'x2', 'x3'];
    const first = sobolIndices(names, outputs, { seed: 'one', resamples: 50 });
    expect(sobolIndices(names, outputs, { seed: 'one', resamples: 50 })).toEqual(first);
    const other = sobolIndices(names, outputs, { seed: 'two', resamples: 50 });
    expect(other.map((index) => index.s1)).toEqual(first.map((index) => index.s1));
    expect(other.map((index) => index.s1Low)).not.toEqual(first.map((index) => index.s1Low));
  });
});
