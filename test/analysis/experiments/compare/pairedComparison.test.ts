/**
 * The paired comparison's statistics: interval coverage on normal data (a fixed
 * seeded simulation, so the count is the same every run and cannot flake), pairing
 * narrower than Welch when the arms are positively correlated and not when they are
 * independent, the bootstrap for skewed differences, and the edge cases.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { compareArm } from '../../../../analysis/experiments/compare/pairedComparison.js';
import { bcaMeanInterval } from '../../../../analysis/experiments/compare/bootstrap.js';

/** Standard normal draws from seedrandom (Box-Muller). */
function normals(seed: string): () => number {
  const rng = seedrandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/**
 * n replicates of two arms sharing a seed effect: baseline = 10 + σs·s + σe·e1,
 * arm = 10 + δ + σs·s + σe·e2. The correlation between arms is σs² / (σs² + σe²).
 */
function pairedSample(next: () => number, n: number, delta: number, seedSd: number, noiseSd: number) {
  const baseline: number[] = [];
  const arm: number[] = [];
  for (let r = 0; r < n; r++) {
    const shared = seedSd * next();
    baseline.push(10 + shared + noiseSd * next());
    arm.push(10 + delta + shared + noiseSd * next());
  }
  return { baseline, arm };
}

const covers = (interval: { lower: number | null; upper: number | null }, value: number) =>
  interval.lower !== null && interval.upper !== null && interval.lower <= value && value <= interval.upper;

describe('coverage on normal data', () => {
  // 2,000 intervals: a true coverage of 0.95 gives a count with sd 0.0049, so [0.93, 0.97]
  // is ±4 sd; the draws are seeded, so the count is the same on every run.
  const trials = 2000;

  it('the paired t interval covers the true difference about 95% of the time', () => {
    const next = normals('coverage-paired');
    let covered = 0;
    for (let trial = 0; trial < trials; trial++) {
      const { baseline, arm } = pairedSample(next, 10, 1.5, 3, 1);
      const result = compareArm(baseline, arm, { seeding: 'common', bootstrapSeed: `t${trial}` });
      expect(result.method).not.toBe('none');
      if (covers(result.interval, 1.5)) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.93);
    expect(covered / trials).toBeLessThan(0.97);
  });

  it('the Welch interval (independent seeds) covers about 95% of the time', () => {
    const next = normals('coverage-welch');
    let covered = 0;
    for (let trial = 0; trial < trials; trial++) {
      const { baseline, arm } = pairedSample(next, 8, -0.7, 0, 2);
      const result = compareArm(baseline, arm, { seeding: 'independent', bootstrapSeed: `w${trial}` });
      expect(result.method).toBe('welch-t');
      if (covers(result.interval, -0.7)) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.93);
    expect(covered / trials).toBeLessThan(0.97);
  });
});

describe('what pairing buys', () => {
  it('is a narrower interval than Welch when the arms are positively correlated', () => {
    fc.assert(
      // n >= 5 and a fixed fast-check seed: this is a statement about samples, and with
      // three pairs a sample can (rarely) have near-equal arms by chance; the property must
      // not flake, so it is checked on the same 200 samples every time.
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 5, max: 30 }), (seed, n) => {
        // Correlation 0.99: the seed decides almost everything. Pairing removes σs from the
        // differences, so var(d) = 2σe² against var(b) + var(a) ≈ 2(σs² + σe²).
        const { baseline, arm } = pairedSample(normals(`pos${seed}`), n, 0.5, 10, 1);
        const result = compareArm(baseline, arm, { seeding: 'common', bootstrapSeed: 'x' });
        expect(result.pairedT.width!).toBeLessThan(result.welch.width!);
        expect(result.varianceReduction!).toBeGreaterThan(0);
        expect(result.correlation!).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 20261124 },
    );
  });

  it('is nothing when the arms are independent: widths alike on average, reduction about 0', () => {
    const next = normals('independent-arms');
    const ratios: number[] = [];
    const reductions: number[] = [];
    for (let trial = 0; trial < 500; trial++) {
      const { baseline, arm } = pairedSample(next, 10, 0.5, 0, 1);
      const result = compareArm(baseline, arm, { seeding: 'common', bootstrapSeed: 'x' });
      ratios.push(result.pairedT.width! / result.welch.width!);
      reductions.push(result.varianceReduction!);
    }
    const average = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    // With independent arms E[var(d)] = var(b) + var(a): the reduction averages 0 (its sd over
    // 500 trials is about 0.02) and the paired interval is not narrower on average.
    expect(Math.abs(average(reductions))).toBeLessThan(0.08);
    expect(average(ratios)).toBeGreaterThan(0.95);
    // ...and for correlated arms the same statistic is far from it.
    const correlated = compareArm(...(Object.values(pairedSample(next, 10, 0.5, 3, 1)) as [number[], number[]]), {
      seeding: 'common',
      bootstrapSeed: 'x',
    });
    expect(correlated.pairedT.width! / correlated.welch.width!).toBeLessThan(0.6);
  });

  it('computes the variance reduction and the ratio from the sample variances', () => {
    // b = 1,2,3,4 (var 5/3); a = 2,4,5,5 (var 2); d = 1,2,2,1 (var 1/3)
    const result = compareArm([1, 2, 3, 4], [2, 4, 5, 5], { seeding: 'common', bootstrapSeed: 'x' });
    expect(result.meanDifference).toBeCloseTo(1.5, 12);
    expect(result.varianceReduction).toBeCloseTo(1 - 1 / 3 / (5 / 3 + 2), 12);
    expect(result.varianceRatio).toBeCloseTo((5 / 3 + 2) / (1 / 3), 12);
    // t(0.975, 3) = 3.1824463; sd(d)/√n = √(1/3)/2
    expect(result.interval.width).toBeCloseTo(2 * 3.1824463 * (Math.sqrt(1 / 3) / 2), 6);
    expect(result.method).toBe('t');
  });
});

describe('the bootstrap for skewed differences', () => {
  // Log-normal differences (skewness about 6): a few replicates where the policy changed a lot.
  const skewedArms = () => {
    const next = normals('lognormal');
    const baseline = Array.from({ length: 20 }, () => 50 + next());
    const arm = baseline.map((value) => value + Math.exp(1.2 * next()));
    return { baseline, arm };
  };

  it('is used when |skewness| > 1 with at least 10 pairs, and leans the way the data do', () => {
    const { baseline, arm } = skewedArms();
    const result = compareArm(baseline, arm, { seeding: 'common', bootstrapSeed: 'arm/metric' });
    expect(Math.abs(result.skewnessDifference!)).toBeGreaterThan(1);
    expect(result.method).toBe('bca-bootstrap');
    expect(result.note).toMatch(/BCa bootstrap, 4000 resamples/);
    const d = result.meanDifference!;
    // Right skew: the interval reaches further above the mean than below it, unlike the symmetric t interval.
    expect(result.interval.upper! - d).toBeGreaterThan(d - result.interval.lower!);
    expect(result.interval.lower!).toBeLessThan(d);
    expect(result.pairedT.upper! - d).toBeCloseTo(d - result.pairedT.lower!, 10);
  });

  it('is deterministic for a seed and changes with it', () => {
    const { baseline, arm } = skewedArms();
    const first = compareArm(baseline, arm, { seeding: 'common', bootstrapSeed: 'a' });
    const again = compareArm(baseline, arm, { seeding: 'common', bootstrapSeed: 'a' });
    const other = compareArm(baseline, arm, { seeding: 'common', bootstrapSeed: 'b' });
    expect(again.interval).toEqual(first.interval);
    expect(other.interval).not.toEqual(first.interval);
  });

  it('is not used below 10 pairs (the t interval stays, the skewness is reported)', () => {
    const result = compareArm([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 30], { seeding: 'common', bootstrapSeed: 'x' });
    expect(result.skewnessDifference!).toBeGreaterThan(1);
    expect(result.method).toBe('t');
    expect(result.note).toMatch(/skewed .* but only 6 pairs/);
  });

  it('BCa on symmetric data is close to the t interval', () => {
    const next = normals('symmetric');
    const values = Array.from({ length: 40 }, () => next());
    const bca = bcaMeanInterval(values, { confidence: 0.95, resamples: 4000, seed: 's' });
    const t = compareArm(
      values.map(() => 0),
      values,
      { seeding: 'common', bootstrapSeed: 'x' },
    ).pairedT;
    expect(Math.abs(bca.lower - t.lower!)).toBeLessThan(0.1 * t.width!);
    expect(Math.abs(bca.upper - t.upper!)).toBeLessThan(0.1 * t.width!);
  });
});

describe('edge cases', () => {
  it('one pair: a mean difference and no interval', () => {
    const result = compareArm([3], [5], { seeding: 'common', bootstrapSeed: 'x' });
    expect(result.meanDifference).toBe(2);
    expect(result.method).toBe('none');
    expect(result.interval).toEqual({ lower: null, upper: null, width: null });
    expect(result.note).toMatch(/one pair: no interval/);
  });

  it('zero variance: width 0', () => {
    const result = compareArm([1, 2, 3], [2, 3, 4], { seeding: 'common', bootstrapSeed: 'x' });
    expect(result.interval).toEqual({ lower: 1, upper: 1, width: 0 });
    expect(result.note).toMatch(/same amount/);
    const constant = compareArm([4, 4, 4], [4, 4, 4], { seeding: 'common', bootstrapSeed: 'x' });
    expect(constant.interval.width).toBe(0);
    expect(constant.welch.width).toBe(0);
    expect(constant.varianceReduction).toBeNull();
    expect(constant.correlation).toBeNull();
  });

  it('drops pairs with a missing value, counts them, and keeps the means over the pairs used', () => {
    const result = compareArm([1, Number.NaN, 3, 4, null], [2, 9, 5, null, 7], {
      seeding: 'common',
      bootstrapSeed: 'x',
    });
    expect(result.pairs).toBe(2);
    expect(result.droppedPairs).toBe(3);
    expect(result.baselineMean).toBe(2);
    expect(result.armMean).toBe(3.5);
    expect(result.note).toMatch(/3 pairs dropped/);
    const none = compareArm([null, Number.NaN], [1, 2], { seeding: 'common', bootstrapSeed: 'x' });
    expect(none.pairs).toBe(0);
    expect(none.meanDifference).toBeNull();
  });

  it('refuses arms of different lengths', () => {
    expect(() => compareArm([1, 2], [1], { seeding: 'common', bootstrapSeed: 'x' })).toThrow(/pairs must match/);
  });
});
