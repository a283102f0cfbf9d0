/**
 * Confidence intervals for a difference in means: the one-sample t interval (used on
 * paired differences) and Welch's unequal-variance interval for two independent
 * samples (what the same numbers would give had the arms been run on unrelated seeds).
 */
import { studentTQuantile } from './distributions.js';

export interface TInterval {
  lower: number;
  upper: number;
  /** upper - lower. */
  width: number;
  /** Degrees of freedom of the t quantile used. */
  df: number;
}

/** mean ± t(1 - α/2, n - 1) · sd / √n; width 0 when sd is 0. Needs n >= 2. */
export function tInterval(mean: number, sd: number, n: number, confidence: number): TInterval {
  if (n < 2) throw new Error(`a t interval needs n >= 2, got ${n}`);
  const df = n - 1;
  const halfWidth = sd === 0 ? 0 : studentTQuantile(1 - (1 - confidence) / 2, df) * (sd / Math.sqrt(n));
  return { lower: mean - halfWidth, upper: mean + halfWidth, width: 2 * halfWidth, df };
}

/**
 * Welch's interval for mean(arm) - mean(baseline) with sample variances `varianceArm`,
 * `varianceBaseline` over `nArm`, `nBaseline` values; degrees of freedom by
 * Welch-Satterthwaite. Width 0 when both variances are 0.
 */
export function welchInterval(
  difference: number,
  varianceBaseline: number,
  nBaseline: number,
  varianceArm: number,
  nArm: number,
  confidence: number,
): TInterval {
  if (nBaseline < 2 || nArm < 2) throw new Error(`a Welch interval needs n >= 2 in each arm`);
  const shareBaseline = varianceBaseline / nBaseline;
  const shareArm = varianceArm / nArm;
  const squaredError = shareBaseline + shareArm;
  if (squaredError === 0) return { lower: difference, upper: difference, width: 0, df: nBaseline + nArm - 2 };
  const df = squaredError ** 2 / (shareBaseline ** 2 / (nBaseline - 1) + shareArm ** 2 / (nArm - 1));
  const halfWidth = studentTQuantile(1 - (1 - confidence) / 2, df) * Math.sqrt(squaredError);
  return { lower: difference - halfWidth, upper: difference + halfWidth, width: 2 * halfWidth, df };
}
