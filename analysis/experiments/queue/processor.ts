/**
 * BullMQ's sandboxed processor for a queued run: BullMQ loads this file in a worker
 * thread of its own (useWorkerThreads), so the CPU-bound run never blocks the
 * worker's event loop, which keeps renewing the job's lock; a run on the worker's
 * main thread would miss its renewals, be taken for stalled and run twice. The run
 * goes through the same runToShard as the local executor, and its shard is written
 * straight into the shared results folder (atomically; a second delivery of the same
 * run rewrites the same shard). A thrown error fails this attempt and BullMQ retries.
 */
import type { SandboxedJob } from 'bullmq';
import { runToShard } from '../runRecord.js';
import { writeShard } from '../store/records.js';
import type { RunJobData, RunJobResult } from './job.js';

export default async function processRun(job: SandboxedJob<RunJobData, RunJobResult>): Promise<RunJobResult> {
  const { spec, codeVersion, dir } = job.data;
  const shard = await runToShard(spec, codeVersion);
  writeShard(dir, shard);
  return { runKey: shard.runKey, runSeconds: shard.runSeconds };
}
