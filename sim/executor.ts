/**
 * Running a kernel over every block of an agent kind. The serial executor visits
 * blocks in order on this thread; the pool executor (sim/parallel/pool.ts) splits
 * them across worker threads. Because a kernel only writes its own block's agents,
 * partial-sum row and command region, both give identical results.
 */
import { BLOCK_SIZE, blockCount } from './store/blocks.js';
import { type AgentKind, agentCount, type World } from './world.js';
import { KERNELS } from './model/kernels/index.js';

export interface BlockExecutor {
  readonly threads: number;
  runKernel(kernelId: number, over: AgentKind): void;
  close(): Promise<void>;
}

/** Run the blocks b = first, first + stride, ... of a kernel (one thread's share). */
export function runBlocks(world: World, kernelId: number, over: AgentKind, first: number, stride: number): void {
  const kernel = KERNELS[kernelId];
  const count = agentCount(world, over);
  const blocks = blockCount(count);
  for (let block = first; block < blocks; block += stride) {
    const start = block * BLOCK_SIZE;
    kernel(world, block, start, Math.min(start + BLOCK_SIZE, count));
  }
}

export function createSerialExecutor(world: World): BlockExecutor {
  return {
    threads: 1,
    runKernel(kernelId, over) {
      runBlocks(world, kernelId, over, 0, 1);
    },
    async close() {},
  };
}
