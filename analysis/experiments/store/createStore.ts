/**
 * Opening a results folder for a sweep: a new (or empty) folder gets the plan's
 * manifest and run list; a folder that already holds a sweep is refused unless the
 * caller resumes, and then only for the same plan.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../../output/atomicWrite.js';
import { UserInputError } from '../../../scenarios/errors.js';
import type { FailureRecord, ShardRecord, SweepPlan } from '../types.js';
import { removeLeftoverTempFiles } from './atomicFile.js';
import { FAILURES_DIR, isSafeRunKey, isStoreEntry, MANIFEST_FILE, RUNS_FILE, SHARDS_DIR } from './layout.js';
import { manifestFor, planDifferences, readManifest } from './manifest.js';
import { readShard, recordKeysIn, writeFailure, writeShard } from './records.js';
import { readRunLines, runLinesText } from './runLines.js';
import { checkFactorColumns } from './tidyColumns.js';

export interface SweepStore {
  dir: string;
  /** Keys of the plan's runs that have a shard. */
  completedKeys(): Set<string>;
  writeShard(shard: ShardRecord): void;
  writeFailure(failure: FailureRecord): void;
  readShard(runKey: string): ShardRecord;
}

/** Mistakes in a plan are the planner's, not the user's: a plain Error. */
function checkPlan(plan: SweepPlan): void {
  const seen = new Set<string>();
  for (const run of plan.runs) {
    if (!isSafeRunKey(run.runKey)) throw new Error(`run key ${JSON.stringify(run.runKey)} is not a file name`);
    if (seen.has(run.runKey)) throw new Error(`run key ${run.runKey} appears twice in the plan`);
    seen.add(run.runKey);
    for (const factor of plan.factors) {
      const value = run.factors[factor.name];
      if (value !== undefined && typeof value !== factor.type)
        throw new Error(
          `run ${run.runKey}: factor ${factor.name}: expected a ${factor.type}, got ${JSON.stringify(value)}`,
        );
    }
  }
}

/** Refuses a path that is a file, or a folder holding things that are not a sweep's. */
function checkFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UserInputError(`${dir}: is a file, not a folder; choose another --out`);
  if (existsSync(join(dir, MANIFEST_FILE))) return;
  const foreign = readdirSync(dir).filter((name) => !isStoreEntry(name));
  if (foreign.length > 0)
    throw new UserInputError(
      `${dir}: the folder holds other files (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''}) and no sweep; choose an empty or new --out`,
    );
}

export function createStore(
  dir: string,
  plan: SweepPlan,
  provenance: Record<string, unknown>,
  options: {
    resume: boolean;
    /**
     * Delete temp files left by dead writers (default true). Slices of one sweep running
     * at once on several machines (--shard) pass false: a writer's pid means nothing on
     * another host, and a leftover temp file is ignored anyway.
     */
    cleanTempFiles?: boolean;
  },
): SweepStore {
  checkPlan(plan);
  checkFactorColumns(plan.factors);
  checkFolder(dir);
  if (existsSync(join(dir, MANIFEST_FILE))) {
    if (!options.resume)
      throw new UserInputError(
        `${dir}: results of a sweep, comparison or sensitivity analysis are already here; add --resume to finish it, or choose another --out`,
      );
    const existing = readManifest(dir);
    const differences = planDifferences(existing, () => readRunLines(dir).map((run) => run.runKey), plan);
    if (differences.length > 0)
      throw new UserInputError(`${dir}: cannot resume: ${differences.join('; ')}; use another --out`);
  } else {
    mkdirSync(dir, { recursive: true });
    // runs.jsonl is renamed into place before manifest.json: a manifest always has its run list.
    writeFilesAtomically(dir, {
      [RUNS_FILE]: runLinesText(plan),
      [MANIFEST_FILE]: `${JSON.stringify(manifestFor(plan, provenance), null, 2)}\n`,
    });
  }
  for (const folder of [dir, join(dir, SHARDS_DIR), join(dir, FAILURES_DIR)]) {
    mkdirSync(folder, { recursive: true });
    if (options.cleanTempFiles ?? true) removeLeftoverTempFiles(folder);
  }
  const planKeys = new Set(plan.runs.map((run) => run.runKey));
  return {
    dir,
    completedKeys: () => new Set([...recordKeysIn(join(dir, SHARDS_DIR))].filter((key) => planKeys.has(key))),
    writeShard: (shard) => writeShard(dir, shard),
    writeFailure: (failure) => writeFailure(dir, failure),
    readShard: (runKey) => readShard(dir, runKey),
  };
}
