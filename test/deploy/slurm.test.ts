/**
 * deploy/slurm/clustersim-sweep.sbatch on a real (one-node, local) Slurm: submitted as a
 * 3-task array job, task 1 cancelled with scancel once it has written a run, re-submitted
 * alone (`--array=1`), then deploy/slurm/clustersim-merge.sbatch as a dependent job. The
 * merged results equal a local sweep's byte for byte, with every run key exactly once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { slurm, startLocalSlurm, type LocalSlurm } from './localSlurm.js';

const SWEEP_TEMPLATE = join(REPO_ROOT, 'deploy', 'slurm', 'clustersim-sweep.sbatch');
const MERGE_TEMPLATE = join(REPO_ROOT, 'deploy', 'slurm', 'clustersim-merge.sbatch');
const RUNS = 12; // 3 quit rates x 4 replications
const TASKS = 3;
const QUEUE_TIMEOUT_MS = 90_000;

let work: string;
let cluster: LocalSlurm | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'clustersim-slurm-test-'));
  writeFileSync(
    join(work, 'quit-rates.yaml'),
    [
      'name: quit-rates',
      `scenario: ${join(REPO_ROOT, 'scenarios', 'punjab-farm-equipment.yaml')}`,
      'years: 6',
      'replications: 4',
      'seed: 11',
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
  cluster = await startLocalSlurm();
}, 300_000); // a first apt-get install of slurm-wlm takes a while

afterAll(() => {
  cluster?.stop();
  rmSync(work, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * sbatch from the work folder (the jobs' working folder, so the template's relative
 * SWEEP_FILE and OUT_DIR resolve there), finding node and the checkout through
 * --export; the job id.
 */
function submit(template: string, options: string[], args: string[]): string {
  const exported = `--export=ALL,CLUSTERSIM_HOME=${REPO_ROOT},CLUSTERSIM_NODE=${process.execPath}`;
  const out = slurm(cluster!, 'sbatch', ['--parsable', exported, ...options, template, ...args], work);
  return out.trim().split(';')[0];
}

function inQueue(jobIds: string[]): string {
  const squeue = spawnSync('squeue', ['-h', '-j', jobIds.join(',')], { env: cluster!.env, encoding: 'utf8' });
  if (squeue.status !== 0 && !/Invalid job id/.test(squeue.stderr)) throw new Error(`squeue: ${squeue.stderr}`);
  return squeue.status === 0 ? squeue.stdout.trim() : '';
}

function jobOutputs(): string {
  return readdirSync(work)
    .filter((name) => name.endsWith('.out'))
    .map((name) => `--- ${name}\n${readFileSync(join(work, name), 'utf8')}`)
    .join('\n');
}

async function waitUntilGone(jobIds: string[]): Promise<void> {
  for (let waitedMs = 0; inQueue(jobIds) !== ''; waitedMs += 250) {
    if (waitedMs > QUEUE_TIMEOUT_MS)
      throw new Error(`jobs ${jobIds.join(', ')} still queued after ${QUEUE_TIMEOUT_MS / 1000} s:\n${jobOutputs()}`);
    await sleep(250);
  }
}

/** JobState of each task of a job (scontrol keeps ended jobs for MinJobAge, 300 s). */
function jobStates(jobId: string): string[] {
  return slurm(cluster!, 'scontrol', ['-o', 'show', 'job', jobId])
    .trim()
    .split('\n')
    .map((line) => /JobState=(\S+)/.exec(line)?.[1] ?? line);
}

const shardsIn = (dir: string) =>
  existsSync(join(work, dir, 'shards'))
    ? readdirSync(join(work, dir, 'shards')).filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
    : [];

/** The run keys of slice `index` of `count`: runs.jsonl lists the plan's runs in order. */
function sliceKeys(dir: string, index: number, count: number): string[] {
  const file = join(work, dir, 'runs.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { runKey: string }).runKey)
    .filter((_, position) => position % count === index);
}

describe('deploy/slurm/clustersim-sweep.sbatch on a local Slurm', () => {
  it('an array job with one task cancelled and re-submitted merges to the local sweep, each key once', async () => {
    const local = runCli(['sweep', 'quit-rates.yaml', '--quiet', '--workers', '2', '--out', 'local'], { cwd: work });
    expect(local.status, local.stderr).toBe(0);

    // N comes from the array (0..2); each task has one CPU (--workers 1).
    const first = submit(
      SWEEP_TEMPLATE,
      [`--array=0-${TASKS - 1}`, '--output=sweep-%A_%a.out'],
      ['quit-rates.yaml', 'sharded'],
    );
    // Cancel task 1 once it has written one of its runs: it dies holding the rest.
    for (let waitedMs = 0; ; waitedMs += 50) {
      const keys = sliceKeys('sharded', 1, TASKS);
      const written = new Set(shardsIn('sharded'));
      if (keys.some((key) => written.has(`${key}.json`))) break;
      if (waitedMs > QUEUE_TIMEOUT_MS || inQueue([`${first}_1`]) === '')
        throw new Error(`task 1 wrote no run before it left the queue:\n${jobOutputs()}`);
      await sleep(50);
    }
    slurm(cluster!, 'scancel', [`${first}_1`]);
    await waitUntilGone([first]);
    expect(jobStates(first).sort()).toEqual(['CANCELLED', 'COMPLETED', 'COMPLETED']);
    expect(shardsIn('sharded').length).toBeLessThan(RUNS);

    // Re-submit task 1 alone (naming N, which --array=1 cannot tell), then the merge after both.
    const again = submit(
      SWEEP_TEMPLATE,
      ['--array=1', '--output=sweep-%A_%a.out'],
      ['quit-rates.yaml', 'sharded', String(TASKS)],
    );
    const merge = submit(
      MERGE_TEMPLATE,
      [`--dependency=afterany:${first}:${again}`, '--output=merge-%j.out'],
      ['sharded'],
    );
    await waitUntilGone([again, merge]);
    expect(jobStates(again), jobOutputs()).toEqual(['COMPLETED']);
    expect(jobStates(merge), jobOutputs()).toEqual(['COMPLETED']);

    const resumed = readFileSync(join(work, `sweep-${again}_1.out`), 'utf8');
    const counts = /slice 1\/3: 4 runs \((\d+) already done, (\d+) run now\)/.exec(resumed);
    expect(counts, resumed).not.toBeNull();
    expect(Number(counts![1])).toBeGreaterThanOrEqual(1);
    expect(Number(counts![2])).toBeGreaterThanOrEqual(1);
    expect(readFileSync(join(work, `merge-${merge}.out`), 'utf8')).toContain(`merged ${RUNS} runs (${RUNS} done)`);

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
  }, 240_000); // ~40 s alone; more beside the rest of the suite on a small machine
});
