/**
 * Shards (shards/<runKey>.json) and failures (failures/<runKey>.json): written once
 * each, whole or not at all (atomicFile.ts), read back with a check that the file is
 * the record it claims to be.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { UserInputError } from '../../../scenarios/errors.js';
import { SHARD_FORMAT, type FailureRecord, type ShardRecord } from '../types.js';
import { writeFileDurably } from './atomicFile.js';
import { FAILURE_FORMAT, failurePath, isSafeRunKey, runKeyOfRecordFile, shardPath } from './layout.js';

/** Run keys of the records in `folder` (`<key>.json`); temp files and anything else are not records. */
export function recordKeysIn(folder: string): Set<string> {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return new Set();
  }
  const keys = new Set<string>();
  for (const name of names) {
    const key = runKeyOfRecordFile(name);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

function readRecord<T extends { format: string; runKey: string }>(path: string, runKey: string, format: string): T {
  let record: T;
  try {
    record = JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
    throw new UserInputError(`${path}: ${reason} (${(error as Error).message.split('\n')[0]})`);
  }
  if (record?.format !== format)
    throw new UserInputError(`${path}: format: expected "${format}", got ${JSON.stringify(record?.format)}`);
  if (record.runKey !== runKey)
    throw new UserInputError(
      `${path}: runKey: expected ${runKey} (the file's name), got ${JSON.stringify(record.runKey)}`,
    );
  return record;
}

export function readShard(dir: string, runKey: string): ShardRecord {
  return readRecord<ShardRecord>(shardPath(dir, runKey), runKey, SHARD_FORMAT);
}

export function readFailure(dir: string, runKey: string): FailureRecord {
  return readRecord<FailureRecord>(failurePath(dir, runKey), runKey, FAILURE_FORMAT);
}

function checkKey(runKey: string): void {
  if (!isSafeRunKey(runKey)) throw new Error(`run key ${JSON.stringify(runKey)} is not a file name (expected hex)`);
}

/** Writes (or rewrites: same key, same run) the shard, then drops the run's failure record if it had one. */
export function writeShard(dir: string, shard: ShardRecord): void {
  checkKey(shard.runKey);
  writeFileDurably(shardPath(dir, shard.runKey), `${JSON.stringify(shard)}\n`);
  rmSync(failurePath(dir, shard.runKey), { force: true });
}

export function writeFailure(dir: string, failure: FailureRecord): void {
  checkKey(failure.runKey);
  writeFileDurably(failurePath(dir, failure.runKey), `${JSON.stringify(failure, null, 2)}\n`);
}
