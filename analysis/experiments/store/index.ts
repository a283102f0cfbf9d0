/**
 * The results store of a sweep: one folder per sweep, written run by run so that a
 * sweep killed at any moment can be resumed, then merged into tidy tables.
 *
 *   <dir>/manifest.json            format 'clustersim-sweep/1': plan metadata (name, factors, masterSeed,
 *                                  seedRule, codeVersion, runs = run count, planSha256 = sha256 of the run
 *                                  keys in plan order, each followed by "\n") and the caller's provenance
 *   <dir>/runs.jsonl               one line per unique run in plan order: {runKey, seed, replicate, point, factors}
 *   <dir>/shards/<runKey>.json     ShardRecord (types.ts), written once: temp file in the same folder, fsync, rename
 *   <dir>/failures/<runKey>.json   FailureRecord of a run that failed every attempt; removed when it later succeeds
 *   <dir>/results.csv              tidy: runKey,seed,<factor columns in plan order>,replicate,tick,town,metric,value
 *                                  (one row per kept sample; numbers as formatNumber writes them; NaN -> empty field)
 *   <dir>/results.parquet          the same table
 *   <dir>/results.duckdb           tables `results` (the tidy table) and `runs` (runKey, seed, replicate, point,
 *                                  <factor columns>, status 'done'|'failed'|'missing', error)
 *
 * Temp files are named `<final name>.tmp-<pid>[-<n>]`: never `*.json`, so never taken for
 * a shard; a dead writer's are deleted when the folder is next opened for a sweep.
 * Column types: factors number -> DOUBLE, string -> VARCHAR, boolean -> BOOLEAN; seed
 * BIGINT; replicate, point, tick INTEGER; value DOUBLE (NULL where the metric was NaN).
 * The three merged files are rebuilt whole by `mergeResults`; results.duckdb and
 * results.parquet are loaded from results.csv, so all three hold the same values.
 */
export { createStore, type SweepStore } from './createStore.js';
export { openStoreForReading, type StoreReader } from './readStore.js';
export { mergeResults, type MergeSummary } from './mergeResults.js';
export { resultFileStates, type ResultFileState } from './freshness.js';
export { queryDatabase, type QueryResult } from './query.js';
export { formatQueryResult, QUERY_FORMATS, type QueryFormat } from './queryOutput.js';
export type { SweepManifest } from './manifest.js';
export type { RunLine } from './runLines.js';
export * from './layout.js';
