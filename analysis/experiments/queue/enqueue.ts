/**
 * The submitting side of a queued sweep: join the results folder (as a slice does:
 * the plan must match, temp files of writers on other hosts are left alone), then
 * feed the runs without a shard to the sweep's BullMQ queue in chunks, topping up as
 * workers drain it, so a sweep of 10^6 runs keeps at most about 2 x batchSize jobs in
 * Redis. Each job's id is its run key: BullMQ refuses a second job with the id of one
 * still queued, so re-submitting a sweep or re-adding a run never duplicates it.
 * Delivery is at-least-once (a worker that dies mid-run has its run taken again), and
 * the shard write is idempotent, so each run key appears once in the results.
 */
import { rmSync } from 'node:fs';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createStore } from '../store/index.js';
import { failurePath } from '../store/layout.js';
import { planDigest } from '../store/manifest.js';
import type { RunSpec, SweepPlan } from '../types.js';
import type { RunJobData, RunJobResult } from './job.js';
import { KEY_PREFIX, queueNameFor, SWEEPS_SET, sweepInfoKey, type RedisConnection } from './names.js';
import { redisClient } from './redis.js';

export interface EnqueueOptions {
  connection: RedisConnection;
  /** Jobs added at a time; the queue is topped up when fewer than this wait (default 1000). */
  batchSize?: number;
  /** Attempts per run before it is recorded as failed (default 3). */
  attempts?: number;
  /** First retry delay; doubles on each further attempt (default 1000 ms). */
  backoffMs?: number;
  provenance: Record<string, unknown>;
  /** Refuse a folder that already holds this sweep's results unless true (default true: a queue is joined). */
  resume?: boolean;
}

export interface QueuedSweep {
  queueName: string;
  queue: Queue<RunJobData, RunJobResult>;
  redis: Redis;
  /** The plan's runs that had no shard when the sweep was submitted. */
  toRun: RunSpec[];
  skipped: number;
  /** Jobs waiting, delayed or running now. */
  pendingJobs(): Promise<{ pending: number; running: number }>;
  /** Adds the next chunks while fewer than batchSize jobs are pending. */
  topUp(): Promise<void>;
  /** Whether every run has been handed to the queue at least once. */
  allAdded(): boolean;
  /** Adds these runs again (jobs lost with a Redis that had no AOF, or dropped by a dying worker). */
  requeue(runs: readonly RunSpec[]): Promise<void>;
  /** Removes the queue and its registry entries: the sweep is over. */
  remove(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_BATCH_SIZE = 1000;
export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;

export async function enqueuePlan(plan: SweepPlan, dir: string, options: EnqueueOptions): Promise<QueuedSweep> {
  const store = createStore(dir, plan, options.provenance, {
    resume: options.resume ?? true,
    cleanTempFiles: false,
  });
  const completed = store.completedKeys();
  const toRun = plan.runs.filter((run) => !completed.has(run.runKey));
  // A failure from an earlier submission is retried now; its record would end the run before it starts.
  for (const run of toRun) rmSync(failurePath(dir, run.runKey), { force: true });

  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const queueName = queueNameFor(planDigest(plan.runs.map((run) => run.runKey)), dir);
  const queue = new Queue<RunJobData, RunJobResult>(queueName, {
    connection: options.connection,
    prefix: KEY_PREFIX,
    defaultJobOptions: {
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_BACKOFF_MS },
      // Results live in the results folder; a finished job only takes room in Redis.
      removeOnComplete: true,
      removeOnFail: true,
    },
  });
  queue.on('error', () => {}); // ioredis reconnects; the poll loop reports a Redis that stays away
  const redis = redisClient(options.connection);
  await redis.sadd(SWEEPS_SET, queueName);
  await redis.hset(sweepInfoKey(queueName), {
    name: plan.name,
    dir,
    runs: plan.runs.length,
    toRun: toRun.length,
    submittedAt: new Date().toISOString(),
  });

  const add = async (runs: readonly RunSpec[]) => {
    if (runs.length === 0) return;
    await queue.addBulk(
      runs.map((spec) => ({
        name: 'run',
        data: { spec, codeVersion: plan.codeVersion, dir },
        opts: { jobId: spec.runKey },
      })),
    );
  };
  const pendingJobs = async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    const pending = Object.values(counts).reduce((sum, count) => sum + count, 0);
    return { pending, running: counts.active ?? 0 };
  };
  let added = 0;
  return {
    queueName,
    queue,
    redis,
    toRun,
    skipped: plan.runs.length - toRun.length,
    pendingJobs,
    async topUp() {
      while (added < toRun.length && (await pendingJobs()).pending < batchSize) {
        const chunk = toRun.slice(added, added + batchSize);
        await add(chunk);
        added += chunk.length;
      }
    },
    allAdded: () => added >= toRun.length,
    async requeue(runs) {
      for (let start = 0; start < runs.length; start += batchSize) await add(runs.slice(start, start + batchSize));
    },
    async remove() {
      await queue.obliterate({ force: true });
      await redis.srem(SWEEPS_SET, queueName);
      await redis.del(sweepInfoKey(queueName));
    },
    async close() {
      await queue.close();
      redis.disconnect();
    },
  };
}
