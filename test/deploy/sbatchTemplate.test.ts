/**
 * The shell logic of deploy/slurm/clustersim-sweep.sbatch without Slurm: the Slurm
 * variables set by hand and `echo` standing in for node, so the command line the
 * template would run is printed. (test/deploy/slurm.test.ts submits it to a real Slurm.)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const TEMPLATE = join(REPO_ROOT, 'deploy', 'slurm', 'clustersim-sweep.sbatch');

function runTemplate(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(SLURM_|SHARDS$|SWEEP_FILE$|OUT_DIR$)/.test(name)),
  );
  const run = spawnSync('bash', [TEMPLATE, ...args], {
    encoding: 'utf8',
    env: { ...clean, CLUSTERSIM_HOME: REPO_ROOT, CLUSTERSIM_NODE: 'echo', ...env },
  });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

const wholeArray = { SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '3', SLURM_ARRAY_TASK_COUNT: '4' };
const cli = join(REPO_ROOT, 'dist', 'bin', 'clustersim.js');

describe('clustersim-sweep.sbatch', () => {
  it('runs slice TASK_ID/N of a whole 0..N-1 array with one worker per CPU of the task', () => {
    const run = runTemplate(['my-sweep.yaml', 'out/my-sweep'], {
      ...wholeArray,
      SLURM_ARRAY_TASK_ID: '2',
      SLURM_CPUS_PER_TASK: '4',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${cli} sweep my-sweep.yaml --out out/my-sweep --shard 2/4 --quiet --workers 4`);
  });

  it('takes the sweep file, folder and slice count from the environment too', () => {
    const run = runTemplate([], {
      SLURM_ARRAY_TASK_ID: '3',
      SLURM_ARRAY_TASK_MIN: '3',
      SLURM_ARRAY_TASK_MAX: '3',
      SLURM_ARRAY_TASK_COUNT: '1',
      SWEEP_FILE: 's.yaml',
      OUT_DIR: 'o',
      SHARDS: '8',
    });
    expect(run.stdout).toBe(`${cli} sweep s.yaml --out o --shard 3/8 --quiet --workers 1`);
  });

  it('refuses a re-submitted part of an array without the slice count, in one line', () => {
    // sbatch --array=3 gives SLURM_ARRAY_TASK_COUNT=1: slice 3/1 would be wrong.
    const run = runTemplate(['s.yaml', 'o'], {
      SLURM_ARRAY_TASK_ID: '3',
      SLURM_ARRAY_TASK_MIN: '3',
      SLURM_ARRAY_TASK_MAX: '3',
      SLURM_ARRAY_TASK_COUNT: '1',
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'clustersim-sweep.sbatch: error: array 3-3 is not 0..N-1: give the slice count N as the third argument or SHARDS=N',
    );
  });

  it('refuses to run outside an array job, without a sweep file, or without a built checkout', () => {
    expect(runTemplate(['s.yaml', 'o'], {}).stderr).toMatch(/error: not an array task: submit with sbatch --array/);
    expect(runTemplate([], { ...wholeArray, SLURM_ARRAY_TASK_ID: '0' }).stderr).toMatch(
      /error: expected SWEEP_FILE and OUT_DIR/,
    );
    const unbuilt = runTemplate(['s.yaml', 'o'], {
      ...wholeArray,
      SLURM_ARRAY_TASK_ID: '0',
      CLUSTERSIM_HOME: '/nonexistent',
    });
    expect(unbuilt.status).toBe(2);
    expect(unbuilt.stderr).toMatch(/\/nonexistent\/dist\/bin\/clustersim.js is missing: set CLUSTERSIM_HOME/);
  });
});
