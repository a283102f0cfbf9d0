/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979): n points in k
 * dimensions such that, in every dimension, each of the n equal strata of [0, 1)
 * holds exactly one point. Per dimension: a random permutation of the strata
 * (Fisher-Yates), then a uniform position inside each stratum. Every draw comes
 * from seedrandom seeded with (master seed, 'lhs'), never Math.random, so a sweep
 * file always gives the same design.
 */
import seedrandom from 'seedrandom';

/** `samples` rows of `dimensions` unit-cube coordinates, each in [0, 1). */
export function latinHypercubeUnits(samples: number, dimensions: number, masterSeed: number): number[][] {
  const rng = seedrandom(`clustersim:lhs:${masterSeed}`);
  const rows = Array.from({ length: samples }, () => new Array<number>(dimensions));
  for (let d = 0; d < dimensions; d++) {
    const strata = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let r = 0; r < samples; r++) rows[r][d] = (strata[r] + rng()) / samples;
  }
  return rows;
}
