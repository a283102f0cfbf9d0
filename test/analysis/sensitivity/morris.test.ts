/**
 * Morris elementary effects (mu, mu*, sigma) on functions whose answer is known: the ranking of
 * the G-function's and Ishigami's factors by ST, a factor the function ignores, and a linear
 * function, where every elementary effect is the slope times the factor's range.
 */
import { describe, expect, it } from 'vitest';
import { sampleSaltelli, sampleMorris, morrisRows, type Factor } from '../../../analysis/sensitivity/sampling.js';
import { morrisEffects } from '../../../analysis/sensitivity/morris.js';
import {
  gFunction,
  gFunctionFactors,
  gFunctionIndices,
  ishigami,
  ishigamiIndices,
  ISHIGAMI_FACTORS,
} from '../../../analysis/sensitivity/testFunctions.js';

const order = (values: readonly number[]): number[] => values.map((_, i) => i).sort((x, y) => values[y] - values[x]);

describe('Morris screening', () => {
  it('ranks the G-function factors by mu* in the order of their ST (a = [0, 1, 4.5, 9, 99])', () => {
    const a = [0, 1, 4.5, 9, 99];
    const design = sampleMorris(gFunctionFactors(a.length), { trajectories: 20, seed: 'g' });
    const effects = morrisEffects(
      design,
      morrisRows(design).map((x) => gFunction(x, a)),
    );
    expect(order(effects.map((e) => e.muStar))).toEqual(order(gFunctionIndices(a).st));
  });

  it('ranks the Ishigami factors by mu* in the order of their ST (x1, x2, x3)', () => {
    const design = sampleMorris(ISHIGAMI_FACTORS, { trajectories: 20, seed: 'ishigami' });
    const effects = morrisEffects(
      design,
      morrisRows(design).map((x) => ishigami(x)),
    );
    expect(order(effects.map((e) => e.muStar))).toEqual(order(ishigamiIndices().st));
    expect(order(ishigamiIndices().st)).toEqual([0, 1, 2]);
  });

  it('gives mu = mu* = sigma = 0 exactly for a factor the function does not read', () => {
    const factors = [...ISHIGAMI_FACTORS, { name: 'unused', min: 5, max: 17 }];
    const design = sampleMorris(factors, { trajectories: 12, seed: 'unused' });
    const effects = morrisEffects(
      design,
      morrisRows(design).map((x) => ishigami(x)),
    );
    expect(effects[3].effects).toEqual(new Array(12).fill(0));
    expect([effects[3].mu, effects[3].muStar, effects[3].sigma]).toEqual([0, 0, 0]);
    expect(effects[0].muStar).toBeGreaterThan(0);
  });

  it('gives mu = the slope × the range (mu* its magnitude) and sigma = 0 exactly for a linear function', () => {
    // Integer ranges divisible by p − 1 = 3 and dyadic slopes keep every value exact in binary.
    const factors: Factor[] = [
      { name: 'a', min: 0, max: 3 },
      { name: 'b', min: -3, max: 3 },
      { name: 'c', min: 9, max: 15 },
    ];
    const slopes = [2, -0.5, 0.25];
    const design = sampleMorris(factors, { trajectories: 10, seed: 'linear' });
    const outputs = morrisRows(design).map((x) => 7 + slopes[0] * x[0] + slopes[1] * x[1] + slopes[2] * x[2]);
    const effects = morrisEffects(design, outputs);
    // Both directions occur, so the sign handling of −Δ steps is exercised.
    expect(new Set(design.trajectories.flatMap((t) => t.moves.map((move) => move.direction)))).toEqual(
      new Set([1, -1]),
    );
    effects.forEach((effect, i) => {
      const expected = slopes[i] * (factors[i].max - factors[i].min);
      expect(effect.mu).toBe(expected);
      expect(effect.muStar).toBe(Math.abs(expected));
      expect(effect.sigma).toBe(0);
    });
  });

  it('gives slope × range to rounding for any range and p = 6', () => {
    const factors: Factor[] = [
      { name: 'a', min: 0.1, max: 0.7 },
      { name: 'b', min: -1e3, max: 2.5e3 },
    ];
    const design = sampleMorris(factors, { trajectories: 8, gridLevels: 6, seed: 'p6' });
    const effects = morrisEffects(
      design,
      morrisRows(design).map((x) => 3.7 * x[0] - 0.002 * x[1]),
    );
    expect(effects[0].mu).toBeCloseTo(3.7 * 0.6, 10);
    expect(effects[1].mu).toBeCloseTo(-0.002 * 3.5e3, 10);
    expect(effects[1].sigma).toBeLessThan(1e-9);
  });

  it('uses the sample standard deviation (divisor r − 1, as SALib)', () => {
    const factors = gFunctionFactors(2);
    const design = sampleMorris(factors, { trajectories: 5, seed: 'sd' });
    const [effect] = morrisEffects(
      design,
      morrisRows(design).map((x) => gFunction(x, [0, 1])),
    );
    const m = effect.effects.reduce((s, e) => s + e, 0) / 5;
    const sample = Math.sqrt(effect.effects.reduce((s, e) => s + (e - m) ** 2, 0) / 4);
    expect(effect.sigma).toBeCloseTo(sample, 12);
  });

  it('rejects outputs that do not match the design', () => {
    const design = sampleMorris(gFunctionFactors(2), { trajectories: 3, seed: 'x' });
    expect(() => morrisEffects(design, [1, 2, 3])).toThrow(/r·\(k\+1\) = 9/);
    expect(() => sampleSaltelli([{ name: 'bad', min: 1, max: 1 }], 4, 's')).toThrow(/min < max/);
  });
});
