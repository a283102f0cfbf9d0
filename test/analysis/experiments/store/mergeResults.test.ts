/**
 * Merging a results folder: the tidy CSV row by row, NULLs, DuckDB column types,
 * Parquet equal to the database table, the `runs` table's statuses, partial merges,
 * and results.csv bytes independent of the order and the sessions that wrote the shards.
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore, mergeResults, resultFileStates } from '../../../../analysis/experiments/store/index.js';
import { failureFor, gridPlan, makePlan, shardFor, tempDirs } from './fixtures.js';

const dirs = tempDirs('merge');
/** A pid no process has (above Linux's pid_max). */
const DEAD_PID = 2_147_483_646;
afterAll(dirs.cleanup);

async function query(databasePath: string, sql: string): Promise<{ columns: string[]; rows: DuckDBValue[][] }> {
  const instance = await DuckDBInstance.create(databasePath, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return { columns: reader.columnNames(), rows: reader.getRows() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const TWO_RUNS = makePlan([
  {
    label: 'a',
    seed: 11,
    replicate: 0,
    point: 0,
    factors: { 'labour.quitRate': 0.02, policy: 'credit@A,B', credit: true },
  },
  { label: 'b', seed: 12, replicate: 1, point: 1, factors: { 'labour.quitRate': 0.1 / 3, policy: '', credit: false } },
]);
const [A, B] = TWO_RUNS.runs;

describe('mergeResults on a hand-built two-run sweep', () => {
  const dir = dirs.make();
  const merged = (async () => {
    const store = createStore(dir, TWO_RUNS, {}, { resume: false });
    store.writeShard(shardFor(A, [1, NaN as unknown as null, 2.5, 1 / 3, 0, -4, 1e-12, null]));
    store.writeShard(shardFor(B));
    return mergeResults(dir);
  })();

  it('writes the tidy CSV row by row: plan order, then tick, town, metric; NaN and null empty', async () => {
    const summary = await merged;
    expect(summary).toEqual({
      runs: 2,
      done: 2,
      failed: 0,
      missing: 0,
      rows: 16,
      files: [join(dir, 'results.csv'), join(dir, 'results.parquet'), join(dir, 'results.duckdb')],
    });
    const a = `${A.runKey},11,0.02,"credit@A,B",true,0`;
    const b = `${B.runKey},12,0.03333333333,"",false,1`;
    expect(readFileSync(join(dir, 'results.csv'), 'utf8')).toBe(
      [
        'runKey,seed,labour.quitRate,policy,credit,replicate,tick,town,metric,value',
        `${a},0,Alpha,firms,1`,
        `${a},0,Alpha,meanCapability,`,
        `${a},0,all,firms,2.5`,
        `${a},0,all,meanCapability,0.3333333333`,
        `${a},12,Alpha,firms,0`,
        `${a},12,Alpha,meanCapability,-4`,
        `${a},12,all,firms,1e-12`,
        `${a},12,all,meanCapability,`,
        `${b},0,Alpha,firms,12`,
        `${b},0,Alpha,meanCapability,12.01`,
        `${b},0,all,firms,12.1`,
        `${b},0,all,meanCapability,12.11`,
        `${b},12,Alpha,firms,24`,
        `${b},12,Alpha,meanCapability,24.01`,
        `${b},12,all,firms,24.1`,
        `${b},12,all,meanCapability,24.11`,
        '',
      ].join('\n'),
    );
  });

  it('types the columns in DuckDB: factors by their kind, NULL where the value was NaN, "" stays a string', async () => {
    await merged;
    const database = join(dir, 'results.duckdb');
    const describe = await query(database, 'select column_name, column_type from (describe results)');
    expect(describe.rows).toEqual([
      ['runKey', 'VARCHAR'],
      ['seed', 'BIGINT'],
      ['labour.quitRate', 'DOUBLE'],
      ['policy', 'VARCHAR'],
      ['credit', 'BOOLEAN'],
      ['replicate', 'INTEGER'],
      ['tick', 'INTEGER'],
      ['town', 'VARCHAR'],
      ['metric', 'VARCHAR'],
      ['value', 'DOUBLE'],
    ]);
    const nulls = await query(database, 'select count(*) from results where value is null');
    expect(nulls.rows).toEqual([[2n]]);
    const emptyPolicy = await query(database, `select distinct policy from results where seed = 12`);
    expect(emptyPolicy.rows).toEqual([['']]);
    const sample = await query(
      database,
      `select "labour.quitRate", value from results where tick = 0 and town = 'all' and metric = 'meanCapability' order by seed`,
    );
    expect(sample.rows).toEqual([
      [0.02, 0.3333333333],
      [0.03333333333, 12.11],
    ]);
  });

  it('writes Parquet with the same rows in the same order as the database table', async () => {
    await merged;
    const database = join(dir, 'results.duckdb');
    const fromTable = await query(database, 'select * from results');
    const fromParquet = await query(database, `select * from read_parquet('${join(dir, 'results.parquet')}')`);
    expect(fromParquet.columns).toEqual(fromTable.columns);
    expect(fromParquet.rows).toEqual(fromTable.rows);
    expect(fromTable.rows).toHaveLength(16);
  });

  it('lists every run in the runs table with its status', async () => {
    await merged;
    const runs = await query(join(dir, 'results.duckdb'), 'select * from runs');
    expect(runs.columns).toEqual([
      'runKey',
      'seed',
      'replicate',
      'point',
      'labour.quitRate',
      'policy',
      'credit',
      'status',
      'error',
    ]);
    expect(runs.rows).toEqual([
      [A.runKey, 11n, 0, 0, 0.02, 'credit@A,B', true, 'done', null],
      [B.runKey, 12n, 1, 1, 0.1 / 3, '', false, 'done', null],
    ]);
  });

  it('merging again gives the same bytes and leaves the files up to date', async () => {
    await merged;
    const before = readFileSync(join(dir, 'results.csv'));
    await mergeResults(dir);
    expect(readFileSync(join(dir, 'results.csv')).equals(before)).toBe(true);
    expect(resultFileStates(dir).map((file) => [file.name, file.exists, file.stale])).toEqual([
      ['results.csv', true, false],
      ['results.parquet', true, false],
      ['results.duckdb', true, false],
    ]);
  });
});

describe('a partial sweep', () => {
  it('merges what it has and reports failed and missing runs, also in the runs table', async () => {
    const dir = dirs.make();
    const plan = gridPlan(2);
    const store = createStore(dir, plan, {}, { resume: false });
    store.writeShard(shardFor(plan.runs[2]));
    store.writeFailure(failureFor(plan.runs[0]));
    const summary = await mergeResults(dir);
    expect(summary).toMatchObject({ runs: 4, done: 1, failed: 1, missing: 2, rows: 8 });
    const lines = readFileSync(join(dir, 'results.csv'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines.slice(1).every((line) => line.startsWith(`${plan.runs[2].runKey},`))).toBe(true);
    const runs = await query(join(dir, 'results.duckdb'), 'select runKey, status, error from runs');
    expect(runs.rows).toEqual([
      [plan.runs[0].runKey, 'failed', failureFor(plan.runs[0]).error],
      [plan.runs[1].runKey, 'missing', null],
      [plan.runs[2].runKey, 'done', null],
      [plan.runs[3].runKey, 'missing', null],
    ]);
  });

  it('an empty sweep merges to a header and typed, empty tables', async () => {
    const dir = dirs.make();
    createStore(dir, gridPlan(1), {}, { resume: false });
    expect(await mergeResults(dir)).toMatchObject({ done: 0, missing: 2, rows: 0 });
    expect(readFileSync(join(dir, 'results.csv'), 'utf8')).toBe(
      'runKey,seed,labour.quitRate,policy,credit,replicate,tick,town,metric,value\n',
    );
    expect((await query(join(dir, 'results.duckdb'), 'select count(*) from results')).rows).toEqual([[0n]]);
  });

  it('marks merged files stale once a run finishes after the merge', async () => {
    const dir = dirs.make();
    const plan = gridPlan(1);
    const store = createStore(dir, plan, {}, { resume: false });
    await mergeResults(dir);
    // Put the merge in the past rather than wait for the clock to tick.
    const past = new Date(Date.now() - 60_000);
    for (const name of ['results.csv', 'results.parquet', 'results.duckdb']) utimesSync(join(dir, name), past, past);
    store.writeShard(shardFor(plan.runs[0]));
    expect(resultFileStates(dir).every((file) => file.exists && file.stale)).toBe(true);
  });
});

describe('results.csv does not depend on how the shards were written', () => {
  const plan = gridPlan(3);
  const reference = (async () => {
    const dir = dirs.make();
    const store = createStore(dir, plan, {}, { resume: false });
    for (const run of plan.runs) store.writeShard(shardFor(run));
    await mergeResults(dir);
    return readFileSync(join(dir, 'results.csv'));
  })();

  it('any write order, split over any number of resumed sessions, gives identical bytes', async () => {
    const expected = await reference;
    // Run keys are hashes, so sorting them is not plan order: a merge that followed file names would fail here.
    const keys = plan.runs.map((run) => run.runKey);
    expect([...keys].sort()).not.toEqual(keys);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(
          plan.runs.map((_, index) => index),
          { minLength: plan.runs.length, maxLength: plan.runs.length },
        ),
        fc.array(fc.integer({ min: 1, max: plan.runs.length - 1 }), { maxLength: 3 }),
        async (order, breaks) => {
          const dir = dirs.make();
          let store = createStore(dir, plan, {}, { resume: false });
          for (const [position, index] of order.entries()) {
            if (breaks.includes(position)) {
              // A kill while this shard was being written: its temp file stays; a resumed store carries on.
              const shardTemp = `${plan.runs[index].runKey}.json.tmp-${DEAD_PID}-0`;
              writeFileSync(join(dir, 'shards', shardTemp), '{"format":"clus');
              store = createStore(dir, plan, {}, { resume: true });
            }
            store.writeShard(shardFor(plan.runs[index]));
          }
          await mergeResults(dir);
          expect(readFileSync(join(dir, 'results.csv')).equals(expected)).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });
});
