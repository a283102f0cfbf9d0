/**
 * `clustersim worker --queue redis://...`: pull runs of every sweep in progress on that
 * Redis. Sweeps announce their queues in the set `clustersim:sweeps`; the pool looks
 * at it every second, starts a BullMQ Worker on each new queue and closes the
 * Worker of a queue that is gone (its sweep is over). Runs execute in BullMQ's
 * sandboxed worker threads (processor.ts), `concurrency` at a time per sweep, so the
 * event loop here stays free to renew job locks.
 *
 * A worker killed mid-run stops renewing its locks; after `lockSeconds` another
 * worker's stalled-job check moves the run back to the queue (at-least-once). A run
 * that throws is retried with backoff; on its last attempt the Worker writes its
 * failure record into the results folder, where the submitter sees it.
 */
import { fileURLToPath } from 'node:url';
import { Worker, type Job } from 'bullmq';
import { writeFailure } from '../store/records.js';
import { failureRecordOf, type RunJobData, type RunJobResult } from './job.js';
import { KEY_PREFIX, SWEEPS_SET, sweepInfoKey, type RedisConnection } from './names.js';
import { redisClient } from './redis.js';

export interface QueueWorkerOptions {
  connection: RedisConnection;
  /** Runs at a time per sweep (worker threads). */
  concurrency: number;
  /** Job lock: a dead worker's run is taken again after about 1-2 x this (default 30). */
  lockSeconds?: number;
  /** How often the set of sweeps is looked at (default 1000 ms). */
  pollMs?: number;
  log?(text: string): void;
}

export interface QueueWorkers {
  /** Queue names being worked on now. */
  sweeps(): string[];
  close(): Promise<void>;
}

/** The built processor next to this module (BullMQ loads it by path in each worker thread). */
const PROCESSOR_FILE = fileURLToPath(new URL('./processor.js', import.meta.url));

const isLastAttempt = (job: Job, error: Error) =>
  error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);

export function startQueueWorkers(options: QueueWorkerOptions): QueueWorkers {
  const log = options.log ?? (() => {});
  const lockMs = (options.lockSeconds ?? 30) * 1000;
  const redis = redisClient(options.connection);
  const workers = new Map<string, Worker<RunJobData, RunJobResult>>();
  let closed = false;
  let lastError = '';

  const startWorker = (queueName: string) => {
    const worker = new Worker<RunJobData, RunJobResult>(queueName, PROCESSOR_FILE, {
      connection: options.connection,
      prefix: KEY_PREFIX,
      concurrency: options.concurrency,
      useWorkerThreads: true,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: 2,
    });
    worker.on('error', (error) => {
      if (error.message !== lastError) log(`queue ${queueName}: ${error.message}`);
      lastError = error.message;
    });
    // Emitted by whichever worker's check found the run: its own worker died (or starved) mid-run.
    worker.on('stalled', (jobId) => log(`run ${jobId.slice(0, 12)} stalled (its worker died?); queued again`));
    worker.on('completed', () => void redis.hincrby(sweepInfoKey(queueName), 'done', 1).catch(() => {}));
    worker.on('failed', (job, error) => {
      if (!job) return;
      const attempts = `attempt ${job.attemptsMade}/${job.opts.attempts ?? 1}`;
      log(`run ${job.data.spec.runKey.slice(0, 12)} failed (${attempts}): ${error.message.split('\n')[0]}`);
      if (!isLastAttempt(job, error)) return;
      try {
        writeFailure(job.data.dir, failureRecordOf(job.data.spec, error.stack ?? error.message, job.attemptsMade));
      } catch (writeError) {
        log(`cannot record the failure in ${job.data.dir}: ${(writeError as Error).message}`);
      }
      void redis.hincrby(sweepInfoKey(queueName), 'failed', 1).catch(() => {});
    });
    workers.set(queueName, worker);
    log(`working on ${queueName}`);
  };

  const refresh = async () => {
    const names = new Set(await redis.smembers(SWEEPS_SET));
    if (closed) return;
    for (const name of names) if (!workers.has(name)) startWorker(name);
    for (const [name, worker] of workers)
      if (!names.has(name)) {
        workers.delete(name);
        log(`sweep ${name} is over`);
        await worker.close();
      }
  };
  const timer = setInterval(() => void refresh().catch(() => {}), options.pollMs ?? 1000);
  void refresh().catch(() => {});

  return {
    sweeps: () => [...workers.keys()],
    async close() {
      closed = true;
      clearInterval(timer);
      // close() waits for the runs in progress to finish (and release their jobs) first.
      await Promise.all([...workers.values()].map((worker) => worker.close()));
      redis.disconnect();
    },
  };
}
