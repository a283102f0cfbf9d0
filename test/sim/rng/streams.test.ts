import { describe, expect, it } from 'vitest';
import { mean, sampleCorrelation, variance } from 'simple-statistics';
import { deriveStreamKeys, drawBase, integerAt, STREAM, uniformAt } from '../../../sim/rng/streams.js';

describe('counter-based random streams', () => {
  it('are a pure function of (seed, stream, agent, tick, k)', () => {
    const a = deriveStreamKeys(9);
    const b = deriveStreamKeys(9);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(uniformAt(drawBase(a[STREAM.labour], 123, 45), 2)).toBe(uniformAt(drawBase(b[STREAM.labour], 123, 45), 2));
  });

  it('differ between seeds and between streams', () => {
    const one = deriveStreamKeys(1);
    const two = deriveStreamKeys(2);
    expect(one[STREAM.labour]).not.toBe(two[STREAM.labour]);
    expect(new Set(Array.from(one)).size).toBe(one.length);
  });

  it('give uniform draws in [0, 1) with the moments of U(0,1) across agents, ticks and k', () => {
    const key = deriveStreamKeys(5)[STREAM.market];
    const draws: number[] = [];
    for (let agent = 0; agent < 200; agent++) {
      for (let tick = 0; tick < 50; tick++) {
        const base = drawBase(key, agent, tick);
        for (let k = 0; k < 3; k++) draws.push(uniformAt(base, k));
      }
    }
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    // 30,000 draws: standard error of the mean is 0.0017.
    expect(mean(draws)).toBeCloseTo(0.5, 2);
    expect(variance(draws)).toBeCloseTo(1 / 12, 2);
  });

  it('neighbouring agents, ticks and draw indices are uncorrelated', () => {
    const key = deriveStreamKeys(11)[STREAM.labour];
    const n = 5000;
    const byAgent = Array.from({ length: n }, (_, i) => uniformAt(drawBase(key, i, 0), 0));
    const nextAgent = Array.from({ length: n }, (_, i) => uniformAt(drawBase(key, i + 1, 0), 0));
    const nextTick = Array.from({ length: n }, (_, i) => uniformAt(drawBase(key, i, 1), 0));
    const nextK = Array.from({ length: n }, (_, i) => uniformAt(drawBase(key, i, 0), 1));
    // |r| < 4 / sqrt(n) = 0.057 holds for independent draws with overwhelming probability.
    for (const other of [nextAgent, nextTick, nextK])
      expect(Math.abs(sampleCorrelation(byAgent, other))).toBeLessThan(0.057);
  });

  it('integerAt covers [min, max] inclusive and nothing outside', () => {
    const base = drawBase(deriveStreamKeys(3)[STREAM['init-firm']], 0, 0);
    const seen = new Set<number>();
    for (let k = 0; k < 2000; k++) seen.add(integerAt(base, k, 5, 9));
    expect([...seen].sort()).toEqual([5, 6, 7, 8, 9]);
  });
});
