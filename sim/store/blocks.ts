/**
 * Agents are processed in fixed-size blocks of consecutive ids. The block size is a
 * constant of the engine, never a function of the thread count: per-block partial
 * sums, added in block order, are therefore the same whatever thread ran each block.
 */
export const BLOCK_SIZE = 2048;

export function blockCount(agentCount: number): number {
  return Math.ceil(agentCount / BLOCK_SIZE);
}
