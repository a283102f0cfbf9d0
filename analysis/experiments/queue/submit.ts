/**
 * `clustersim sweep <file> --queue redis://...`: submit the sweep's runs to the queue,
 * follow them to the end and merge, exactly as a local sweep does. The results
 * folder is the truth: a run is done when its shard is there and failed when its
 * failure record is (written by the worker that ran its last attempt), so progress
 * survives a restarted Redis and a restarted submitter alike. Jobs that leave the
 * queue without either (lost with a Redis run without AOF, or a worker that died
 * while failing them) are added again, up to MAX_REQUEUES times per run.
 */
import { join } from 'node:path';
import type { ExecuteProgress } from '../executor.js';
import type { RunPlanOutcome } from '../runSweep.js';
import { mergeResults } from '../store/index.js';
import { FAILURES_DIR, SHARDS_DIR } from '../store/layout.js';
import { recordKeysIn, writeFailure } from '../store/records.js';
import type { RunSpec, SweepPlan } from '../types.js';
import { enqueuePlan, type EnqueueOptions } from './enqueue.js';
import { failureRecordOf } from './job.js';
import { redisConnection } from './names.js';
import { checkReachable } from './redis.js';

export interface QueuedSweepOptions extends Omit<EnqueueOptions, 'connection'> {
  /** redis://host:port[/db] */
  queue: string;
  /** How often the results folder and the queue are looked at (default 1000 ms). */
  pollMs?: number;
  onStart?(runs: { total: number; skipped: number; toRun: number }): void;
  onProgress?(progress: ExecuteProgress): void;
  /** One-line notices (a run added again, Redis unreachable). */
  onNotice?(text: string): void;
}

const MAX_REQUEUES = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runQueuedSweep(
  plan: SweepPlan,
  dir: string,
  options: QueuedSweepOptions,
): Promise<RunPlanOutcome> {
  const connection = redisConnection(options.queue);
  await checkReachable(options.queue, connection);
  const sweep = await enqueuePlan(plan, dir, { ...options, connection });
  const pollMs = options.pollMs ?? 1000;
  const unfinished = new Map<string, RunSpec>(sweep.toRun.map((run) => [run.runKey, run]));
  const requeues = new Map<string, number>();
  let done = 0;
  let failed = 0;
  let emptyPolls = 0;
  options.onStart?.({ total: plan.runs.length, skipped: sweep.skipped, toRun: sweep.toRun.length });
  try {
    for (;;) {
      await sweep.topUp();
      // Count the queue before reading the folder: a job gone from the queue by then has its record on disk.
      const { pending, running } = await sweep.pendingJobs();
      for (const [folder, finish] of [
        [SHARDS_DIR, () => done++],
        [FAILURES_DIR, () => failed++],
      ] as const)
        for (const key of recordKeysIn(join(dir, folder))) if (unfinished.delete(key)) finish();
      options.onProgress?.({ done, failed, running, total: sweep.toRun.length });
      if (unfinished.size === 0) break;
      // Two polls in a row with nothing queued and runs unfinished: those runs' jobs are gone.
      emptyPolls = sweep.allAdded() && pending === 0 ? emptyPolls + 1 : 0;
      if (emptyPolls >= 2) {
        emptyPolls = 0;
        const again: RunSpec[] = [];
        for (const run of unfinished.values()) {
          const count = (requeues.get(run.runKey) ?? 0) + 1;
          requeues.set(run.runKey, count);
          if (count <= MAX_REQUEUES) again.push(run);
          else
            writeFailure(
              dir,
              failureRecordOf(run, `its job left the queue ${MAX_REQUEUES} times without a result`, MAX_REQUEUES),
            );
        }
        options.onNotice?.(`${again.length} run(s) left the queue without a result; adding them again`);
        await sweep.requeue(again);
      }
      await sleep(pollMs);
    }
    await sweep.remove();
  } finally {
    await sweep.close();
  }
  const merged = await mergeResults(dir);
  return { total: plan.runs.length, skipped: sweep.skipped, done, failed, merged };
}
