/**
 * Benchmark functions with known Sobol indices, for testing the estimators (and as worked
 * examples): the Ishigami function and the Sobol G-function. Both take a row of factor values
 * as laid out by sampling.ts.
 */
import type { Factor } from './sampling.js';

export interface AnalyticIndices {
  readonly s1: number[];
  readonly st: number[];
}

/** Ishigami & Homma (1990): x1..x3 uniform on [−π, π]. */
export const ISHIGAMI_FACTORS: readonly Factor[] = ['x1', 'x2', 'x3'].map((name) => ({
  name,
  min: -Math.PI,
  max: Math.PI,
}));

/** f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1, with the customary a = 7, b = 0.1. */
export const ishigami = (x: readonly number[], a = 7, b = 0.1): number =>
  Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);

/**
 * The standard Ishigami variance decomposition (Sobol' & Levitan 1999): V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0,
 * V13 = b²π⁸(1/18 − 1/50) = 8b²π⁸/225, V = V1 + V2 + V13. For a = 7, b = 0.1:
 * S1 ≈ (0.314, 0.442, 0), ST ≈ (0.558, 0.442, 0.244).
 */
export function ishigamiIndices(a = 7, b = 0.1): AnalyticIndices {
  const pi4 = Math.PI ** 4;
  const v1 = (1 + (b * pi4) / 5) ** 2 / 2;
  const v2 = a ** 2 / 8;
  const v13 = (8 * b ** 2 * pi4 ** 2) / 225;
  const v = v1 + v2 + v13;
  return { s1: [v1 / v, v2 / v, 0], st: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/** The G-function's k factors, uniform on [0, 1]. */
export const gFunctionFactors = (k: number): Factor[] =>
  Array.from({ length: k }, (_, i) => ({ name: `x${i + 1}`, min: 0, max: 1 }));

/** Sobol' G-function: Π_i (|4x_i − 2| + a_i) / (1 + a_i); a small a_i makes x_i important. */
export function gFunction(x: readonly number[], a: readonly number[]): number {
  let product = 1;
  for (let i = 0; i < a.length; i++) product *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return product;
}

/**
 * Analytic indices of the G-function: V_i = 1 / (3(1 + a_i)²), V = Π(1 + V_i) − 1,
 * S1_i = V_i / V, ST_i = V_i Π_{j≠i}(1 + V_j) / V.
 */
export function gFunctionIndices(a: readonly number[]): AnalyticIndices {
  const parts = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const whole = parts.reduce((product, vi) => product * (1 + vi), 1);
  const v = whole - 1;
  return { s1: parts.map((vi) => vi / v), st: parts.map((vi) => (vi * whole) / (1 + vi) / v) };
}
