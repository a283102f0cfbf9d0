/**
 * From the finished runs of a comparison to its numbers: for each arm and metric, the
 * replicate values of the baseline and of the arm, paired by replicate, through
 * compareArm. A run with no result (it failed on every attempt) gives missing values,
 * so its pairs are dropped and counted, never silently filled.
 */
import { ALL_TOWNS_LABEL, type ShardRecord } from '../types.js';
import type { KeyMetric } from './keyMetrics.js';
import { compareArm, DEFAULT_CONFIDENCE, type ArmMetricComparison } from './pairedComparison.js';
import type { CompareDesign } from './plan.js';

export const COMPARISON_FORMAT = 'clustersim-comparison/1';

export interface ArmMetricResult extends ArmMetricComparison {
  arm: string;
  metric: string;
}

export interface RunEntry {
  arm: string;
  replicate: number;
  runKey: string;
  seed: number;
  status: 'done' | 'missing';
}

export interface ComparisonResult {
  format: typeof COMPARISON_FORMAT;
  scenario: string;
  year: number;
  seeding: CompareDesign['seeding'];
  seedRule: string;
  masterSeed: number;
  replications: number;
  confidence: number;
  arms: CompareDesign['arms'];
  metrics: KeyMetric[];
  /** One entry per arm (baseline excluded) and metric, arms outer: the forest plot's rows. */
  comparisons: ArmMetricResult[];
  /** values[arm][metric][replicate]: the number each run gave (null when missing). */
  values: Record<string, Record<string, (number | null)[]>>;
  /** Every arm x replicate cell with its run and seed (two cells share a run when an arm equals the baseline). */
  runs: RunEntry[];
}

/**
 * The number a run gives for `metric`: the last kept tick (December of the compared
 * year), or for a flow the sum over the twelve months ending there (null if any is
 * missing). Earlier kept ticks are Decembers of earlier years, for charts.
 */
export function metricValue(shard: ShardRecord, metric: KeyMetric): number | null {
  const { ticks, towns, metrics, values } = shard.samples;
  const metricIndex = metrics.indexOf(metric.name);
  const townIndex = towns.indexOf(ALL_TOWNS_LABEL);
  if (metricIndex < 0 || townIndex < 0) throw new Error(`shard ${shard.runKey} has no ${metric.name} for all towns`);
  const at = (tickIndex: number) => values[(tickIndex * towns.length + townIndex) * metrics.length + metricIndex];
  const last = ticks.length - 1;
  if (metric.kind !== 'flow') return at(last);
  let sum = 0;
  for (let tickIndex = 0; tickIndex < ticks.length; tickIndex++) {
    if (ticks[tickIndex] <= ticks[last] - 12) continue;
    const value = at(tickIndex);
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

export function analyseComparison(
  design: CompareDesign,
  shardOf: (runKey: string) => ShardRecord | undefined,
  options: { bootstrapResamples?: number } = {},
): ComparisonResult {
  const shards = new Map<string, ShardRecord | undefined>();
  const runs: RunEntry[] = [];
  const seedOf = new Map(design.plan.runs.map((run) => [run.runKey, run.seed]));
  design.arms.forEach((arm, a) =>
    design.plan.runKeyOf[a].forEach((runKey, replicate) => {
      if (!shards.has(runKey)) shards.set(runKey, shardOf(runKey));
      const status = shards.get(runKey) ? 'done' : 'missing';
      runs.push({ arm: arm.name, replicate, runKey, seed: seedOf.get(runKey) ?? Number.NaN, status });
    }),
  );
  const values: ComparisonResult['values'] = {};
  design.arms.forEach((arm, a) => {
    values[arm.name] = {};
    for (const metric of design.metrics) {
      values[arm.name][metric.name] = design.plan.runKeyOf[a].map((runKey) => {
        const shard = shards.get(runKey);
        return shard ? metricValue(shard, metric) : null;
      });
    }
  });
  const baseline = design.arms[0].name;
  const comparisons: ArmMetricResult[] = [];
  for (const arm of design.arms.slice(1)) {
    for (const metric of design.metrics) {
      const result = compareArm(values[baseline][metric.name], values[arm.name][metric.name], {
        seeding: design.seeding,
        confidence: DEFAULT_CONFIDENCE,
        // Per arm and metric, so adding an arm or a metric does not move another's bootstrap.
        bootstrapSeed: `clustersim/compare/${design.masterSeed}/${arm.name}/${metric.name}`,
        bootstrapResamples: options.bootstrapResamples,
      });
      comparisons.push({ arm: arm.name, metric: metric.name, ...result });
    }
  }
  return {
    format: COMPARISON_FORMAT,
    scenario: design.scenarioName,
    year: design.year,
    seeding: design.seeding,
    seedRule: design.plan.seedRule,
    masterSeed: design.masterSeed,
    replications: design.replications,
    confidence: DEFAULT_CONFIDENCE,
    arms: design.arms,
    metrics: design.metrics,
    comparisons,
    values,
    runs,
  };
}
