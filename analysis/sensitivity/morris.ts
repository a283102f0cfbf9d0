/**
 * Morris (1991) elementary effects, "Factorial sampling plans for preliminary computational
 * experiments", Technometrics 33, 161-174, with mu* (Campolongo et al. 2007, "An effective
 * screening design for sensitivity analysis of large models", Environ. Model. Softw. 22,
 * 1509-1518), from the trajectories of sampling.ts and the model outputs at their points.
 *
 * The elementary effect of factor i at step s of a trajectory is
 *   EE_i = (y_{s+1} − y_s) / (±Δ),
 * with Δ = p / (2(p − 1)) in unit-cube terms and the sign of the step's direction: a step down
 * divides by −Δ, so a rising function gives positive effects whichever way the step went.
 * Because Δ is a fraction of the unit cube, EE_i is in output units per whole range of factor i
 * (per (max_i − min_i)): y = c·x_i gives EE_i = c·(max_i − min_i) exactly, the units SALib
 * reports too. Effects of factors with different units are thus comparable.
 *
 * Per factor over the r trajectories: mu = mean(EE), mu* = mean(|EE|), and sigma = the sample
 * standard deviation of EE (divisor r − 1, simple-statistics' sampleStandardDeviation; SALib's
 * morris.analyze uses np.std(ee, ddof=1), the same), hence r >= 2.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { MorrisDesign } from './sampling.js';

export interface MorrisEffects {
  readonly name: string;
  readonly mu: number;
  readonly muStar: number;
  readonly sigma: number;
  /** The r elementary effects, one per trajectory, in trajectory order. */
  readonly effects: number[];
}

/** Elementary-effect statistics per factor; `outputs` in `morrisRows` order (r·(k+1) values). */
export function morrisEffects(design: MorrisDesign, outputs: ArrayLike<number>): MorrisEffects[] {
  const k = design.factors.length;
  const r = design.trajectories.length;
  if (outputs.length !== r * (k + 1)) {
    throw new Error(`expected r·(k+1) = ${r * (k + 1)} outputs for r = ${r}, k = ${k}; got ${outputs.length}`);
  }
  if (r < 2) throw new Error('Morris sigma needs at least 2 trajectories');
  const p = design.gridLevels;
  const effects: number[][] = design.factors.map(() => []);
  design.trajectories.forEach((trajectory, t) => {
    const base = t * (k + 1);
    trajectory.moves.forEach(({ factor, direction }, s) => {
      const dy = outputs[base + s + 1] - outputs[base + s];
      // dy / (direction · p/(2(p−1))), written so that integer dy and small p divide exactly;
      // + 0 turns the −0 of a zero step downwards into 0, so an unused factor reports plain zeros.
      effects[factor].push((dy * 2 * (p - 1)) / (direction * p) + 0);
    });
  });
  return design.factors.map((factor, i) => {
    const ee = effects[i];
    if (ee.length !== r) throw new Error(`factor ${factor.name} moved ${ee.length} times in ${r} trajectories`);
    return {
      name: factor.name,
      mu: mean(ee),
      muStar: mean(ee.map(Math.abs)),
      sigma: sampleStandardDeviation(ee),
      effects: ee,
    };
  });
}
