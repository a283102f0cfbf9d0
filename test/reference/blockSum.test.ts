/**
 * BlockedSum adds values in the engine's grouping - within blocks of BLOCK_SIZE
 * consecutive ids, then the blocks in order - which is what makes the reference's
 * town totals bit-identical to the engine's; a plain running sum is not.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../sim/store/blocks.js';
import { drawBase, uniformAt } from '../../sim/rng/streams.js';
import { BlockedSum } from '../../bench/reference/blockSum.js';

describe('BlockedSum', () => {
  it('equals per-block partial sums added in block order', () => {
    // Every third id over three blocks (one town's firms), with money-like values.
    const ids = Array.from({ length: BLOCK_SIZE * 3 }, (_, i) => i).filter((id) => id % 3 === 0);
    const values = ids.map((id) => 1e4 * uniformAt(drawBase(12345, id, 0), 0) - 2e3);
    const partials = [0, 0, 0];
    ids.forEach((id, i) => (partials[Math.floor(id / BLOCK_SIZE)] += values[i]));
    const sum = new BlockedSum();
    ids.forEach((id, i) => sum.add(id, values[i]));
    expect(sum.value).toBe(partials.reduce((total, partial) => total + partial, 0));
  });

  it('differs from a running sum where rounding depends on the grouping', () => {
    // Block 0: 1 + 1e16 rounds to 1e16; block 1: -1e16 + 1 rounds to -1e16; blocked: 0.
    // Running: ((1 + 1e16) - 1e16) + 1 = 1.
    const contributions: [number, number][] = [
      [0, 1],
      [1, 1e16],
      [BLOCK_SIZE, -1e16],
      [BLOCK_SIZE + 1, 1],
    ];
    const sum = new BlockedSum();
    for (const [id, value] of contributions) sum.add(id, value);
    expect(sum.value).toBe(0);
    expect(contributions.reduce((total, [, value]) => total + value, 0)).toBe(1);
  });

  it('is 0 with no values, and the value itself with one', () => {
    expect(new BlockedSum().value).toBe(0);
    const one = new BlockedSum();
    one.add(5000, 0.1);
    expect(one.value).toBe(0.1);
  });
});
