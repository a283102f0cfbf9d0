/**
 * The shapes that experiments pass between their parts: a sweep file becomes a
 * design (points), the planner turns points into runs (each with its run key and
 * seed), the executor turns a run into a shard, the store keeps shards and merges
 * them into tidy tables. Compare and sensitivity are sweeps with a generated design.
 *
 *   sweep file ──parseSweepFile──▶ SweepDefinition ──designPoints──▶ DesignPoint[]
 *        ──planRuns (load scenario per point, runKey, seed)──▶ SweepPlan { runs: RunSpec[] }
 *        ──executeRuns (pool of worker_threads, whole runs)──▶ ShardRecord per run ──store──▶ shards/
 *        ──mergeResults──▶ results.csv · results.parquet · results.duckdb
 */
import type { ModelParams } from '../../sim/params.js';

/** A value a factor takes: a number (a scenario parameter) or a string (a policy spec list, a category). */
export type FactorValue = number | string | boolean;

/** Which towns' rows a run keeps: every town plus the all-towns row, only the all-towns row, or the named towns. */
export type TownSelection = 'all' | 'total' | readonly string[];

/** What to keep of a run: these metrics, for these towns, at these ticks. */
export interface KeepSpec {
  /** Metric names (sim/observe.ts reportersFor), in output order. */
  metrics: readonly string[];
  towns: TownSelection;
  /** 0-based ticks (the month index, as in timeseries.csv), ascending, each < params.years * 12. */
  sampleTicks: readonly number[];
}

/** The all-towns row's label in samples and tidy tables (as in timeseries.csv). */
export const ALL_TOWNS_LABEL = 'all';

/** One run of a plan: everything a worker needs to run it and everything the store records. */
export interface RunSpec {
  /** sha256 hex of (canonical parameters, replicate, code version): see runKey.ts. */
  runKey: string;
  /** 32-bit seed from the plan's seed rule. */
  seed: number;
  /** 0-based replicate index. */
  replicate: number;
  /** Index of the first design point that gave this run (two points with equal parameters share a run). */
  point: number;
  /** Factor name -> value, in the design's factor order. */
  factors: Record<string, FactorValue>;
  params: ModelParams;
  keep: KeepSpec;
}

/** The kept values of one run. */
export interface RunSamples {
  ticks: number[];
  /** Town names, with ALL_TOWNS_LABEL for the all-towns row. */
  towns: string[];
  metrics: string[];
  /** [(tickIndex * towns.length + townIndex) * metrics.length + metricIndex]; null where the metric is NaN. */
  values: (number | null)[];
}

export const SHARD_FORMAT = 'clustersim-shard/1';

/** One finished run as the store keeps it (shards/<runKey>.json). */
export interface ShardRecord {
  format: typeof SHARD_FORMAT;
  runKey: string;
  seed: number;
  replicate: number;
  factors: Record<string, FactorValue>;
  codeVersion: string;
  samples: RunSamples;
  /** Wall time of the run; informational only, never part of merged results. */
  runSeconds: number;
}

/** A run that threw on every attempt (failures/<runKey>.json); resume retries it. */
export interface FailureRecord {
  format: 'clustersim-failure/1';
  runKey: string;
  seed: number;
  replicate: number;
  factors: Record<string, FactorValue>;
  error: string;
  attempts: number;
}

/** A factor as the merged tables see it: a column named `name` of this type. */
export interface FactorColumn {
  name: string;
  type: 'number' | 'string' | 'boolean';
}

/** Seed rules, named so a manifest says exactly how each seed was made (see runKey.ts). */
export type SeedRuleName = 'per-run-sha256-v1' | 'common-sha256-v1';

/** The whole of a planned sweep: written to <dir>/manifest.json (runs to <dir>/runs.jsonl). */
export interface SweepPlan {
  name: string;
  factors: FactorColumn[];
  runs: RunSpec[];
  masterSeed: number;
  seedRule: SeedRuleName;
  codeVersion: string;
}
