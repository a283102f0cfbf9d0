/**
 * `clustersim sweep --shard I/N`, as an array job runs it: three slices as separate
 * processes into one folder at once, one of them killed with SIGKILL mid-way and
 * submitted again, then one merge. The merged results equal a local sweep's byte for
 * byte, with every run key exactly once.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, runCli } from '../helpers/cli.js';

let work: string;
let sweepFile: string;
const RUNS = 18; // 3 quit rates x 6 replications
const SLICES = 3;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'clustersim-shard-'));
  sweepFile = join(work, 'quit-rates.yaml');
  writeFileSync(
    sweepFile,
    [
      'name: quit-rates',
      `scenario: ${join(REPO_ROOT, 'scenarios', 'punjab-farm-equipment.yaml')}`,
      'years: 8',
      'replications: 6',
      'seed: 5',
      'factors:',
      '  - name: quitRate',
      '    parameter: labour.quitProbabilityPerMonth',
      '    values: [0.01, 0.02, 0.04]',
      'keep:',
      '  metrics: [firms, meanCapability]',
      '  towns: all',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const shardFiles = (dir: string) =>
  existsSync(join(work, dir, 'shards'))
    ? readdirSync(join(work, dir, 'shards')).filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
    : [];

function slice(index: number) {
  const child = spawn(
    process.execPath,
    [CLI, 'sweep', sweepFile, '--quiet', '--workers', '1', '--out', 'sharded', '--shard', `${index}/${SLICES}`],
    { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child, exited };
}

describe('clustersim sweep --shard', () => {
  it('slices run as separate processes (one killed and re-run) merge to the local sweep, each key once', async () => {
    const local = runCli(['sweep', sweepFile, '--quiet', '--workers', '2', '--out', 'local'], { cwd: work });
    expect(local.status).toBe(0);

    const slices = [0, 1, 2].map(slice);
    // Kill slice 1 once it has written a run: it dies mid-way, holding runs it never finished.
    for (let waited = 0; shardFiles('sharded').length < 2 && waited < 60_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    slices[1].child.kill('SIGKILL');
    const results = await Promise.all(slices.map((s) => s.exited));
    expect(results[1].signal).toBe('SIGKILL');
    expect(results[0].code).toBe(0);
    expect(results[2].code).toBe(0);
    expect(results[0].stdout).toContain(`slice 0/${SLICES}: ${RUNS / SLICES} runs`);
    expect(shardFiles('sharded').length).toBeLessThan(RUNS);

    // Re-submitting the killed slice runs only what it had left.
    const again = runCli(['sweep', sweepFile, '--quiet', '--out', 'sharded', '--shard', `1/${SLICES}`], { cwd: work });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(`slice 1/${SLICES}: ${RUNS / SLICES} runs \\(\\d+ already done, \\d+ run now\\)`),
    );
    expect(shardFiles('sharded')).toHaveLength(RUNS);
    // A slice re-submitted when all is done runs nothing.
    const idle = runCli(['sweep', sweepFile, '--quiet', '--out', 'sharded', '--shard', `0/${SLICES}`], { cwd: work });
    expect(idle.stdout).toContain(`${RUNS / SLICES} runs (${RUNS / SLICES} already done, 0 run now)`);

    const merged = runCli(['results', 'sharded', '--merge'], { cwd: work });
    expect(merged.status).toBe(0);
    expect(readFileSync(join(work, 'sharded', 'results.csv'), 'utf8')).toBe(
      readFileSync(join(work, 'local', 'results.csv'), 'utf8'),
    );
    const keys = runCli(
      [
        'results',
        'sharded',
        '--format',
        'csv',
        '--sql',
        "SELECT count(*) AS runs, count(DISTINCT runKey) AS keys FROM runs WHERE status = 'done'",
      ],
      { cwd: work },
    );
    expect(keys.stdout.trim().split('\n')).toEqual(['runs,keys', `${RUNS},${RUNS}`]);
  });

  it('refuses a malformed --shard in one line', () => {
    for (const bad of ['3/3', '1', 'a/b', '-1/2', '0/0']) {
      const run = runCli(['sweep', sweepFile, '--shard', bad], { cwd: work });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^clustersim: error: --shard: expected I\/N with 0 <= I < N/);
    }
  });
});
