/**
 * `clustersim sweep` end to end, as a user runs it: the merged results do not depend
 * on the number of workers, and a sweep killed with SIGKILL mid-way and finished with
 * --resume merges to exactly the results of an uninterrupted sweep - no run missing,
 * none twice.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, runCli } from '../helpers/cli.js';

let work: string;
let sweepFile: string;
const RUNS = 24; // 3 quit rates x 8 replications
const TOWNS_PLUS_ALL = 9; // Punjab's 8 towns and the all-towns row
const SAMPLED_YEARS = 8;
const METRICS = 3;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'clustersim-sweep-'));
  sweepFile = join(work, 'quit-rates.yaml');
  writeFileSync(
    sweepFile,
    [
      'name: quit-rates',
      `scenario: ${join(REPO_ROOT, 'scenarios', 'punjab-farm-equipment.yaml')}`,
      'years: 8',
      'replications: 8',
      'seed: 11',
      'factors:',
      '  - name: quitRate',
      '    parameter: labour.quitProbabilityPerMonth',
      '    values: [0.01, 0.02, 0.04]',
      'keep:',
      '  metrics: [firms, meanCapability, workers]',
      '  towns: all',
      '  samples: december',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const sweep = (...args: string[]) => runCli(['sweep', sweepFile, '--quiet', ...args], { cwd: work });
const csv = (dir: string) => readFileSync(join(work, dir, 'results.csv'), 'utf8');
const shardCount = (dir: string) =>
  existsSync(join(work, dir, 'shards'))
    ? readdirSync(join(work, dir, 'shards')).filter((name) => /^[0-9a-f]{64}\.json$/.test(name)).length
    : 0;

describe('clustersim sweep', () => {
  it('gives byte-identical merged results on 1 and 2 workers', () => {
    const serial = sweep('--workers', '1', '--out', 'serial');
    expect(serial.stderr).toBe('');
    expect(serial.status).toBe(0);
    const parallel = sweep('--workers', '2', '--out', 'parallel');
    expect(parallel.status).toBe(0);
    expect(csv('parallel')).toBe(csv('serial'));
    // Tidy: a header and one row per run x sampled December x town row x metric.
    const lines = csv('serial').trimEnd().split('\n');
    expect(lines[0]).toBe('runKey,seed,quitRate,replicate,tick,town,metric,value');
    expect(lines.length - 1).toBe(RUNS * SAMPLED_YEARS * TOWNS_PLUS_ALL * METRICS);
    expect(
      readFileSync(join(work, 'parallel', 'results.parquet'))
        .subarray(0, 4)
        .toString(),
    ).toBe('PAR1');
  });

  it('stops quietly when the reader of its output goes away (| head)', () => {
    const piped = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${CLI}" results serial --format csv --sql "SELECT * FROM results" | head -n 1`],
      { cwd: work, encoding: 'utf8' },
    );
    expect(piped.stdout).toBe('runKey,seed,quitRate,replicate,tick,town,metric,value\n');
    expect(piped.stderr).toBe('');
  });

  it('refuses to write into a folder holding results without --resume, and changes nothing there', () => {
    const before = csv('serial');
    const again = sweep('--workers', '1', '--out', 'serial');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^clustersim: error: .*serial.*--resume.*\n$/);
    expect(csv('serial')).toBe(before);
  });

  it('killed with SIGKILL mid-way and resumed, merges to the uninterrupted results, each run once', async () => {
    const child = spawn(process.execPath, [CLI, 'sweep', sweepFile, '--quiet', '--workers', '2', '--out', 'killed'], {
      cwd: work,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Kill once a few runs are on disk: the sweep is then genuinely mid-way.
    for (let waited = 0; shardCount('killed') < 4 && waited < 60_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const doneBeforeKill = shardCount('killed');
    expect(doneBeforeKill).toBeGreaterThanOrEqual(4);
    expect(doneBeforeKill).toBeLessThan(RUNS);
    expect(existsSync(join(work, 'killed', 'results.csv'))).toBe(false);

    const resumed = runCli(['sweep', sweepFile, '--workers', '2', '--out', 'killed', '--resume'], { cwd: work });
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toContain(`${RUNS} runs (${doneBeforeKill} already done, ${RUNS - doneBeforeKill} run now)`);
    expect(shardCount('killed')).toBe(RUNS);
    expect(csv('killed')).toBe(csv('serial'));

    const counts = runCli(
      [
        'results',
        'killed',
        '--format',
        'csv',
        '--sql',
        'SELECT count(*) AS runs, count(DISTINCT runKey) AS keys FROM runs',
      ],
      { cwd: work },
    );
    expect(counts.status).toBe(0);
    expect(counts.stdout.trim().split('\n')).toEqual(['runs,keys', `${RUNS},${RUNS}`]);
    const perRun = runCli(
      ['results', 'killed', '--format', 'csv', '--sql', 'SELECT count(*) AS n FROM results GROUP BY runKey ORDER BY n'],
      { cwd: work },
    );
    const rowsPerRun = new Set(perRun.stdout.trim().split('\n').slice(1));
    expect([...rowsPerRun]).toEqual([String(SAMPLED_YEARS * TOWNS_PLUS_ALL * METRICS)]);
  });
});
