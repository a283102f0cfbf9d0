/**
 * Hand-built plans and shards for the store's tests: no simulation, just the shapes
 * (types.ts) with values chosen so every row of a merged table can be checked by eye.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelParams } from '../../../../sim/params.js';
import {
  ALL_TOWNS_LABEL,
  SHARD_FORMAT,
  type FactorColumn,
  type FactorValue,
  type FailureRecord,
  type RunSpec,
  type ShardRecord,
  type SweepPlan,
} from '../../../../analysis/experiments/types.js';

export const keyOf = (label: string) => createHash('sha256').update(label).digest('hex');

export const FACTORS: FactorColumn[] = [
  { name: 'labour.quitRate', type: 'number' },
  { name: 'policy', type: 'string' },
  { name: 'credit', type: 'boolean' },
];

export interface RunInput {
  label: string;
  seed: number;
  replicate: number;
  point: number;
  factors: Record<string, FactorValue>;
}

export function makePlan(runs: RunInput[], overrides: Partial<SweepPlan> = {}): SweepPlan {
  const specs: RunSpec[] = runs.map((run) => ({
    runKey: keyOf(run.label),
    seed: run.seed,
    replicate: run.replicate,
    point: run.point,
    factors: run.factors,
    params: {} as ModelParams,
    keep: { metrics: ['firms', 'meanCapability'], towns: 'all', sampleTicks: [0, 12] },
  }));
  return {
    name: 'test-sweep',
    factors: FACTORS,
    runs: specs,
    masterSeed: 7,
    seedRule: 'per-run-sha256-v1',
    codeVersion: 'sim-0123456789abcdef',
    ...overrides,
  };
}

/** `count` runs: points of quit rate 0.01·(point+1), two replicates each, policy arms alternating. */
export function gridPlan(points: number, overrides: Partial<SweepPlan> = {}): SweepPlan {
  const runs: RunInput[] = [];
  for (let point = 0; point < points; point++)
    for (let replicate = 0; replicate < 2; replicate++)
      runs.push({
        label: `p${point}r${replicate}`,
        seed: 1000 + point * 10 + replicate,
        replicate,
        point,
        factors: {
          'labour.quitRate': 0.01 * (point + 1),
          policy: point % 2 ? 'credit@A' : 'none',
          credit: point % 2 === 1,
        },
      });
  return makePlan(runs, overrides);
}

/** A shard whose values are (tick, town, metric, seed) spelt out: value = seed + tick + town/10 + metric/100. */
export function shardFor(run: RunSpec, values?: (number | null)[]): ShardRecord {
  const ticks = [0, 12];
  const towns = ['Alpha', ALL_TOWNS_LABEL];
  const metrics = ['firms', 'meanCapability'];
  const computed: (number | null)[] = [];
  for (let t = 0; t < ticks.length; t++)
    for (let w = 0; w < towns.length; w++)
      for (let m = 0; m < metrics.length; m++) computed.push(run.seed + ticks[t] + w / 10 + m / 100);
  return {
    format: SHARD_FORMAT,
    runKey: run.runKey,
    seed: run.seed,
    replicate: run.replicate,
    factors: run.factors,
    codeVersion: 'sim-0123456789abcdef',
    samples: { ticks, towns, metrics, values: values ?? computed },
    runSeconds: Math.random(),
  };
}

export function failureFor(run: RunSpec, error = 'Error: the run blew up\n    at somewhere (x.js:1:1)'): FailureRecord {
  return {
    format: 'clustersim-failure/1',
    runKey: run.runKey,
    seed: run.seed,
    replicate: run.replicate,
    factors: run.factors,
    error,
    attempts: 2,
  };
}

/** A fresh temp folder per call; all removed by `cleanup`. */
export function tempDirs(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), `clustersim-${prefix}-`));
  let count = 0;
  return {
    make: () => join(root, `d${count++}`),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
