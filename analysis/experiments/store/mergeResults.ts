/**
 * Merging a results folder into tidy tables. Deterministic: rows follow runs.jsonl's
 * plan order, then each shard's tick, town, metric order, and nothing that depends on
 * when or in which order runs finished (wall times, completion order) reaches a
 * table - so a resumed, a parallel and an uninterrupted sweep merge to the same bytes
 * of results.csv, and merging twice changes nothing.
 */
import { join } from 'node:path';
import { writeFilesAtomically } from '../../output/atomicWrite.js';
import { buildDatabase, type RunStatus } from './database.js';
import { RESULTS_CSV, shardPath } from './layout.js';
import { openStoreForReading } from './readStore.js';
import { tidyCsvChunks } from './tidyCsv.js';

export interface MergeSummary {
  runs: number;
  done: number;
  failed: number;
  missing: number;
  /** Rows of the tidy table. */
  rows: number;
  /** Paths written: results.csv, results.parquet, results.duckdb. */
  files: string[];
}

export async function mergeResults(dir: string): Promise<MergeSummary> {
  const store = openStoreForReading(dir);
  const done = store.completedKeys();
  const failed = store.failedKeys();
  const statuses: RunStatus[] = store.runs.map((run) => {
    if (done.has(run.runKey)) return { status: 'done' };
    if (failed.has(run.runKey)) return { status: 'failed', error: store.readFailure(run.runKey).error };
    return { status: 'missing' };
  });
  let rows = 0;
  const doneRuns = store.runs.filter((run) => done.has(run.runKey));
  const chunks = tidyCsvChunks(
    store.manifest.factors,
    doneRuns,
    store.readShard,
    (count) => (rows += count),
    (runKey) => shardPath(dir, runKey),
  );
  const [csvPath] = writeFilesAtomically(dir, { [RESULTS_CSV]: chunks });
  const databaseFiles = await buildDatabase(dir, store.manifest.factors, store.runs, statuses);
  const count = (status: RunStatus['status']) => statuses.filter((entry) => entry.status === status).length;
  return {
    runs: store.runs.length,
    done: count('done'),
    failed: count('failed'),
    missing: count('missing'),
    rows,
    files: [csvPath ?? join(dir, RESULTS_CSV), ...databaseFiles],
  };
}
