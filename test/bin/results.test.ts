/**
 * `clustersim results`: the status summary, --sql in each format, a bad query as one
 * line, a stale database merged again before answering, --merge, and bad arguments.
 * Runs the command in-process on hand-built folders (no simulation).
 */
import { mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resultsCommand } from '../../bin/commands/results.js';
import type { CliIo } from '../../bin/io.js';
import { createStore, mergeResults } from '../../analysis/experiments/store/index.js';
import { UserInputError } from '../../scenarios/errors.js';
import { failureFor, gridPlan, shardFor, tempDirs } from '../analysis/experiments/store/fixtures.js';

const dirs = tempDirs('results-cli');
afterAll(dirs.cleanup);

interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

/** As bin/cli.ts main does: a UserInputError becomes one stderr line and exit 2. */
async function results(...args: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTty: false,
    cwd: process.cwd(),
  };
  try {
    const status = await resultsCommand(args, io);
    return { status, stdout, stderr };
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    return { status: 2, stdout, stderr: `${stderr}clustersim: error: ${error.message}\n` };
  }
}

function expectOneError(outcome: Outcome, ...parts: string[]): void {
  expect(outcome.status).toBe(2);
  expect(outcome.stderr).toMatch(/^clustersim: error: [^\n]+\n$/);
  for (const part of parts) expect(outcome.stderr).toContain(part);
}

/** 3 points × 2 replicates; runs 0-3 done, run 4 failed, run 5 missing. */
function partialSweep(): { dir: string; plan: ReturnType<typeof gridPlan> } {
  const dir = dirs.make();
  const plan = gridPlan(3);
  const store = createStore(dir, plan, {}, { resume: false });
  for (const run of plan.runs.slice(0, 4)) store.writeShard(shardFor(run));
  store.writeFailure(failureFor(plan.runs[4]));
  return { dir, plan };
}

describe('clustersim results <dir>: the status summary', () => {
  it('counts done, failed (with the first line of each error) and missing, and the state of the merged files', async () => {
    const { dir, plan } = partialSweep();
    const outcome = await results(dir);
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toBe(
      [
        `test-sweep (${dir}): 6 runs planned; seeds per-run-sha256-v1, master seed 7; code sim-0123456789abcdef`,
        '  done     4',
        '  failed   1',
        `    ${plan.runs[4].runKey.slice(0, 12)}  Error: the run blew up`,
        '  missing  1',
        `Run the sweep again with --out ${dir} --resume to run the 2 not done.`,
        'Merged files:',
        `  results.csv      not yet written (clustersim results ${dir} --merge)`,
        `  results.parquet  not yet written (clustersim results ${dir} --merge)`,
        `  results.duckdb   not yet written (clustersim results ${dir} --merge)`,
        '',
      ].join('\n'),
    );
    await mergeResults(dir);
    expect((await results(dir)).stdout).toContain('  results.duckdb   up to date\n');
  });
});

describe('clustersim results <dir> --sql', () => {
  const { dir } = partialSweep();
  const sql = `select seed, "labour.quitRate" as quit, policy, credit, avg(value) as mean, max(value) is null as none
    from results where metric = 'firms' and town = 'all' group by all order by seed`;

  it('merges first when there is no database, then prints an aligned table', async () => {
    const outcome = await results(dir, '--sql', sql);
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe(
      'clustersim: merged 6 runs (4 done, 1 failed, 1 missing) into 32 rows before the query\n',
    );
    expect(outcome.stdout).toBe(
      [
        'seed  quit  policy    credit    mean  none',
        '----  ----  --------  ------  ------  -----',
        '1000  0.01  none      false   1006.1  false',
        '1001  0.01  none      false   1007.1  false',
        '1010  0.02  credit@A  true    1016.1  false',
        '1011  0.02  credit@A  true    1017.1  false',
        '(4 rows)',
        '',
      ].join('\n'),
    );
  });

  it('prints CSV and JSON lines', async () => {
    const csv = await results(dir, '--sql', `${sql} limit 2`, '--format', 'csv');
    expect(csv.stdout).toBe(
      'seed,quit,policy,credit,mean,none\n1000,0.01,none,false,1006.1,false\n1001,0.01,none,false,1007.1,false\n',
    );
    expect(csv.stderr).toBe('');
    const json = await results(dir, '--sql', `${sql} limit 1`, '--format', 'json');
    expect(json.stdout).toBe('{"seed":1000,"quit":0.01,"policy":"none","credit":false,"mean":1006.1,"none":false}\n');
  });

  it('answers from the runs table too, NULL shown as NULL in a table and empty in CSV, line breaks as \\n', async () => {
    const table = await results(
      dir,
      '--sql',
      'select status, count(*) as n, min(error) as e from runs group by status order by status',
    );
    expect(table.stdout).toBe(
      [
        'status   n  e',
        `-------  -  ${'-'.repeat(51)}`,
        'done     4  NULL',
        'failed   1  Error: the run blew up\\n    at somewhere (x.js:1:1)',
        'missing  1  NULL',
        '(3 rows)',
        '',
      ].join('\n'),
    );
    const csv = await results(dir, '--sql', "select error from runs where status = 'missing'", '--format', 'csv');
    expect(csv.stdout).toBe('error\n\n');
  });

  it('a bad query is one line quoting DuckDB', async () => {
    expectOneError(await results(dir, '--sql', 'selec 1'), '--sql: Parser Error: syntax error at or near "selec"');
    expectOneError(
      await results(dir, '--sql', 'select * from nowhere'),
      '--sql: Catalog Error: Table with name nowhere does not exist!',
    );
    expectOneError(await results(dir, '--sql', 'delete from results'), '--sql: ', 'read-only');
    expectOneError(await results(dir, '--sql', '  '), '--sql: expected a query, got nothing');
  });

  it('merges again when a run finished after the last merge', async () => {
    const fresh = dirs.make();
    const plan = gridPlan(1);
    const store = createStore(fresh, plan, {}, { resume: false });
    store.writeShard(shardFor(plan.runs[0]));
    await mergeResults(fresh);
    const count = 'select count(distinct runKey) as runs from results';
    expect((await results(fresh, '--sql', count, '--format', 'csv')).stdout).toBe('runs\n1\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(fresh, 'results.duckdb'), past, past);
    store.writeShard(shardFor(plan.runs[1]));
    const after = await results(fresh, '--sql', count, '--format', 'csv');
    expect(after.stderr).toBe('clustersim: merged 2 runs (2 done) into 16 rows before the query\n');
    expect(after.stdout).toBe('runs\n2\n');
  });
});

describe('clustersim results <dir> --merge and bad arguments', () => {
  it('--merge writes the three files and says so', async () => {
    const { dir } = partialSweep();
    const outcome = await results(dir, '--merge');
    expect(outcome.stdout).toBe(
      `merged 6 runs (4 done, 1 failed, 1 missing) into 32 rows:\n` +
        ['results.csv', 'results.parquet', 'results.duckdb'].map((name) => `  ${join(dir, name)}\n`).join(''),
    );
  });

  it('a missing folder, a folder without a sweep, flags and formats are one-line errors', async () => {
    const missing = dirs.make();
    expectOneError(await results(missing), `${missing}: no such folder`);
    const plain = dirs.make();
    mkdirSync(plain);
    expectOneError(
      await results(plain, '--sql', 'select 1'),
      `${plain}: not a sweep's results folder (no manifest.json)`,
    );
    const { dir } = partialSweep();
    expectOneError(await results(dir, '--sq', 'select 1'), '--sq', '--sql');
    expectOneError(
      await results(dir, '--sql', 'select 1', '--format', 'xml'),
      '--format: expected one of table, csv, json, got "xml"',
    );
    expectOneError(await results(dir, '--format', 'csv'), '--format: applies to the answer of --sql');
    expectOneError(await results(), 'results: expected one results folder, got none');
  });
});
