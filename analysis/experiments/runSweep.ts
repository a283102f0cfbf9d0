/**
 * Run a plan into a results folder: open the store (refusing to mix with another
 * sweep's results, or checking the plan on --resume), run only the keys without a
 * shard, then merge. Every command that runs many simulations (sweep, compare,
 * sensitivity) goes through here, so each is resumable and queryable the same way.
 * runSlice does the same for one slice of the plan (--shard i/N, array jobs) and
 * leaves the merge to whoever runs last.
 */
import { executeRuns, type ExecuteProgress } from './executor.js';
import { createStore, mergeResults, type SweepStore } from './store/index.js';
import type { RunSpec, SweepPlan } from './types.js';

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

export interface SliceOutcome {
  total: number;
  skipped: number;
  done: number;
  failed: number;
}

export interface RunPlanOutcome extends SliceOutcome {
  merged: Awaited<ReturnType<typeof mergeResults>>;
}

/** The runs of slice `index` of `count`: every count-th run of the plan, from position index. */
export function shardRuns<T>(runs: readonly T[], shard: { index: number; count: number }): T[] {
  return runs.filter((_, position) => position % shard.count === shard.index);
}

async function runMissing(
  store: SweepStore,
  runs: readonly RunSpec[],
  plan: SweepPlan,
  options: RunPlanOptions,
): Promise<SliceOutcome> {
  const completed = store.completedKeys();
  const toRun = runs.filter((run) => !completed.has(run.runKey));
  const skipped = runs.length - toRun.length;
  options.onStart?.({ total: runs.length, skipped, toRun: toRun.length });
  const { done, failed } = await executeRuns(toRun, {
    workers: options.workers,
    retries: options.retries,
    codeVersion: plan.codeVersion,
    onShard: (shard) => store.writeShard(shard),
    onFailure: (failure) => store.writeFailure(failure),
    onProgress: options.onProgress,
  });
  return { total: runs.length, skipped, done, failed };
}

export async function runPlan(plan: SweepPlan, dir: string, options: RunPlanOptions): Promise<RunPlanOutcome> {
  const store = createStore(dir, plan, options.provenance, { resume: options.resume });
  const outcome = await runMissing(store, plan.runs, plan, options);
  return { ...outcome, merged: await mergeResults(dir) };
}

/**
 * Slice `index` of `count` (--shard i/N): slices join the same folder (the plan must
 * match, as on resume), skip runs that already have a shard (so a re-submitted slice
 * finishes what it had left), and do not merge; `clustersim results DIR --merge` (or
 * the sweep with --resume) merges once every slice is done. Temp files are not cleaned:
 * other slices may be writing on other hosts, where a pid means nothing.
 */
export async function runSlice(
  plan: SweepPlan,
  dir: string,
  shard: { index: number; count: number },
  options: Omit<RunPlanOptions, 'resume'>,
): Promise<SliceOutcome> {
  const store = createStore(dir, plan, options.provenance, { resume: true, cleanTempFiles: false });
  return runMissing(store, shardRuns(plan.runs, shard), plan, { ...options, resume: true });
}
