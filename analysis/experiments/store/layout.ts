/**
 * Names and paths inside a sweep's results folder (the layout is drawn in index.ts),
 * and the two file-name rules the store relies on: a shard or failure is
 * `<runKey>.json`, and a file being written is `<final name>.tmp-<pid>[-<n>]` in the
 * same folder, so it never ends in `.json` and can never be taken for a result.
 */
import { join } from 'node:path';

export const SWEEP_FORMAT = 'clustersim-sweep/1';
export const FAILURE_FORMAT = 'clustersim-failure/1';

export const MANIFEST_FILE = 'manifest.json';
export const RUNS_FILE = 'runs.jsonl';
export const SHARDS_DIR = 'shards';
export const FAILURES_DIR = 'failures';
export const RESULTS_CSV = 'results.csv';
export const RESULTS_PARQUET = 'results.parquet';
export const RESULTS_DUCKDB = 'results.duckdb';
export const RESULT_FILES = [RESULTS_CSV, RESULTS_PARQUET, RESULTS_DUCKDB] as const;

/** Everything the store itself may leave in a folder: a folder holding only these is ours to use. */
const STORE_ENTRIES = new Set<string>([
  MANIFEST_FILE,
  RUNS_FILE,
  SHARDS_DIR,
  FAILURES_DIR,
  ...RESULT_FILES,
  `${RESULTS_DUCKDB}.wal`,
]);

/** Run keys are sha256 hex; anything made of these characters is a safe file name. */
const RUN_KEY_PATTERN = /^[A-Za-z0-9_-]+$/;
const RECORD_FILE_PATTERN = /^([A-Za-z0-9_-]+)\.json$/;
const TEMP_FILE_PATTERN = /\.tmp-(\d+)(?:-\d+)?$/;

export const isSafeRunKey = (key: string): boolean => RUN_KEY_PATTERN.test(key);

/** The run key of `shards/<key>.json` or `failures/<key>.json`; undefined for temp and other files. */
export function runKeyOfRecordFile(name: string): string | undefined {
  return RECORD_FILE_PATTERN.exec(name)?.[1];
}

/** The pid of the process writing a temp file, or undefined when `name` is not a temp file. */
export function tempFileWriterPid(name: string): number | undefined {
  const match = TEMP_FILE_PATTERN.exec(name);
  return match ? Number(match[1]) : undefined;
}

export function isStoreEntry(name: string): boolean {
  return STORE_ENTRIES.has(name) || tempFileWriterPid(name) !== undefined;
}

export const shardPath = (dir: string, runKey: string) => join(dir, SHARDS_DIR, `${runKey}.json`);
export const failurePath = (dir: string, runKey: string) => join(dir, FAILURES_DIR, `${runKey}.json`);
