/**
 * The queue executor against a real redis-server: worker processes pull a small sweep's
 * runs while the tests kill a worker, then Redis itself, mid-sweep; each sweep must
 * still merge to exactly the local sweep's results.csv with every run key once. A run
 * that throws on every attempt is retried, then recorded as failed while the others finish.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { redisConnection } from '../../analysis/experiments/queue/names.js';
import { queuedSweepStatuses } from '../../analysis/experiments/queue/status.js';
import { ensureRedisServer, startTestRedis, type TestRedis } from './redisServer.js';
import {
  shardCount,
  startWorker,
  stopWorkers,
  submitSweep,
  submitSweepCommand,
  waitFor,
  type Spawned,
} from './processes.js';

const RUNS = 12; // 2 quit rates x 6 replications
let work: string;
let sweepFile: string;
let fastSweepFile: string;
let redis: TestRedis;
let workers: Spawned[] = [];

beforeAll(async () => {
  ensureRedisServer();
  work = mkdtempSync(join(tmpdir(), 'clustersim-queue-'));
  sweepFile = join(work, 'queued.yaml');
  writeFileSync(
    sweepFile,
    [
      'name: queued',
      `scenario: ${join(REPO_ROOT, 'scenarios', 'punjab-farm-equipment.yaml')}`,
      // Long enough (about 0.4 s a run) that a worker killed between two shards dies mid-run.
      'years: 20',
      'replications: 6',
      'seed: 7',
      'factors:',
      '  - name: quitRate',
      '    parameter: labour.quitProbabilityPerMonth',
      '    values: [0.01, 0.04]',
      'keep:',
      '  metrics: [firms, meanCapability]',
      '  towns: all',
      '',
    ].join('\n'),
  );
  // The failing run's test needs no time to kill anything: short runs.
  fastSweepFile = join(work, 'fast.yaml');
  writeFileSync(fastSweepFile, readFileSync(sweepFile, 'utf8').replace('years: 20', 'years: 5'));
  mkdirSync(join(work, 'redis'));
  redis = await startTestRedis(join(work, 'redis'));
  const local = runCli(['sweep', sweepFile, '--quiet', '--workers', '2', '--out', 'local'], { cwd: work });
  expect(local.status, local.stderr).toBe(0);
});

afterAll(async () => {
  await stopWorkers(workers);
  await redis?.stop();
  rmSync(work, { recursive: true, force: true });
});

const results = (dir: string) => readFileSync(join(work, dir, 'results.csv'), 'utf8');

function expectEachKeyOnce(dir: string, done: number) {
  const keys = runCli(
    [
      'results',
      dir,
      '--format',
      'csv',
      '--sql',
      "SELECT count(*) AS runs, count(DISTINCT runKey) AS keys FROM runs WHERE status = 'done'",
    ],
    { cwd: work },
  );
  expect(keys.stdout.trim().split('\n')).toEqual(['runs,keys', `${done},${done}`]);
}

describe('clustersim sweep --queue with clustersim worker', () => {
  it('two workers, one killed with SIGKILL mid-run: the sweep completes and equals the local sweep', async () => {
    workers = [startWorker(redis.url, work), startWorker(redis.url, work)];
    const dir = join(work, 'killed');
    const sweep = submitSweepCommand(sweepFile, dir, redis.url);
    await waitFor(() => shardCount(dir) >= 1);
    const [status] = await queuedSweepStatuses(redisConnection(redis.url));
    expect(status).toMatchObject({ name: 'queued', dir, runs: RUNS, toRun: RUNS });
    await waitFor(() => shardCount(dir) >= 2);
    // Kill while both workers hold a run, so the killed one dies mid-run (not between runs).
    for (let polls = 0; polls < 500; polls++) {
      const [now] = await queuedSweepStatuses(redisConnection(redis.url));
      if ((now?.running ?? 0) >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    workers[0].child.kill('SIGKILL');
    const submitted = await sweep.exited;
    expect(submitted.code, submitted.stderr).toBe(0);
    expect((await workers[0].exited).signal).toBe('SIGKILL');
    // The survivor found the dead worker's run stalled and ran it again (its log line may
    // reach this process a moment after the submitter's exit: both come through pipes).
    await waitFor(() => /run [0-9a-f]{12} stalled/.test(workers[1].output()), 10_000);
    expect(submitted.stdout).toContain(`${RUNS} runs (0 already done, ${RUNS} run now) on the queue ${redis.url}`);
    expect(submitted.stdout).toMatch(/^report: .*report\.html$/m);
    expect(results('killed')).toBe(results('local'));
    expectEachKeyOnce('killed', RUNS);
    // The finished sweep's queue is gone from Redis.
    expect(await queuedSweepStatuses(redisConnection(redis.url))).toEqual([]);
    await stopWorkers(workers);
  });

  it('Redis killed and restarted mid-sweep (AOF on): the sweep completes with nothing lost', async () => {
    workers = [startWorker(redis.url, work), startWorker(redis.url, work)];
    const dir = join(work, 'restarted');
    const sweep = submitSweep(sweepFile, dir, redis.url);
    await waitFor(() => shardCount(dir) >= 3);
    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis.start();
    const submitted = await sweep.exited;
    expect(submitted.code, submitted.stderr).toBe(0);
    // The AOF kept every job: none had to be added again.
    expect(submitted.stderr).not.toContain('left the queue');
    expect(results('restarted')).toBe(results('local'));
    expectEachKeyOnce('restarted', RUNS);
    await stopWorkers(workers);
  });

  it('a run that throws is retried, then recorded as failed while the others finish', async () => {
    workers = [startWorker(redis.url, work)];
    const dir = join(work, 'failing');
    const sweep = submitSweep(fastSweepFile, dir, redis.url, { badKeepRun: 3, attempts: 3, backoffMs: 100 });
    const submitted = await sweep.exited;
    expect(submitted.code).toBe(1);
    expect(JSON.parse(submitted.stdout)).toMatchObject({
      done: RUNS - 1,
      failed: 1,
      merged: { runs: RUNS, done: RUNS - 1, failed: 1, missing: 0 },
    });
    const [failureFile] = readdirSync(join(dir, 'failures'));
    const failure = JSON.parse(readFileSync(join(dir, 'failures', failureFile), 'utf8'));
    expect(failure).toMatchObject({ format: 'clustersim-failure/1', attempts: 3, replicate: 3 });
    expect(failure.error).toContain('keep: metric noSuchMetric is not reported by this run');
    // The worker's log comes through a pipe and may trail the submitter's exit.
    await waitFor(() => workers[0].output().includes('(attempt 3/3)'), 10_000);
    for (const attempt of ['1/3', '2/3', '3/3']) expect(workers[0].output()).toContain(`(attempt ${attempt})`);
    expectEachKeyOnce('failing', RUNS - 1);
    await stopWorkers(workers);
  });
});
