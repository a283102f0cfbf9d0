/**
 * Run a plan into a results folder: open the store (refusing to mix with another
 * sweep's results, or checking the plan on --resume), run only the keys without a
 * shard, then merge. Every command that runs many simulations (sweep, compare,
 * sensitivity) goes through here, so each is resumable and queryable the same way.
 */
import { executeRuns, type ExecuteProgress } from './executor.js';
import { createStore, mergeResults } from './store/index.js';
import type { SweepPlan } from './types.js';

export interface RunPlanOptions {
  workers: number;
  resume: boolean;
  /** Extra attempts for a run that throws (executor default when absent). */
  retries?: number;
  /** Written into manifest.json beside the plan (sweepProvenance). */
  provenance: Record<string, unknown>;
  /** `skipped` runs already had a result; progress counts only the runs executed now. */
  onStart?(runs: { total: number; skipped: number; toRun: number }): void;
  onProgress?(progress: ExecuteProgress): void;
}

export interface RunPlanOutcome {
  total: number;
  skipped: number;
  done: number;
  failed: number;
  merged: Awaited<ReturnType<typeof mergeResults>>;
}

export async function runPlan(plan: SweepPlan, dir: string, options: RunPlanOptions): Promise<RunPlanOutcome> {
  const store = createStore(dir, plan, options.provenance, { resume: options.resume });
  const completed = store.completedKeys();
  const toRun = plan.runs.filter((run) => !completed.has(run.runKey));
  const skipped = plan.runs.length - toRun.length;
  options.onStart?.({ total: plan.runs.length, skipped, toRun: toRun.length });
  const { done, failed } = await executeRuns(toRun, {
    workers: options.workers,
    retries: options.retries,
    codeVersion: plan.codeVersion,
    onShard: (shard) => store.writeShard(shard),
    onFailure: (failure) => store.writeFailure(failure),
    onProgress: options.onProgress,
  });
  const merged = await mergeResults(dir);
  return { total: plan.runs.length, skipped, done, failed, merged };
}
