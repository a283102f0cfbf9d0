/**
 * A queued run as it travels through Redis: the whole RunSpec (a worker needs nothing
 * else, not even the sweep file), the code version the plan's run keys were made
 * with, and the results folder, which every worker must see at the same path (a
 * shared filesystem: NFS, a cluster's scratch space). The job id is the run key, so
 * BullMQ keeps one job per run however often it is submitted.
 */
import type { RunSpec } from '../types.js';

export interface RunJobData {
  spec: RunSpec;
  codeVersion: string;
  dir: string;
}

/** What the processor returns (small: the shard itself is on the shared filesystem). */
export interface RunJobResult {
  runKey: string;
  runSeconds: number;
}

/** Shared with the local executor: one shape of failure record whoever ran the run. */
export { failureRecordOf } from '../runRecord.js';
