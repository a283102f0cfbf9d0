/**
 * Layout of the control block shared by the main thread and the pool's workers.
 * One dispatch = the main thread bumps `generation`; each worker runs its share of
 * blocks and bumps `done`; the main thread waits until `done` = workers. Two
 * Atomics operations per worker per phase - no message per agent or per block.
 */
export const CONTROL = {
  generation: 0,
  kernel: 1,
  /** 0 = firms, 1 = workers. */
  kind: 2,
  threads: 3,
  done: 4,
  shutdown: 5,
  failed: 6,
} as const;
export const CONTROL_LENGTH = 7;

export interface WorkerInit {
  descriptor: import('../world.js').WorldDescriptor;
  control: Int32Array;
  threadIndex: number;
  port: import('node:worker_threads').MessagePort;
}
