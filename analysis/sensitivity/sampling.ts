/**
 * Sampling designs for sensitivity analysis: Saltelli matrices for Sobol indices and Morris
 * trajectories chosen for spread (Campolongo et al. 2007). Both are pure functions of
 * (factors, sizes, seed string): every draw comes from seedrandom, never Math.random, so a
 * design can be rebuilt from its seed when a sweep is resumed or audited.
 *
 * Samples are drawn in the unit hypercube and mapped to each factor's [min, max] (uniform
 * factors only). The draws are pseudo-random, not a quasi-random Sobol' sequence: Saltelli et
 * al. (2010) recommend the latter for faster convergence, and swapping one in only changes
 * `unitMatrix` below; the measured accuracy of the pseudo-random design is in README.md.
 */
import seedrandom from 'seedrandom';

/** One uniform input factor; `name` is the scenario parameter it stands for. */
export interface Factor {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/**
 * The value of `factor` at unit-cube coordinate `unit` (0 gives min, 1 gives max), clamped
 * because min + (max − min)·u can round past max (with min = −0.3, max = 0.1, u = 1 it gives 0.10000000000000003).
 */
export const scaleUnit = (factor: Factor, unit: number): number =>
  Math.min(factor.max, factor.min + (factor.max - factor.min) * unit);

function checkFactors(factors: readonly Factor[]): void {
  if (factors.length === 0) throw new Error('sensitivity analysis needs at least one factor');
  for (const factor of factors) {
    if (!(Number.isFinite(factor.min) && Number.isFinite(factor.max) && factor.min < factor.max)) {
      throw new Error(`factor ${factor.name}: needs finite min < max, got [${factor.min}, ${factor.max}]`);
    }
  }
}

function checkCount(what: string, value: number, least: number): void {
  if (!Number.isInteger(value) || value < least)
    throw new Error(`${what} must be an integer >= ${least}, got ${value}`);
}

// ---------------------------------------------------------------------------------------------
// Saltelli sampling for Sobol indices
// ---------------------------------------------------------------------------------------------

/**
 * The design of Saltelli et al. (2010), "Variance based sensitivity analysis of model output.
 * Design and estimator for the total sensitivity index", Comput. Phys. Commun. 181, 259-270:
 * two independent N x k matrices A and B, and for each factor i the matrix A_B^i, which is A
 * with column i taken from B. The model is run N·(k+2) times (A, B and the k matrices A_B^i);
 * second-order indices (which need B_A^i as well, N·(2k+2) runs) are not estimated.
 * All matrices hold values in factor units, row j of each built from base row j.
 */
export interface SaltelliDesign {
  readonly factors: readonly Factor[];
  /** N, the number of base rows. */
  readonly baseRows: number;
  readonly a: number[][];
  readonly b: number[][];
  /** ab[i] is A_B^i. */
  readonly ab: number[][][];
}

/** N x 2k uniforms, row by row, from one seeded stream: A's k columns then B's k columns. */
function unitMatrix(rows: number, columns: number, seed: string): number[][] {
  const rng = seedrandom(`clustersim:saltelli:${seed}`);
  const matrix: number[][] = [];
  for (let j = 0; j < rows; j++) {
    const row = new Array<number>(columns);
    for (let c = 0; c < columns; c++) row[c] = rng();
    matrix.push(row);
  }
  return matrix;
}

export function sampleSaltelli(factors: readonly Factor[], baseRows: number, seed: string): SaltelliDesign {
  checkFactors(factors);
  checkCount('base rows (N)', baseRows, 2);
  const k = factors.length;
  const unit = unitMatrix(baseRows, 2 * k, seed);
  const a = unit.map((row) => factors.map((factor, i) => scaleUnit(factor, row[i])));
  const b = unit.map((row) => factors.map((factor, i) => scaleUnit(factor, row[k + i])));
  const ab = factors.map((_, i) =>
    a.map((row, j) => {
      const mixed = row.slice();
      mixed[i] = b[j][i];
      return mixed;
    }),
  );
  return { factors, baseRows, a, b, ab };
}

/**
 * The N·(k+2) model inputs in evaluation order: all of A, then all of B, then A_B^1 ... A_B^k
 * (blocks of N rows; SALib interleaves instead). `splitSaltelliOutputs` in sobol.ts reads the
 * outputs back in this order.
 */
export const saltelliRows = (design: SaltelliDesign): number[][] => [design.a, design.b, ...design.ab].flat();

// ---------------------------------------------------------------------------------------------
// Morris trajectories (Morris 1991) with the Campolongo et al. (2007) spread selection
// ---------------------------------------------------------------------------------------------

/**
 * One Morris (1991) trajectory, "Factorial sampling plans for preliminary computational
 * experiments", Technometrics 33, 161-174: k+1 points on a p-level grid, each point differing
 * from the previous one in exactly one factor, by +Δ or −Δ, and each factor moved exactly once.
 */
export interface MorrisTrajectory {
  /** (k+1) x k grid levels, integers 0..p−1 (unit coordinate = level / (p − 1)). */
  readonly levels: number[][];
  /** The same points in factor units. */
  readonly points: number[][];
  /** moves[s]: the factor that changes from point s to s+1, and whether it goes up (+1) or down (−1). */
  readonly moves: { factor: number; direction: 1 | -1 }[];
}

export interface MorrisDesign {
  readonly factors: readonly Factor[];
  /** p, the number of grid levels (even). */
  readonly gridLevels: number;
  /** Δ = p / (2(p − 1)) in unit-cube terms: p/2 grid steps. */
  readonly delta: number;
  readonly trajectories: MorrisTrajectory[];
  /** How many candidates the trajectories were chosen from, and how. */
  readonly candidates: number;
  readonly selection: 'exhaustive' | 'greedy-swap';
  /** Campolongo's spread D of the chosen trajectories (see `designSpread`). */
  readonly spread: number;
}

export interface MorrisOptions {
  /** r, the number of trajectories kept (model runs: r·(k+1)). */
  readonly trajectories: number;
  /** p, an even number of grid levels; 4 by default (Saltelli et al. 2004 suggest 4 with r ≈ 10). */
  readonly gridLevels?: number;
  /** M, the number of random candidates to choose from; 10·r by default (Campolongo et al. suggest several hundred). */
  readonly candidates?: number;
  readonly seed: string;
}

/** Δ in unit-cube terms for p grid levels: p / (2(p − 1)), i.e. p/2 steps of 1/(p − 1). */
export const morrisDelta = (gridLevels: number): number => gridLevels / (2 * (gridLevels - 1));

/**
 * A factor's value at an integer grid level: multiply before dividing, so integer ranges give
 * exact values (no rounding of 1/3), and the top level is max itself (0.01 + 3·0.19/3 rounds
 * to 0.20000000000000004).
 */
const levelValue = (factor: Factor, level: number, gridLevels: number): number =>
  level === gridLevels - 1 ? factor.max : factor.min + ((factor.max - factor.min) * level) / (gridLevels - 1);

/**
 * `count` random trajectories, as in Morris (1991): for each factor a random lower level among
 * 0..p/2−1 (so that level + p/2 stays on the grid) and a random direction; a factor moving down
 * starts at its upper level. The factors move in a random order (Fisher-Yates).
 */
export function morrisCandidates(
  factors: readonly Factor[],
  count: number,
  gridLevels: number,
  seed: string,
): MorrisTrajectory[] {
  checkFactors(factors);
  checkCount('candidate trajectories', count, 1);
  if (!Number.isInteger(gridLevels) || gridLevels < 2 || gridLevels % 2 !== 0) {
    throw new Error(`Morris grid levels must be an even integer >= 2, got ${gridLevels}`);
  }
  const k = factors.length;
  const jump = gridLevels / 2;
  const rng = seedrandom(`clustersim:morris:${seed}`);
  const draw = (n: number): number => Math.floor(rng() * n);
  const candidates: MorrisTrajectory[] = [];
  for (let t = 0; t < count; t++) {
    const lower = factors.map(() => draw(jump));
    const directions = factors.map((): 1 | -1 => (rng() < 0.5 ? 1 : -1));
    const order = factors.map((_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = draw(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const current = lower.map((level, i) => (directions[i] === 1 ? level : level + jump));
    const levels = [current.slice()];
    const moves: MorrisTrajectory['moves'] = [];
    for (const i of order) {
      current[i] += directions[i] * jump;
      levels.push(current.slice());
      moves.push({ factor: i, direction: directions[i] });
    }
    const points = levels.map((row) => row.map((level, i) => levelValue(factors[i], level, gridLevels)));
    candidates.push({ levels, points, moves });
  }
  return candidates;
}

/**
 * Campolongo et al. (2007), "An effective screening design for sensitivity analysis of large
 * models", Environ. Model. Softw. 22, 1509-1518, eq. (3): the distance between trajectories m
 * and l is the sum, over all (k+1)² pairs of their points, of the Euclidean distance between
 * the points, measured in unit-cube coordinates so that no factor's units dominate.
 */
export function trajectoryDistance(m: MorrisTrajectory, l: MorrisTrajectory, gridLevels: number): number {
  const scale = 1 / (gridLevels - 1);
  let total = 0;
  for (const p of m.levels) {
    for (const q of l.levels) {
      let squared = 0;
      for (let z = 0; z < p.length; z++) squared += ((p[z] - q[z]) * scale) ** 2;
      total += Math.sqrt(squared);
    }
  }
  return total;
}

/** Campolongo's spread D = sqrt(Σ over pairs m < l of d_ml²), the quantity the selection maximises. */
export function designSpread(trajectories: readonly MorrisTrajectory[], gridLevels: number): number {
  let sum = 0;
  for (let m = 0; m < trajectories.length; m++) {
    for (let l = m + 1; l < trajectories.length; l++)
      sum += trajectoryDistance(trajectories[m], trajectories[l], gridLevels) ** 2;
  }
  return Math.sqrt(sum);
}

/** C(n, r) as a float: only compared against EXHAUSTIVE_SUBSETS_MAX, so rounding above 2^53 is harmless. */
function combinations(n: number, r: number): number {
  let c = 1;
  for (let i = 1; i <= r; i++) c = (c * (n - r + i)) / i;
  return c;
}

/** Up to this many r-subsets the selection is exhaustive (C(30, 5) = 142,506 subsets took 25 ms here). */
export const EXHAUSTIVE_SUBSETS_MAX = 200_000;

/**
 * The r of the candidates (indices, ascending) that maximise Σ d_ml² over their pairs, i.e. D.
 * Exhaustive when C(M, r) <= EXHAUSTIVE_SUBSETS_MAX, so the result is the true optimum. Otherwise
 * greedy then swaps: start from the farthest pair, add the candidate that raises the sum most,
 * then replace any chosen trajectory by an unchosen one while that raises the sum (a local
 * optimum, like the "local optimisation" of Ruano et al. 2012, not a guaranteed global one).
 */
export function selectBySpread(
  candidates: readonly MorrisTrajectory[],
  r: number,
  gridLevels: number,
): { indices: number[]; selection: MorrisDesign['selection'] } {
  const count = candidates.length;
  checkCount('trajectories (r)', r, 1);
  if (r > count) throw new Error(`cannot keep ${r} trajectories out of ${count} candidates`);
  const squared: Float64Array[] = candidates.map(() => new Float64Array(count));
  for (let m = 0; m < count; m++) {
    for (let l = m + 1; l < count; l++) {
      const d = trajectoryDistance(candidates[m], candidates[l], gridLevels) ** 2;
      squared[m][l] = d;
      squared[l][m] = d;
    }
  }
  if (combinations(count, r) <= EXHAUSTIVE_SUBSETS_MAX)
    return { indices: exhaustive(squared, r), selection: 'exhaustive' };
  return { indices: greedySwap(squared, r), selection: 'greedy-swap' };
}

function exhaustive(squared: Float64Array[], r: number): number[] {
  const count = squared.length;
  const chosen = new Array<number>(r);
  let best: number[] = [];
  let bestSum = -1;
  // Depth-first over ascending index lists, carrying the partial sum of the chosen pairs.
  const visit = (depth: number, start: number, sum: number): void => {
    if (depth === r) {
      if (sum > bestSum) {
        bestSum = sum;
        best = chosen.slice();
      }
      return;
    }
    for (let c = start; c <= count - (r - depth); c++) {
      let added = 0;
      for (let q = 0; q < depth; q++) added += squared[chosen[q]][c];
      chosen[depth] = c;
      visit(depth + 1, c + 1, sum + added);
    }
  };
  visit(0, 0, 0);
  return best;
}

function greedySwap(squared: Float64Array[], r: number): number[] {
  const count = squared.length;
  const inSet = new Uint8Array(count);
  const chosen: number[] = [];
  const gain = (c: number, except = -1): number => {
    let sum = 0;
    for (const q of chosen) if (q !== except) sum += squared[q][c];
    return sum;
  };
  let first = 0;
  let second = 1;
  for (let m = 0; m < count; m++) {
    for (let l = m + 1; l < count; l++) {
      if (squared[m][l] > squared[first][second]) [first, second] = [m, l];
    }
  }
  for (const c of r === 1 ? [first] : [first, second]) {
    chosen.push(c);
    inSet[c] = 1;
  }
  while (chosen.length < r) {
    let best = -1;
    for (let c = 0; c < count; c++) if (!inSet[c] && (best < 0 || gain(c) > gain(best))) best = c;
    chosen.push(best);
    inSet[best] = 1;
  }
  // Swap passes: each accepted swap strictly raises the sum, so this ends.
  for (let improved = true; improved;) {
    improved = false;
    for (let s = 0; s < r; s++) {
      const out = chosen[s];
      const current = gain(out, out);
      for (let c = 0; c < count; c++) {
        if (inSet[c] || gain(c, out) <= current * (1 + 1e-12)) continue;
        inSet[out] = 0;
        inSet[c] = 1;
        chosen[s] = c;
        improved = true;
        break;
      }
    }
  }
  return chosen.sort((x, y) => x - y);
}

/** r trajectories chosen for spread from M random candidates (Campolongo et al. 2007). */
export function sampleMorris(factors: readonly Factor[], options: MorrisOptions): MorrisDesign {
  const gridLevels = options.gridLevels ?? 4;
  const r = options.trajectories;
  checkCount('trajectories (r)', r, 2); // sigma is a sample standard deviation: it needs two effects
  const count = options.candidates ?? 10 * r;
  const candidates = morrisCandidates(factors, count, gridLevels, options.seed);
  const { indices, selection } = selectBySpread(candidates, r, gridLevels);
  const trajectories = indices.map((index) => candidates[index]);
  return {
    factors,
    gridLevels,
    delta: morrisDelta(gridLevels),
    trajectories,
    candidates: count,
    selection,
    spread: designSpread(trajectories, gridLevels),
  };
}

/** The r·(k+1) model inputs in evaluation order: trajectory by trajectory, point by point. */
export const morrisRows = (design: MorrisDesign): number[][] => design.trajectories.flatMap((t) => t.points);
