/**
 * The local executor: whole runs on a pool of worker threads (one run per worker at
 * a time, each run single-threaded), or serially in this thread when workers = 1.
 * Both paths call runToShard, so they give the same shards; the store orders them by
 * plan, so completion order never reaches a merged result.
 *
 * A run that throws is tried again up to `retries` times; one that fails every try is
 * reported through onFailure and the others go on. A worker thread that dies (out of
 * memory, a native crash) is replaced and its run counts one attempt.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../sim/parallel/startWorker.js';
import { failureRecordOf, runToShard } from './runRecord.js';
import type { RunReply, RunRequest } from './runWorker.js';
import type { FailureRecord, RunSpec, ShardRecord } from './types.js';

export interface ExecuteProgress {
  done: number;
  failed: number;
  running: number;
  total: number;
}

export interface ExecuteOptions {
  workers: number;
  /** Extra attempts after a run throws (default 1). */
  retries?: number;
  codeVersion: string;
  onShard(shard: ShardRecord): void;
  onFailure(failure: FailureRecord): void;
  onProgress?(progress: ExecuteProgress): void;
}

export interface ExecuteOutcome {
  done: number;
  failed: number;
}

const DEFAULT_RETRIES = 1;

const errorText = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

async function executeSerially(runs: readonly RunSpec[], options: ExecuteOptions): Promise<ExecuteOutcome> {
  const attemptsAllowed = 1 + (options.retries ?? DEFAULT_RETRIES);
  const outcome = { done: 0, failed: 0 };
  for (const spec of runs) {
    options.onProgress?.({ ...outcome, running: 1, total: runs.length });
    let lastError = '';
    let shard: ShardRecord | undefined;
    for (let attempt = 1; attempt <= attemptsAllowed && !shard; attempt++) {
      try {
        shard = await runToShard(spec, options.codeVersion);
      } catch (error) {
        lastError = errorText(error);
      }
    }
    if (shard) {
      options.onShard(shard);
      outcome.done++;
    } else {
      options.onFailure(failureRecordOf(spec, lastError, attemptsAllowed));
      outcome.failed++;
    }
  }
  options.onProgress?.({ ...outcome, running: 0, total: runs.length });
  return outcome;
}

async function executeOnPool(runs: readonly RunSpec[], options: ExecuteOptions): Promise<ExecuteOutcome> {
  const attemptsAllowed = 1 + (options.retries ?? DEFAULT_RETRIES);
  const outcome = { done: 0, failed: 0 };
  const queue = runs.map((spec) => ({ spec, attempts: 0 }));
  let next = 0;
  let running = 0;
  const retryQueue: typeof queue = [];
  const poolSize = Math.min(options.workers, runs.length);
  const report = () => options.onProgress?.({ ...outcome, running, total: runs.length });

  return new Promise<ExecuteOutcome>((resolve, reject) => {
    const workers = new Set<Worker>();
    let settled = false;
    const finishIfDone = () => {
      if (settled || running > 0 || next < queue.length || retryQueue.length > 0) return;
      settled = true;
      Promise.all([...workers].map((worker) => worker.terminate())).then(() => resolve(outcome), reject);
    };
    const takeJob = () => retryQueue.shift() ?? (next < queue.length ? queue[next++] : undefined);
    const settle = (job: (typeof queue)[number], reply: RunReply) => {
      running--;
      if (reply.ok) {
        options.onShard(reply.shard);
        outcome.done++;
      } else if (job.attempts < attemptsAllowed) {
        retryQueue.push(job);
      } else {
        options.onFailure(failureRecordOf(job.spec, reply.error, job.attempts));
        outcome.failed++;
      }
    };

    const startWorker = () => {
      const worker = startModuleWorker(import.meta.url, './runWorker', {});
      workers.add(worker);
      let current: (typeof queue)[number] | undefined;
      const feed = () => {
        current = takeJob();
        if (!current) {
          report();
          workers.delete(worker);
          void worker.terminate().then(finishIfDone);
          return;
        }
        current.attempts++;
        running++;
        report();
        worker.postMessage({ spec: current.spec, codeVersion: options.codeVersion } satisfies RunRequest);
      };
      worker.on('message', (reply: RunReply) => {
        if (current) settle(current, reply);
        current = undefined;
        try {
          feed();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      // A worker that dies mid-run: its run counts one attempt and goes back in the queue.
      worker.on('error', (error) => {
        if (current) settle(current, { ok: false, error: `worker thread died: ${errorText(error)}` });
        current = undefined;
      });
      worker.on('exit', () => {
        if (!workers.has(worker)) return;
        workers.delete(worker);
        if (current) settle(current, { ok: false, error: 'worker thread exited mid-run' });
        current = undefined;
        if (next < queue.length || retryQueue.length > 0) startWorker();
        else finishIfDone();
      });
      feed();
    };
    for (let i = 0; i < poolSize; i++) startWorker();
    if (poolSize === 0) finishIfDone();
  });
}

export async function executeRuns(runs: readonly RunSpec[], options: ExecuteOptions): Promise<ExecuteOutcome> {
  if (options.workers <= 1 || runs.length <= 1) return executeSerially(runs, options);
  return executeOnPool(runs, options);
}
