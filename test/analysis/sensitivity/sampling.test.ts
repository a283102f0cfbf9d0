/**
 * The designs: Saltelli matrices (A, B, A_B^i), Morris trajectories on the grid, the Campolongo
 * spread selection, and determinism from the seed string.
 */
import { describe, expect, it } from 'vitest';
import {
  designSpread,
  morrisCandidates,
  morrisDelta,
  morrisRows,
  sampleMorris,
  sampleSaltelli,
  saltelliRows,
  selectBySpread,
  type Factor,
} from '../../../analysis/sensitivity/sampling.js';

const factors: Factor[] = [
  { name: 'rate', min: 0.01, max: 0.2 },
  { name: 'size', min: 10, max: 500 },
  { name: 'share', min: -1, max: 1 },
  { name: 'lag', min: 0, max: 24 },
];

describe('Saltelli design', () => {
  const design = sampleSaltelli(factors, 64, 'design');

  it('builds A_B^i as A with column i from B, for N·(k+2) rows in A, B, A_B^1..k order', () => {
    const rows = saltelliRows(design);
    expect(rows).toHaveLength(64 * (factors.length + 2));
    expect(rows.slice(0, 64)).toEqual(design.a);
    expect(rows.slice(64, 128)).toEqual(design.b);
    design.ab.forEach((abi, i) => {
      expect(rows.slice(64 * (i + 2), 64 * (i + 3))).toEqual(abi);
      abi.forEach((row, j) => row.forEach((value, c) => expect(value).toBe(c === i ? design.b[j][c] : design.a[j][c])));
    });
    expect(design.a[0]).not.toEqual(design.b[0]);
  });

  it('is a function of the seed string', () => {
    expect(sampleSaltelli(factors, 64, 'design')).toEqual(design);
    expect(sampleSaltelli(factors, 64, 'other').a).not.toEqual(design.a);
  });
});

describe('Morris trajectories (Campolongo et al. 2007)', () => {
  const p = 4;

  it('has Δ = p / (2(p − 1))', () => {
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 15);
    expect(morrisDelta(6)).toBeCloseTo(0.6, 15);
    expect(() => morrisCandidates(factors, 3, 5, 's')).toThrow(/even/);
  });

  it('moves each factor exactly once by ±Δ, with every point on the p-level grid', () => {
    for (const gridLevels of [2, 4, 6, 8]) {
      const jump = gridLevels / 2;
      for (const trajectory of morrisCandidates(factors, 30, gridLevels, `grid${gridLevels}`)) {
        expect(trajectory.levels).toHaveLength(factors.length + 1);
        expect(trajectory.moves.map((move) => move.factor).sort()).toEqual([0, 1, 2, 3]);
        trajectory.moves.forEach(({ factor, direction }, s) => {
          const before = trajectory.levels[s];
          const after = trajectory.levels[s + 1];
          after.forEach((level, i) => expect(level - before[i]).toBe(i === factor ? direction * jump : 0));
        });
        trajectory.levels.forEach((row, s) =>
          row.forEach((level, i) => {
            expect(Number.isInteger(level) && level >= 0 && level < gridLevels).toBe(true);
            const value = trajectory.points[s][i];
            expect(value).toBeCloseTo(
              factors[i].min + ((factors[i].max - factors[i].min) * level) / (gridLevels - 1),
              12,
            );
            expect(value >= factors[i].min && value <= factors[i].max).toBe(true);
          }),
        );
      }
    }
  });

  it('selects exhaustively on small sets: the best r-subset, at least as spread as the first r candidates', () => {
    const candidates = morrisCandidates(factors, 14, p, 'small');
    const { indices, selection } = selectBySpread(candidates, 4, p);
    expect(selection).toBe('exhaustive');
    const chosen = designSpread(
      indices.map((i) => candidates[i]),
      p,
    );
    expect(chosen).toBeGreaterThanOrEqual(designSpread(candidates.slice(0, 4), p));
    // Spot-check optimality against a few other subsets.
    for (const other of [
      [0, 1, 2, 3],
      [10, 11, 12, 13],
      [0, 5, 9, 13],
    ]) {
      expect(chosen).toBeGreaterThanOrEqual(
        designSpread(
          other.map((i) => candidates[i]),
          p,
        ),
      );
    }
  });

  it('selects greedily (then by swaps) on large sets, beating the first r candidates', () => {
    for (const seed of ['g1', 'g2', 'g3', 'g4', 'g5']) {
      const design = sampleMorris(factors, { trajectories: 10, candidates: 100, seed });
      expect(design.selection).toBe('greedy-swap');
      const first = morrisCandidates(factors, 100, p, seed).slice(0, 10);
      expect(design.spread).toBeGreaterThan(designSpread(first, p));
      expect(design.trajectories).toHaveLength(10);
      expect(morrisRows(design)).toHaveLength(10 * (factors.length + 1));
    }
  });

  it('is a function of the seed string', () => {
    const design = sampleMorris(factors, { trajectories: 6, seed: 'same' });
    expect(sampleMorris(factors, { trajectories: 6, seed: 'same' })).toEqual(design);
    expect(sampleMorris(factors, { trajectories: 6, seed: 'different' }).trajectories).not.toEqual(design.trajectories);
  });
});
