/**
 * Whether the merged files are up to date. Every shard and failure is created or
 * removed by a rename or unlink in shards/ or failures/, which updates that folder's
 * modification time - so comparing a merged file with the two folders (and the plan
 * files) tells whether anything changed since, without a stat per shard.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { FAILURES_DIR, MANIFEST_FILE, RESULT_FILES, RUNS_FILE, SHARDS_DIR } from './layout.js';

export interface ResultFileState {
  name: (typeof RESULT_FILES)[number];
  exists: boolean;
  /** Older than the newest change to the shards, failures or plan. */
  stale: boolean;
}

function modifiedNs(path: string): bigint | undefined {
  try {
    return statSync(path, { bigint: true }).mtimeNs;
  } catch {
    return undefined;
  }
}

export function newestInputChangeNs(dir: string): bigint {
  let newest = 0n;
  for (const name of [MANIFEST_FILE, RUNS_FILE, SHARDS_DIR, FAILURES_DIR]) {
    const time = modifiedNs(join(dir, name));
    if (time !== undefined && time > newest) newest = time;
  }
  return newest;
}

export function resultFileStates(dir: string): ResultFileState[] {
  const newestInput = newestInputChangeNs(dir);
  return RESULT_FILES.map((name) => {
    const time = modifiedNs(join(dir, name));
    return { name, exists: time !== undefined, stale: time === undefined || time < newestInput };
  });
}
