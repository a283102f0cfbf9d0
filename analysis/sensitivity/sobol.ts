/**
 * Sobol first-order (S1) and total (ST) indices from the outputs of a Saltelli design
 * (sampling.ts), with percentile bootstrap confidence intervals.
 *
 * With f_A, f_B and f_AB^i the outputs for rows j = 1..N of A, B and A_B^i:
 * - V = the variance of the 2N outputs f_A and f_B together (population form, divisor 2N, as
 *   SALib does): both matrices are independent samples of the input distribution.
 * - S1_i = (1/N) Σ_j f_B(j) (f_AB^i(j) − f_A(j)) / V — Saltelli et al. (2010), "Variance based
 *   sensitivity analysis of model output. Design and estimator for the total sensitivity index",
 *   Comput. Phys. Commun. 181, 259-270, Table 2 (b). Unbiased for V_i without subtracting f0².
 * - ST_i = (1/(2N)) Σ_j (f_A(j) − f_AB^i(j))² / V — Jansen (1999), "Analysis of variance
 *   designs for model output", Comput. Phys. Commun. 117, 35-43 (Saltelli 2010 Table 2 (f)),
 *   the estimator Saltelli et al. found most efficient for ST.
 * f_B is centred on the mean of f_A and f_B in the S1 sum (SALib centres too). That leaves Jansen
 * untouched and S1 unbiased (E[f_AB^i − f_A] = 0), and makes S1 invariant to a constant added to
 * the output: uncentred, a large mean times the noise of Σ(f_AB^i − f_A) swamps the estimate.
 *
 * Intervals: resample the N base rows with replacement (row j keeps its f_A, f_B and every
 * f_AB^i together, since they share inputs), re-estimate, and take the (1 ± confidence)/2
 * quantiles of the resampled estimates (type-7 interpolation, simple-statistics'
 * quantileSorted). Indices of a constant output are NaN: there is no variance to share out.
 */
import { quantileSorted } from 'simple-statistics';
import seedrandom from 'seedrandom';

/** Model outputs for a Saltelli design: a[j], b[j] and ab[i][j] for base row j. */
export interface SaltelliOutputs {
  readonly a: ArrayLike<number>;
  readonly b: ArrayLike<number>;
  readonly ab: readonly ArrayLike<number>[];
}

/** Splits N·(k+2) outputs in `saltelliRows` order (A, B, A_B^1 ... A_B^k blocks). */
export function splitSaltelliOutputs(
  outputs: ArrayLike<number>,
  baseRows: number,
  factorCount: number,
): SaltelliOutputs {
  if (outputs.length !== baseRows * (factorCount + 2)) {
    throw new Error(
      `expected N·(k+2) = ${baseRows * (factorCount + 2)} outputs for N = ${baseRows}, k = ${factorCount}; got ${outputs.length}`,
    );
  }
  const block = (index: number): number[] => Array.from({ length: baseRows }, (_, j) => outputs[index * baseRows + j]);
  return { a: block(0), b: block(1), ab: Array.from({ length: factorCount }, (_, i) => block(i + 2)) };
}

export interface SobolIndex {
  readonly name: string;
  readonly s1: number;
  /** Bootstrap percentile interval for S1 at the chosen confidence. */
  readonly s1Low: number;
  readonly s1High: number;
  readonly st: number;
  readonly stLow: number;
  readonly stHigh: number;
}

export interface SobolOptions {
  /** Seed string for the bootstrap resampling. */
  readonly seed: string;
  /** Bootstrap resamples; 1,000 by default. */
  readonly resamples?: number;
  /** Two-sided confidence level of the intervals; 0.95 by default. */
  readonly confidence?: number;
}

/** S1 and ST for every factor from the base rows listed in `rows` (repeats allowed). */
export function sobolEstimates(outputs: SaltelliOutputs, rows: ArrayLike<number>): { s1: number[]; st: number[] } {
  const n = rows.length;
  let centre = 0;
  for (let q = 0; q < n; q++) centre += outputs.a[rows[q]] + outputs.b[rows[q]];
  centre /= 2 * n;
  let variance = 0;
  for (let q = 0; q < n; q++) variance += (outputs.a[rows[q]] - centre) ** 2 + (outputs.b[rows[q]] - centre) ** 2;
  variance /= 2 * n;
  const s1: number[] = [];
  const st: number[] = [];
  for (const abi of outputs.ab) {
    let first = 0;
    let total = 0;
    for (let q = 0; q < n; q++) {
      const j = rows[q];
      const fa = outputs.a[j];
      const fab = abi[j];
      first += (outputs.b[j] - centre) * (fab - fa);
      total += (fa - fab) ** 2;
    }
    s1.push(variance > 0 ? first / n / variance : Number.NaN);
    st.push(variance > 0 ? total / (2 * n) / variance : Number.NaN);
  }
  return { s1, st };
}

/** Point estimates and bootstrap intervals for each of `names` (the design's factors, in order). */
export function sobolIndices(names: readonly string[], outputs: SaltelliOutputs, options: SobolOptions): SobolIndex[] {
  const n = outputs.a.length;
  if (outputs.b.length !== n || outputs.ab.some((abi) => abi.length !== n) || outputs.ab.length !== names.length) {
    throw new Error(`Sobol outputs: need ${names.length} A_B^i blocks and N = ${n} outputs in every block`);
  }
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new Error(`bootstrap resamples must be >= 1, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new Error(`confidence must lie in (0, 1), got ${confidence}`);

  const all = Int32Array.from({ length: n }, (_, j) => j);
  const point = sobolEstimates(outputs, all);

  const rng = seedrandom(`clustersim:sobol-bootstrap:${options.seed}`);
  const k = names.length;
  const s1Draws = names.map(() => new Float64Array(resamples));
  const stDraws = names.map(() => new Float64Array(resamples));
  const rows = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let q = 0; q < n; q++) rows[q] = Math.floor(rng() * n);
    const draw = sobolEstimates(outputs, rows);
    for (let i = 0; i < k; i++) {
      s1Draws[i][b] = draw.s1[i];
      stDraws[i][b] = draw.st[i];
    }
  }
  const tail = (1 - confidence) / 2;
  const interval = (draws: Float64Array): [number, number] => {
    if (draws.some(Number.isNaN)) return [Number.NaN, Number.NaN];
    const sorted = Array.from(draws).sort((x, y) => x - y);
    return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
  };
  return names.map((name, i) => {
    const [s1Low, s1High] = interval(s1Draws[i]);
    const [stLow, stHigh] = interval(stDraws[i]);
    return { name, s1: point.s1[i], s1Low, s1High, st: point.st[i], stLow, stHigh };
  });
}
