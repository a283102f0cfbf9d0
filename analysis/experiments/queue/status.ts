/**
 * What `clustersim status --queue` shows: each sweep in progress on a Redis, with its
 * jobs by state and the runs its workers finished (counted by the workers; a run
 * delivered twice counts twice, so the submitter counts shards instead).
 */
import { Queue } from 'bullmq';
import { KEY_PREFIX, SWEEPS_SET, sweepInfoKey, type RedisConnection } from './names.js';
import { redisClient } from './redis.js';

export interface QueuedSweepStatus {
  queueName: string;
  name: string;
  dir: string;
  runs: number;
  toRun: number;
  submittedAt: string;
  done: number;
  failed: number;
  waiting: number;
  running: number;
  retrying: number;
}

export async function queuedSweepStatuses(connection: RedisConnection): Promise<QueuedSweepStatus[]> {
  const redis = redisClient(connection);
  try {
    const names = (await redis.smembers(SWEEPS_SET)).sort();
    const statuses: QueuedSweepStatus[] = [];
    for (const queueName of names) {
      const info = await redis.hgetall(sweepInfoKey(queueName));
      const queue = new Queue(queueName, { connection, prefix: KEY_PREFIX });
      queue.on('error', () => {});
      try {
        const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
        statuses.push({
          queueName,
          name: info.name ?? '?',
          dir: info.dir ?? '?',
          runs: Number(info.runs ?? 0),
          toRun: Number(info.toRun ?? 0),
          submittedAt: info.submittedAt ?? '',
          done: Number(info.done ?? 0),
          failed: Number(info.failed ?? 0),
          waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
          running: counts.active ?? 0,
          retrying: counts.delayed ?? 0,
        });
      } finally {
        await queue.close();
      }
    }
    return statuses;
  } finally {
    redis.disconnect();
  }
}
