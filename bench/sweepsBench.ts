/**
 * Sweep throughput: one small sweep (punjab-farm-equipment, 5 years, 3 quit rates x
 * 16 replications = 48 runs), run end to end by the CLI in child processes,
 * round-robin over the set-ups of each repetition:
 *   - local: `clustersim sweep FILE --workers N` for N = 1..max;
 *   - queue: `clustersim sweep FILE --queue URL` with N `clustersim worker --queue URL
 *     --workers 1` processes (started and ready before, SIGTERM after), on a private
 *     redis-server (AOF, fsync every second, no eviction); left out when redis-server
 *     is not installed.
 * A measurement is the wall time of the submitting `clustersim sweep` command
 * (planning, the runs, the merge); runs/s = runs / wall.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os, { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Redis } from 'ioredis';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';
import { codeVersion, describeMachine, machineId } from './machine.js';
import { summarise } from './stats.js';
import { writeResultFile } from './resultFiles.js';
import {
  type SweepMode,
  type SweepSample,
  type SweepSetup,
  type SweepSetupResult,
  type SweepsBenchResult,
  SWEEPS_RESULT_FORMAT,
  sweepSpeedUp,
} from './sweepsResults.js';

const CLI = join(REPO_ROOT, 'dist', 'bin', 'clustersim.js');

const QUIT_RATES = [0.01, 0.02, 0.04];
const REPLICATIONS = 16;
const YEARS = 5;
const RUNS_PER_SWEEP = QUIT_RATES.length * REPLICATIONS;

export interface SweepsOptions {
  /** Untimed rounds of every set-up first. */
  warmUpRounds: number;
  /** Timed repetitions of every set-up, round-robin. */
  repetitions: number;
  /** Called before every sweep (the suite waits there for other processes to go quiet). */
  beforeEach?: () => Promise<void>;
  /** Workers 1..maxWorkers in each mode. */
  maxWorkers: number;
}

function redisInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

function sweepFileText(): string {
  return [
    `description: bench:sweeps throughput sweep (${RUNS_PER_SWEEP} runs)`,
    `scenario: ${JSON.stringify(join(REPO_ROOT, 'scenarios', 'punjab-farm-equipment.yaml'))}`,
    `years: ${YEARS}`,
    `replications: ${REPLICATIONS}`,
    'seed: 1',
    'factors:',
    '  - name: quitRate',
    '    parameter: labour.quitProbabilityPerMonth',
    `    values: [${QUIT_RATES.join(', ')}]`,
    'keep:',
    '  metrics: [firms, meanCapability]',
    '  towns: total',
    '',
  ].join('\n');
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function answers(port: number): Promise<boolean> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const REDIS_FLAGS = [
  '--save',
  '',
  '--appendonly',
  'yes',
  '--appendfsync',
  'everysec',
  '--maxmemory-policy',
  'noeviction',
];

async function startRedis(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', ...REDIS_FLAGS, '--dir', dir], {
    stdio: 'ignore',
  });
  let spawnError: Error | null = null;
  server.on('error', (error) => (spawnError = error));
  for (let waited = 0; !(await answers(port)); waited += 50) {
    if (spawnError) throw new Error(`bench sweeps: cannot start redis-server (${(spawnError as Error).message})`);
    if (waited > 10_000 || server.exitCode !== null)
      throw new Error(`bench sweeps: redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(server) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** A `clustersim worker` of one thread, resolved once it says it is waiting for sweeps. */
async function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, 'worker', '--queue', url, '--workers', '1'], {
    cwd: REPO_ROOT,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('waiting for sweeps')) resolve();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      reject(new Error(`clustersim worker exited with code ${code} before it was ready:\n${log}`)),
    );
  });
  child.removeAllListeners('exit');
  return child;
}

async function timedSweep(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'sweep', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`bench:sweeps: clustersim sweep ${args.join(' ')} exited with code ${code}`);
  return wallSeconds;
}

function runsInResults(outDir: string): number {
  return readFileSync(join(outDir, 'runs.jsonl'), 'utf8').trimEnd().split('\n').length;
}

async function measure(setup: SweepSetup, sweepFile: string, outDir: string, redisUrl: string): Promise<number> {
  const common = [sweepFile, '--quiet', '--out', outDir];
  if (setup.mode === 'local') return timedSweep([...common, '--workers', String(setup.workers)]);
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < setup.workers; i++) workers.push(await startWorker(redisUrl));
    return await timedSweep([...common, '--queue', redisUrl]);
  } finally {
    await Promise.all(workers.map(stopChild));
  }
}

const commandOf = (setup: SweepSetup): string =>
  setup.mode === 'local'
    ? `clustersim sweep FILE --quiet --out DIR --workers ${setup.workers}`
    : `clustersim sweep FILE --queue URL --out DIR --quiet, with ${setup.workers} x clustersim worker --queue URL --workers 1`;

const loadAverage = (): number[] => os.loadavg().map((value) => Math.round(value * 100) / 100);

export async function runSweepsBench(options: SweepsOptions): Promise<{ result: SweepsBenchResult; path: string }> {
  if (!existsSync(CLI))
    throw new Error(`bench sweeps: ${relative(REPO_ROOT, CLI)} is missing: run npm run build first`);
  const workerCounts = Array.from({ length: options.maxWorkers }, (_, i) => i + 1);
  const modes: SweepMode[] = redisInstalled() ? ['local', 'queue'] : ['local'];
  if (modes.length === 1) console.error('sweep: redis-server not found, measuring local sweeps only');
  const setups: SweepSetup[] = modes.flatMap((mode) => workerCounts.map((workers) => ({ mode, workers })));
  console.error(
    `sweep: ${RUNS_PER_SWEEP} runs of punjab-farm-equipment (${YEARS} years) per sweep; ` +
      `${modes.join(' and ')} with ${workerCounts.join(', ')} worker(s); ${options.warmUpRounds} warm-up and ${options.repetitions} timed round(s)`,
  );
  const loadStart = loadAverage();
  const scratch = mkdtempSync(join(tmpdir(), 'clustersim-bench-sweeps-'));
  const redisDir = join(scratch, 'redis');
  mkdirSync(redisDir);
  const sweepFile = join(scratch, 'bench-sweep.yaml');
  writeFileSync(sweepFile, sweepFileText());
  const redis = modes.includes('queue') ? await startRedis(redisDir) : null;
  const samples = new Map<SweepSetup, SweepSample[]>(setups.map((setup) => [setup, []]));
  try {
    for (let round = -options.warmUpRounds; round < options.repetitions; round++) {
      for (const setup of setups) {
        const outDir = join(scratch, `out-${round}-${setup.mode}-${setup.workers}`);
        await options.beforeEach?.();
        const loadAverage1mBefore = loadAverage()[0];
        const wallSeconds = await measure(setup, sweepFile, outDir, redis?.url ?? '');
        const runs = runsInResults(outDir);
        if (runs !== RUNS_PER_SWEEP) throw new Error(`bench sweeps: ${outDir} has ${runs} runs, not ${RUNS_PER_SWEEP}`);
        rmSync(outDir, { recursive: true, force: true });
        if (round < 0) {
          console.error(`  warm-up ${setup.mode} workers=${setup.workers}: ${wallSeconds.toFixed(1)} s`);
          continue;
        }
        const repetition = round;
        const sample = { repetition, wallSeconds, runsPerSecond: RUNS_PER_SWEEP / wallSeconds, loadAverage1mBefore };
        samples.get(setup)!.push(sample);
        console.error(
          `  repetition ${repetition + 1} ${setup.mode} workers=${setup.workers}: ${wallSeconds.toFixed(1)} s, ` +
            `${sample.runsPerSecond.toFixed(2)} runs/s (load ${loadAverage1mBefore})`,
        );
      }
    }
  } finally {
    await redis?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  const results: SweepSetupResult[] = setups.map((setup) => {
    const list = samples.get(setup)!;
    return {
      ...setup,
      command: commandOf(setup),
      wallSeconds: summarise(list.map((s) => s.wallSeconds)),
      runsPerSecond: summarise(list.map((s) => s.runsPerSecond)),
      samples: list,
    };
  });
  const machine = describeMachine();
  const result: SweepsBenchResult = {
    format: SWEEPS_RESULT_FORMAT,
    measuredAt: new Date().toISOString(),
    machineId: machineId(machine),
    machine,
    nodeVersion: process.version,
    code: codeVersion(),
    loadAverage: { start: loadStart, end: loadAverage() },
    config: {
      scenario: 'punjab-farm-equipment',
      years: YEARS,
      factor: 'labour.quitProbabilityPerMonth',
      values: QUIT_RATES,
      replications: REPLICATIONS,
      runsPerSweep: RUNS_PER_SWEEP,
      warmUpRounds: options.warmUpRounds,
      repetitions: options.repetitions,
      keep: { metrics: ['firms', 'meanCapability'], towns: 'total' },
      redis: REDIS_FLAGS.map((flag) => (flag === '' ? "''" : flag)).join(' '),
    },
    results,
    ratios: { local: null, queue: null },
  };
  result.ratios = { local: sweepSpeedUp(result, 'local', 2), queue: sweepSpeedUp(result, 'queue', 2) };
  for (const r of results)
    console.log(
      `sweep ${r.mode} ${r.workers}: median ${r.runsPerSecond.median.toFixed(2)} runs/s ` +
        `(${r.runsPerSecond.min.toFixed(2)}-${r.runsPerSecond.max.toFixed(2)}), median wall ${r.wallSeconds.median.toFixed(1)} s`,
    );
  return { result, path: writeResultFile(RESULTS_DIR, 'sweeps', result) };
}
