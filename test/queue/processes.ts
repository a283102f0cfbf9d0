/** The queue tests' processes: workers and a submitting sweep, from the build (dist/), as users run them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI } from '../helpers/cli.js';

const SUBMIT_ENTRY = fileURLToPath(new URL('./submitSweep.mjs', import.meta.url));

export interface Spawned {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function spawnNode(args: string[], cwd: string): Spawned {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does it first)`);
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, output: () => stdout + stderr, exited };
}

/** `clustersim worker --queue URL --workers N` with a short lock, so a dead worker's run is retaken in seconds. */
export const startWorker = (url: string, cwd: string, workers = 1) =>
  spawnNode([CLI, 'worker', '--queue', url, '--workers', String(workers), '--lock-seconds', '2'], cwd);

/** `clustersim sweep FILE --queue URL --out DIR`, exactly as a user submits a sweep. */
export const submitSweepCommand = (file: string, dir: string, url: string) =>
  spawnNode([CLI, 'sweep', file, '--queue', url, '--out', dir, '--quiet'], join(dir, '..'));

/** runQueuedSweep with test options (poll interval, a deliberately failing run): see submitSweep.mjs. */
export const submitSweep = (file: string, dir: string, url: string, options: Record<string, unknown> = {}) =>
  spawnNode([SUBMIT_ENTRY, file, dir, url, JSON.stringify({ pollMs: 200, ...options })], join(dir, '..'));

export async function stopWorkers(workers: readonly Spawned[]): Promise<void> {
  for (const worker of workers)
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
  await Promise.all(workers.map((worker) => worker.exited));
}

export const shardCount = (dir: string) =>
  existsSync(join(dir, 'shards'))
    ? readdirSync(join(dir, 'shards')).filter((name) => name.endsWith('.json')).length
    : 0;

export async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
