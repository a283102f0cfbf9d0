/**
 * Reading stored runs (sweep and comparison shards) for charts: a value by (tick,
 * town, metric), and the mean of replicates with its 95% t interval - the band drawn
 * around a line or a cell of replicated runs.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { tInterval } from '../experiments/compare/intervals.js';
import { ALL_TOWNS_LABEL, type ShardRecord } from '../experiments/types.js';

/** The shard's value, or null when the run did not keep it (or it was NaN). */
export function shardValue(shard: ShardRecord, tick: number, town: string, metric: string): number | null {
  const { ticks, towns, metrics, values } = shard.samples;
  const t = ticks.indexOf(tick);
  const r = towns.indexOf(town);
  const m = metrics.indexOf(metric);
  if (t < 0 || r < 0 || m < 0) return null;
  return values[(t * towns.length + r) * metrics.length + m] ?? null;
}

/** The row charts of stored runs read: all towns when kept, else the first town kept. */
export function chartTown(shard: ShardRecord): string {
  return shard.samples.towns.includes(ALL_TOWNS_LABEL) ? ALL_TOWNS_LABEL : shard.samples.towns[0];
}

export const REPLICATE_CONFIDENCE = 0.95;

export interface ReplicateSummary {
  mean: number;
  /** 95% t interval of the mean over replicates; equal to the mean with one replicate. */
  lower: number;
  upper: number;
  replicates: number;
}

export function summariseReplicates(values: readonly (number | null)[]): ReplicateSummary | null {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (present.length === 0) return null;
  const average = mean(present);
  if (present.length < 2) return { mean: average, lower: average, upper: average, replicates: 1 };
  const interval = tInterval(average, sampleStandardDeviation(present), present.length, REPLICATE_CONFIDENCE);
  return { mean: average, lower: interval.lower, upper: interval.upper, replicates: present.length };
}
