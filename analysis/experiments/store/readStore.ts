/** A results folder opened to read: its manifest, its runs in plan order, and what has finished or failed. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../../../scenarios/errors.js';
import type { FailureRecord, ShardRecord } from '../types.js';
import { FAILURES_DIR, MANIFEST_FILE, SHARDS_DIR } from './layout.js';
import { readManifest, type SweepManifest } from './manifest.js';
import { readFailure, readShard, recordKeysIn } from './records.js';
import { readRunLines, type RunLine } from './runLines.js';

export interface StoreReader {
  dir: string;
  manifest: SweepManifest;
  runs: RunLine[];
  /** Keys of the plan's runs that have a shard. */
  completedKeys(): Set<string>;
  /** Keys of the plan's runs that have a failure record and no shard. */
  failedKeys(): Set<string>;
  readShard(runKey: string): ShardRecord;
  readFailure(runKey: string): FailureRecord;
  /** Failure records of the plan's runs without a shard, in plan order. */
  failures(): FailureRecord[];
}

export function checkSweepFolder(dir: string): void {
  if (!existsSync(dir)) throw new UserInputError(`${dir}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new UserInputError(`${dir}: is a file, not a sweep's results folder`);
  if (!existsSync(join(dir, MANIFEST_FILE)))
    throw new UserInputError(`${dir}: not a sweep's results folder (no ${MANIFEST_FILE}); clustersim sweep writes one`);
}

export function openStoreForReading(dir: string): StoreReader {
  checkSweepFolder(dir);
  const manifest = readManifest(dir);
  const runs = readRunLines(dir);
  const inPlan = (keys: Set<string>) => new Set(runs.map((run) => run.runKey).filter((key) => keys.has(key)));
  const completedKeys = () => inPlan(recordKeysIn(join(dir, SHARDS_DIR)));
  const failedKeys = () => {
    const done = recordKeysIn(join(dir, SHARDS_DIR));
    return new Set([...inPlan(recordKeysIn(join(dir, FAILURES_DIR)))].filter((key) => !done.has(key)));
  };
  return {
    dir,
    manifest,
    runs,
    completedKeys,
    failedKeys,
    readShard: (runKey) => readShard(dir, runKey),
    readFailure: (runKey) => readFailure(dir, runKey),
    failures: () => {
      const failed = failedKeys();
      return runs.filter((run) => failed.has(run.runKey)).map((run) => readFailure(dir, run.runKey));
    },
  };
}
