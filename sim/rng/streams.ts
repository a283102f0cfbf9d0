/**
 * Random streams for the simulation.
 *
 * Determinism rule (ARCHITECTURE.md, rule 1): every draw is a pure function of
 * (seed, stream name, agent id, tick, draw index). No generator is shared or
 * consumed in scheduling order, so the order in which threads visit blocks cannot
 * change any draw, and results are byte-identical for any thread count.
 *
 * seedrandom turns (seed, stream name) into a 32-bit stream key once per run;
 * inside the tick loop a counter-based hash (Chris Wellons' "lowbias32" mixer)
 * turns (key, agent, tick, k) into a uniform number without allocating.
 */
import seedrandom from 'seedrandom';

/** The named random streams. A mechanism that needs randomness adds its own name here. */
export const STREAM_NAMES = [
  'init-firm',
  'init-worker',
  'labour',
  'spin-off',
  'market',
  'hire',
  'imitation',
  'policy',
  'owner',
  'kin',
  'outsider-entry',
] as const;
export type StreamName = (typeof STREAM_NAMES)[number];
export const STREAM: { readonly [K in StreamName]: number } = Object.fromEntries(
  STREAM_NAMES.map((name, index) => [name, index]),
) as { [K in StreamName]: number };

/** One 32-bit key per stream, derived from the run seed with seedrandom. */
export function deriveStreamKeys(seed: number): Int32Array {
  const keys = new Int32Array(STREAM_NAMES.length);
  STREAM_NAMES.forEach((name, index) => {
    keys[index] = seedrandom(`clustersim:${seed}:${name}`).int32();
  });
  return keys;
}

/** lowbias32: a 32-bit integer hash with good avalanche (bias ~0.17). */
export function mix32(input: number): number {
  let x = input | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x | 0;
}

const GOLDEN_GAMMA = 0x9e3779b9 | 0;
const TWO_POW_32 = 4294967296;

/**
 * The base of one agent's draws in one tick on one stream. Call once per agent
 * per tick, then take draws with `uniformAt(base, k)` for k = 0, 1, 2, ...
 */
export function drawBase(streamKey: number, agentId: number, tick: number): number {
  return mix32(streamKey ^ mix32(agentId + mix32(tick ^ GOLDEN_GAMMA)));
}

/** The k-th uniform draw in [0, 1) from a draw base. */
export function uniformAt(base: number, k: number): number {
  return (mix32(base + Math.imul(k + 1, GOLDEN_GAMMA)) >>> 0) / TWO_POW_32;
}

/** An integer uniformly drawn from [min, max] inclusive. */
export function integerAt(base: number, k: number, min: number, max: number): number {
  return min + Math.floor(uniformAt(base, k) * (max - min + 1));
}

/** A uniform draw from [min, max). */
export function rangeAt(base: number, k: number, min: number, max: number): number {
  return min + uniformAt(base, k) * (max - min);
}
