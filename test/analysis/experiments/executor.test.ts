/**
 * The local executor: the pool of worker threads gives the same shards as the serial
 * path (both call runToShard), a run that throws is retried and then recorded as
 * failed while the other runs finish, and progress counts every run once.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/load.js';
import { executeRuns, type ExecuteProgress } from '../../../analysis/experiments/executor.js';
import { makeRun } from '../../../analysis/experiments/plan.js';
import type { FailureRecord, KeepSpec, RunSpec, ShardRecord } from '../../../analysis/experiments/types.js';

const params = loadScenario('punjab-farm-equipment', { years: 2 }).params;
const keep: KeepSpec = { metrics: ['firms', 'meanCapability', 'workers'], towns: 'all', sampleTicks: [11, 23] };
const runs: RunSpec[] = [0, 1, 2, 3].map((replicate) =>
  makeRun({
    params,
    replicate,
    point: 0,
    factors: { replicateLabel: `r${replicate}` },
    keep,
    masterSeed: 7,
    seedRule: 'per-run-sha256-v1',
    codeVersion: 'test',
  }),
);

async function execute(specs: readonly RunSpec[], workers: number) {
  const shards: ShardRecord[] = [];
  const failures: FailureRecord[] = [];
  const progress: ExecuteProgress[] = [];
  const outcome = await executeRuns(specs, {
    workers,
    codeVersion: 'test',
    onShard: (shard) => shards.push(shard),
    onFailure: (failure) => failures.push(failure),
    onProgress: (p) => progress.push(p),
  });
  const byKey = (a: { runKey: string }, b: { runKey: string }) => a.runKey.localeCompare(b.runKey);
  shards.sort(byKey);
  return { outcome, shards: shards.map(({ runSeconds: _unused, ...rest }) => rest), failures, progress };
}

describe('executeRuns', () => {
  it('gives the same shards on a pool of 2 worker threads as serially', async () => {
    const serial = await execute(runs, 1);
    const pooled = await execute(runs, 2);
    expect(serial.outcome).toEqual({ done: 4, failed: 0 });
    expect(pooled.outcome).toEqual({ done: 4, failed: 0 });
    expect(pooled.shards).toEqual(serial.shards);
    // Every run kept 2 ticks x (towns + all) x 3 metrics, and distinct seeds gave distinct worlds.
    expect(serial.shards[0].samples.values).toHaveLength(2 * (params.towns.length + 1) * 3);
    expect(new Set(serial.shards.map((s) => JSON.stringify(s.samples.values))).size).toBe(4);
    expect(pooled.progress.at(-1)).toMatchObject({ done: 4, failed: 0, running: 0, total: 4 });
  });

  it.each([1, 2])(
    'retries a run that throws, records it as failed and finishes the others (%i workers)',
    async (workers) => {
      const broken: RunSpec = { ...runs[1], keep: { ...keep, metrics: ['noSuchMetric'] } };
      const result = await execute([runs[0], broken, runs[2]], workers);
      expect(result.outcome).toEqual({ done: 2, failed: 1 });
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0]).toMatchObject({ runKey: broken.runKey, attempts: 2 });
      expect(result.failures[0].error).toContain('noSuchMetric');
      expect(result.shards.map((s) => s.runKey).sort()).toEqual([runs[0].runKey, runs[2].runKey].sort());
    },
  );
});
