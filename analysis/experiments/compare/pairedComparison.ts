/**
 * One metric, one policy arm against the baseline, replicate by replicate: the mean
 * difference with a 95% interval, and what pairing on common random numbers bought.
 *
 * Replicate r of the baseline and of the arm ran on the same seed, so d_r = arm_r -
 * baseline_r removes the part of each outcome that the seed alone decides (founding
 * draws, demand shocks, who quits where); the interval is the one-sample interval of
 * the d_r. Method:
 *  - 't': mean(d) ± t(0.975, n-1) · sd(d)/√n, the default;
 *  - 'bca-bootstrap': when the differences are skewed, |G1| > 1 (the adjusted
 *    Fisher-Pearson sample skewness; |G1| > 1 is "highly skewed" in Bulmer's 1979
 *    classification) with n >= 10. Below 10 replicates the sample skewness is too
 *    noisy to act on and a bootstrap has too few distinct resamples to describe the
 *    tail, so the t interval stays and the skewness is reported for the reader;
 *  - 'welch-t': when the arms did NOT share seeds (--seeds independent), pairing by
 *    replicate index means nothing and the interval is Welch's;
 *  - 'none': fewer than 2 usable pairs (no interval can be formed).
 *
 * Pairs where either value is missing (NaN, or null in a shard: a median of no firms)
 * are dropped together, and counted.
 */
import { mean, sampleCorrelation, sampleSkewness, sampleVariance } from 'simple-statistics';
import { bcaMeanInterval } from './bootstrap.js';
import { tInterval, welchInterval, type TInterval } from './intervals.js';

export type IntervalMethod = 't' | 'bca-bootstrap' | 'welch-t' | 'none';

/** How the two arms' seeds relate: the same seed per replicate, or unrelated seeds. */
export type Seeding = 'common' | 'independent';

export interface ComparisonOptions {
  seeding: Seeding;
  /** Two-sided confidence level (default 0.95). */
  confidence?: number;
  /** Seed string for the bootstrap's resampling (the comparison's name, arm and metric, say). */
  bootstrapSeed: string;
  /** Bootstrap resamples (default 4,000). */
  bootstrapResamples?: number;
}

/** |G1| above this, with at least SKEWED_MIN_PAIRS pairs, sends the paired interval to the bootstrap. */
export const SKEWNESS_THRESHOLD = 1;
export const SKEWED_MIN_PAIRS = 10;
export const DEFAULT_CONFIDENCE = 0.95;
export const DEFAULT_BOOTSTRAP_RESAMPLES = 4000;

export interface Interval {
  lower: number | null;
  upper: number | null;
  width: number | null;
}

export interface ArmMetricComparison {
  /** Pairs used (both values present). */
  pairs: number;
  /** Pairs dropped because a value was missing. */
  droppedPairs: number;
  baselineMean: number | null;
  armMean: number | null;
  /** mean(arm) - mean(baseline) over the pairs used (= mean of the differences). */
  meanDifference: number | null;
  /** Sample standard deviation of the differences. */
  sdDifference: number | null;
  /** Adjusted Fisher-Pearson skewness of the differences (null below 3 pairs or with no spread). */
  skewnessDifference: number | null;
  confidence: number;
  /** The reported interval for the mean difference, by `method`. */
  interval: Interval;
  method: IntervalMethod;
  /** Why the method is what it is, in words (e.g. "differences skewed (G1 = 1.8): BCa bootstrap, 4000 resamples"). */
  note: string;
  /** The paired t interval, always (for contrast with the bootstrap where that was used). */
  pairedT: Interval;
  /** Welch's interval on the same numbers, as if the arms were independent. */
  welch: Interval;
  /**
   * 1 - var(d) / (var(baseline) + var(arm)). var(b) + var(a) is what var(d) would be
   * with independent seeds (no covariance), so this is the share of the difference's
   * variance that pairing removed: 0 for independent arms, towards 1 as the seed
   * explains more of both outcomes, negative if the arms are negatively correlated.
   * The paired interval is about √(1 - reduction) of the unpaired one's width.
   */
  varianceReduction: number | null;
  /** (var(baseline) + var(arm)) / var(d): how many times more replicates independent seeds would need for the same precision. */
  varianceRatio: number | null;
  /** Pearson correlation of baseline and arm across replicates. */
  correlation: number | null;
}

const asInterval = (interval: TInterval): Interval => ({
  lower: interval.lower,
  upper: interval.upper,
  width: interval.width,
});
const NO_INTERVAL: Interval = { lower: null, upper: null, width: null };

const present = (value: number | null | undefined): value is number =>
  typeof value === 'number' && !Number.isNaN(value);

/** Compare `arm` with `baseline`, index by index (index = replicate). */
export function compareArm(
  baseline: readonly (number | null)[],
  arm: readonly (number | null)[],
  options: ComparisonOptions,
): ArmMetricComparison {
  if (baseline.length !== arm.length)
    throw new Error(`baseline has ${baseline.length} replicates and the arm ${arm.length}: pairs must match`);
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const b: number[] = [];
  const a: number[] = [];
  for (let r = 0; r < baseline.length; r++) {
    const x = baseline[r];
    const y = arm[r];
    if (present(x) && present(y)) {
      b.push(x);
      a.push(y);
    }
  }
  const n = b.length;
  const droppedPairs = baseline.length - n;
  const dropped =
    droppedPairs > 0 ? `; ${droppedPairs} pair${droppedPairs === 1 ? '' : 's'} dropped (missing value)` : '';
  const empty = {
    pairs: n,
    droppedPairs,
    confidence,
    interval: NO_INTERVAL,
    method: 'none' as const,
    pairedT: NO_INTERVAL,
    welch: NO_INTERVAL,
    sdDifference: null,
    skewnessDifference: null,
    varianceReduction: null,
    varianceRatio: null,
    correlation: null,
  };
  if (n === 0) {
    return {
      ...empty,
      baselineMean: null,
      armMean: null,
      meanDifference: null,
      note: `no pairs with both values${dropped}`,
    };
  }
  const differences = a.map((value, i) => value - b[i]);
  const meanDifference = mean(differences);
  if (n === 1) {
    return {
      ...empty,
      baselineMean: b[0],
      armMean: a[0],
      meanDifference,
      note: `one pair: no interval${dropped}`,
    };
  }

  const varianceBaseline = sampleVariance(b);
  const varianceArm = sampleVariance(a);
  const varianceDifference = sampleVariance(differences);
  const sdDifference = Math.sqrt(varianceDifference);
  const pairedT = tInterval(meanDifference, sdDifference, n, confidence);
  const welch = welchInterval(mean(a) - mean(b), varianceBaseline, n, varianceArm, n, confidence);
  const skewnessDifference = n >= 3 && varianceDifference > 0 ? sampleSkewness(differences) : null;
  const unpairedVariance = varianceBaseline + varianceArm;
  const common = {
    pairs: n,
    droppedPairs,
    baselineMean: mean(b),
    armMean: mean(a),
    meanDifference,
    sdDifference,
    skewnessDifference,
    confidence,
    pairedT: asInterval(pairedT),
    welch: asInterval(welch),
    varianceReduction: unpairedVariance > 0 ? 1 - varianceDifference / unpairedVariance : null,
    varianceRatio: varianceDifference > 0 ? unpairedVariance / varianceDifference : null,
    correlation: varianceBaseline > 0 && varianceArm > 0 ? sampleCorrelation(b, a) : null,
  };

  if (options.seeding === 'independent') {
    return {
      ...common,
      interval: asInterval(welch),
      method: 'welch-t',
      note: `independent seeds: Welch interval${dropped}`,
    };
  }
  const skewed = skewnessDifference !== null && Math.abs(skewnessDifference) > SKEWNESS_THRESHOLD;
  if (skewed && n >= SKEWED_MIN_PAIRS) {
    const resamples = options.bootstrapResamples ?? DEFAULT_BOOTSTRAP_RESAMPLES;
    const bootstrap = bcaMeanInterval(differences, { confidence, resamples, seed: options.bootstrapSeed });
    return {
      ...common,
      interval: { lower: bootstrap.lower, upper: bootstrap.upper, width: bootstrap.upper - bootstrap.lower },
      method: 'bca-bootstrap',
      note: `differences skewed (G1 = ${skewnessDifference.toFixed(2)}): BCa bootstrap, ${resamples} resamples${dropped}`,
    };
  }
  const why =
    varianceDifference === 0
      ? 'every pair differs by the same amount: width 0'
      : skewed
        ? `differences skewed (G1 = ${skewnessDifference.toFixed(2)}) but only ${n} pairs (bootstrap from ${SKEWED_MIN_PAIRS}): t interval`
        : 'paired t interval';
  return { ...common, interval: asInterval(pairedT), method: 't', note: `${why}${dropped}` };
}
