/**
 * Opening a results folder: fresh, refused without --resume, resumed by the same plan
 * only (with a one-line reason when not), leftovers of a killed write ignored and
 * cleaned; shards written whole and idempotently.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore, openStoreForReading } from '../../../../analysis/experiments/store/index.js';
import { planDigest } from '../../../../analysis/experiments/store/manifest.js';
import { UserInputError } from '../../../../scenarios/errors.js';
import { failureFor, gridPlan, shardFor, tempDirs } from './fixtures.js';

const dirs = tempDirs('store');
afterAll(dirs.cleanup);

/** A pid no process has (above Linux's pid_max), as a killed writer's would be. */
const DEAD_PID = 2_147_483_646;

function oneLineError(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a UserInputError');
}

describe('createStore', () => {
  it('a new folder gets manifest.json and runs.jsonl in plan order', () => {
    const dir = dirs.make();
    const plan = gridPlan(3);
    createStore(dir, plan, { git: 'abc' }, { resume: false });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toEqual({
      format: 'clustersim-sweep/1',
      name: 'test-sweep',
      factors: plan.factors,
      masterSeed: 7,
      seedRule: 'per-run-sha256-v1',
      codeVersion: 'sim-0123456789abcdef',
      runs: 6,
      planSha256: planDigest(plan.runs.map((run) => run.runKey)),
      provenance: { git: 'abc' },
    });
    const lines = readFileSync(join(dir, 'runs.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual(
      plan.runs.map(({ runKey, seed, replicate, point, factors }) => ({ runKey, seed, replicate, point, factors })),
    );
    expect(readdirSync(dir).sort()).toEqual(['failures', 'manifest.json', 'runs.jsonl', 'shards']);
  });

  it('an existing empty folder is used', () => {
    const dir = dirs.make();
    mkdirSync(dir);
    createStore(dir, gridPlan(1), {}, { resume: false });
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
  });

  it('refuses a folder that already holds a sweep unless resuming', () => {
    const dir = dirs.make();
    createStore(dir, gridPlan(2), {}, { resume: false });
    expect(oneLineError(() => createStore(dir, gridPlan(2), {}, { resume: false }))).toBe(
      `${dir}: results of a sweep, comparison or sensitivity analysis are already here; add --resume to finish it, or choose another --out`,
    );
  });

  it('resumes with the same plan and sees the shards already written', () => {
    const dir = dirs.make();
    const plan = gridPlan(2);
    const first = createStore(dir, plan, { at: 'first' }, { resume: false });
    first.writeShard(shardFor(plan.runs[1]));
    const again = createStore(dir, plan, { at: 'second' }, { resume: true });
    expect(again.completedKeys()).toEqual(new Set([plan.runs[1].runKey]));
    expect(again.readShard(plan.runs[1].runKey).samples).toEqual(shardFor(plan.runs[1]).samples);
    // The folder keeps the manifest of the sweep that started it.
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).provenance).toEqual({ at: 'first' });
  });

  it('resume with no manifest starts fresh', () => {
    const dir = dirs.make();
    createStore(dir, gridPlan(1), {}, { resume: true });
    expect(openStoreForReading(dir).runs).toHaveLength(2);
  });

  it('refuses to resume with a changed plan, saying what differs', () => {
    const dir = dirs.make();
    createStore(dir, gridPlan(18), {}, { resume: false });
    expect(oneLineError(() => createStore(dir, gridPlan(20), {}, { resume: true }))).toBe(
      `${dir}: cannot resume: the sweep now has 40 runs, the folder's has 36; 4 run keys differ ` +
        `(was the sweep file or the code changed?); use another --out`,
    );
    const reordered = gridPlan(18);
    reordered.runs.reverse();
    expect(oneLineError(() => createStore(dir, reordered, {}, { resume: true }))).toContain(
      "the sweep has the folder's 36 runs in another order",
    );
    expect(oneLineError(() => createStore(dir, gridPlan(18, { masterSeed: 8 }), {}, { resume: true }))).toContain(
      "the seeds now come from per-run-sha256-v1 with master seed 8, the folder's from per-run-sha256-v1 with master seed 7",
    );
    const fewerFactors = gridPlan(18, { factors: [{ name: 'labour.quitRate', type: 'number' }] });
    expect(oneLineError(() => createStore(dir, fewerFactors, {}, { resume: true }))).toContain(
      "the factors are now labour.quitRate (number), the folder's labour.quitRate (number), policy (string), credit (boolean)",
    );
  });

  it('names a code change as the cause when the code version differs', () => {
    const dir = dirs.make();
    createStore(dir, gridPlan(2), {}, { resume: false });
    const changed = gridPlan(2, { codeVersion: 'sim-fedcba9876543210' });
    for (const run of changed.runs) run.runKey = run.runKey.replace(/^./, 'f');
    expect(oneLineError(() => createStore(dir, changed, {}, { resume: true }))).toContain(
      "4 run keys differ (the simulation code changed: sim-fedcba9876543210, the folder's sim-0123456789abcdef)",
    );
  });

  it('refuses a path that is a file, and a folder with other things in it', () => {
    const file = dirs.make();
    writeFileSync(file, 'x');
    expect(oneLineError(() => createStore(file, gridPlan(1), {}, { resume: false }))).toBe(
      `${file}: is a file, not a folder; choose another --out`,
    );
    const busy = dirs.make();
    mkdirSync(busy);
    writeFileSync(join(busy, 'timeseries.csv'), '');
    expect(oneLineError(() => createStore(busy, gridPlan(1), {}, { resume: true }))).toBe(
      `${busy}: the folder holds other files (timeseries.csv) and no sweep; choose an empty or new --out`,
    );
  });

  it('refuses a factor whose name is also a results column', () => {
    const plan = gridPlan(1, { factors: [{ name: 'Seed', type: 'number' }] });
    for (const run of plan.runs) run.factors = { Seed: 1 };
    expect(oneLineError(() => createStore(dirs.make(), plan, {}, { resume: false }))).toBe(
      'factor Seed: its name is also the results column seed (names ignore case); rename the factor',
    );
  });

  it("ignores a killed writer's temp files and deletes them on resume", () => {
    const dir = dirs.make();
    const plan = gridPlan(2);
    const store = createStore(dir, plan, {}, { resume: false });
    store.writeShard(shardFor(plan.runs[0]));
    const halfWritten = `${plan.runs[1].runKey}.json.tmp-${DEAD_PID}-3`;
    writeFileSync(join(dir, 'shards', halfWritten), '{"format":"clustersim-sh');
    writeFileSync(join(dir, `results.csv.tmp-${DEAD_PID}`), 'runKey,se');
    writeFileSync(join(dir, 'shards', 'notes.txt'), 'not a shard');
    expect(store.completedKeys()).toEqual(new Set([plan.runs[0].runKey]));
    expect(openStoreForReading(dir).completedKeys()).toEqual(new Set([plan.runs[0].runKey]));

    const resumed = createStore(dir, plan, {}, { resume: true });
    expect(resumed.completedKeys()).toEqual(new Set([plan.runs[0].runKey]));
    expect(readdirSync(join(dir, 'shards')).sort()).toEqual([`${plan.runs[0].runKey}.json`, 'notes.txt'].sort());
    expect(existsSync(join(dir, `results.csv.tmp-${DEAD_PID}`))).toBe(false);
  });
});

describe('writing shards and failures', () => {
  it('writes a shard whole under its key, leaves no temp file, and rewriting it is harmless', () => {
    const dir = dirs.make();
    const plan = gridPlan(1);
    const store = createStore(dir, plan, {}, { resume: false });
    const shard = shardFor(plan.runs[0]);
    store.writeShard(shard);
    store.writeShard(shard);
    expect(readdirSync(join(dir, 'shards'))).toEqual([`${shard.runKey}.json`]);
    expect(store.readShard(shard.runKey)).toEqual(shard);
    expect(store.completedKeys()).toEqual(new Set([shard.runKey]));
  });

  it('a failure is recorded, then removed when the run later succeeds', () => {
    const dir = dirs.make();
    const plan = gridPlan(1);
    const store = createStore(dir, plan, {}, { resume: false });
    store.writeFailure(failureFor(plan.runs[0]));
    const reader = openStoreForReading(dir);
    expect(reader.failures().map((failure) => failure.runKey)).toEqual([plan.runs[0].runKey]);
    store.writeShard(shardFor(plan.runs[0]));
    expect(readdirSync(join(dir, 'failures'))).toEqual([]);
    expect(reader.failures()).toEqual([]);
  });

  it('a shard that is not what its name says is a one-line error naming the file', () => {
    const dir = dirs.make();
    const plan = gridPlan(1);
    const store = createStore(dir, plan, {}, { resume: false });
    const path = join(dir, 'shards', `${plan.runs[0].runKey}.json`);
    writeFileSync(path, JSON.stringify({ ...shardFor(plan.runs[1]) }));
    expect(oneLineError(() => store.readShard(plan.runs[0].runKey))).toBe(
      `${path}: runKey: expected ${plan.runs[0].runKey} (the file's name), got "${plan.runs[1].runKey}"`,
    );
    writeFileSync(path, '{"format":');
    expect(oneLineError(() => store.readShard(plan.runs[0].runKey))).toMatch(/^.*\.json: unreadable \(/);
  });
});

describe('openStoreForReading', () => {
  it('a missing folder and a folder without a sweep are one-line errors', () => {
    const missing = dirs.make();
    expect(oneLineError(() => openStoreForReading(missing))).toBe(`${missing}: no such folder`);
    const plain = dirs.make();
    mkdirSync(plain);
    expect(oneLineError(() => openStoreForReading(plain))).toBe(
      `${plain}: not a sweep's results folder (no manifest.json); clustersim sweep writes one`,
    );
  });
});
