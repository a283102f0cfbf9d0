/**
 * National-scenario benchmark: `clustersim run bangladesh-le-sector` end to end, as a
 * child process per run, for the given thread counts (round-robin), measuring wall
 * time, the child's peak RSS and CPU time, and the work done (firms and workers at
 * start and end, agent-ticks), from the run's own outputs. Writes
 * bench/results/national-<machine-id>.json. Used by `npm run bench:national` and by
 * `npm run bench -- --only national`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';
import { codeVersion, describeMachine, machineId } from './machine.js';
import { markCpu, waitForQuiet } from './otherLoad.js';
import { summarise } from './stats.js';
import { formatCount, formatMiB, formatMillions } from './format.js';
import { RUSAGE_FILE_ENV } from './rusageProbe.js';
import {
  NATIONAL_RESULT_FORMAT,
  type NationalBenchResult,
  type NationalSample,
  type NationalThreadResult,
  type NationalWork,
  writeNationalResult,
} from './nationalResults.js';

export interface NationalOptions {
  runs: number;
  threads: number[];
  /** null: the scenario's own horizon (40 years). */
  years: number | null;
  scenario: string;
  seed: number;
  maxWaitSeconds: number;
}

const CLI = join(REPO_ROOT, 'dist', 'bin', 'clustersim.js');
const PROBE = join(REPO_ROOT, 'dist', 'bench', 'rusageProbe.js');

interface ChildUsage {
  maxRSS: number;
  userCPUTime: number;
  systemCPUTime: number;
}

/** One `clustersim run` in a child process; outputs go to `outDir`. */
async function runChild(args: string[], outDir: string): Promise<{ wallSeconds: number; usage: ChildUsage }> {
  const usageFile = join(outDir, '..', `${outDir.split('/').pop()}-rusage.json`);
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(PROBE).href, CLI, ...args, '--out', outDir], {
      cwd: REPO_ROOT,
      env: { ...process.env, [RUSAGE_FILE_ENV]: usageFile, FORCE_COLOR: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`bench:national: clustersim ${args.join(' ')} exited with code ${code}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as ChildUsage;
  rmSync(usageFile, { force: true });
  return { wallSeconds, usage };
}

/** Every file under `dir`, as sorted paths relative to it ('/'-separated). */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, path) : [path];
    })
    .sort();
}

/** Firms and workers (all towns) at the first and last month, and agent-ticks, from timeseries.csv. */
function workOf(outDir: string): NationalWork {
  const lines = readFileSync(join(outDir, 'timeseries.csv'), 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`bench:national: timeseries.csv has no '${name}' column`);
    return index;
  };
  const [town, firms, workers] = [column('town'), column('firms'), column('workers')];
  const rows = lines
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells[town] === 'all');
  const first = rows[0];
  const last = rows[rows.length - 1];
  const outputBytes: Record<string, number> = {};
  // Per top-level entry; a folder (the report's charts) counts the bytes of every file in it.
  for (const file of filesUnder(outDir)) {
    const entry = file.split('/')[0];
    outputBytes[entry] = (outputBytes[entry] ?? 0) + statSync(join(outDir, file)).size;
  }
  return {
    ticks: rows.length,
    firmsAtStart: Number(first[firms]),
    workersAtStart: Number(first[workers]),
    firmsAtEnd: Number(last[firms]),
    workersAtEnd: Number(last[workers]),
    agentTicks: rows.reduce((sum, cells) => sum + Number(cells[firms]) + Number(cells[workers]), 0),
    outputBytes,
  };
}

/** Outputs that record the run's wall time or thread count, so differ between runs of the same work. */
const NOT_COMPARED = ['run.json', 'report.html'];

/** sha256 of every output but those in NOT_COMPARED. */
function outputsHash(outDir: string): string {
  const hash = createHash('sha256');
  for (const name of filesUnder(outDir)) {
    if (NOT_COMPARED.includes(name)) continue;
    hash.update(name);
    hash.update(readFileSync(join(outDir, name)));
  }
  return hash.digest('hex');
}

export async function runNationalBench(
  options: NationalOptions,
): Promise<{ result: NationalBenchResult; path: string }> {
  if (!existsSync(CLI) || !existsSync(PROBE))
    throw new Error(`bench national: ${relative(REPO_ROOT, CLI)} is missing: run npm run build first`);
  const args = ['run', options.scenario, '--seed', String(options.seed), '--quiet'];
  if (options.years !== null) args.push('--years', String(options.years));
  const scratch = mkdtempSync(join(tmpdir(), 'clustersim-national-'));
  const byThreads = new Map<number, NationalSample[]>(options.threads.map((threads) => [threads, []]));
  let work: NationalWork | null = null;
  const hashes = new Set<string>();
  let secondsWaited = 0;
  try {
    for (let run = 0; run < options.runs; run++) {
      for (const threads of options.threads) {
        secondsWaited += await waitForQuiet(0.25, options.maxWaitSeconds - secondsWaited);
        const outDir = join(scratch, `run-${run}-t${threads}`);
        const before = markCpu();
        const { wallSeconds, usage } = await runChild([...args, '--threads', String(threads)], outDir);
        const after = markCpu();
        const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
        const otherCoresBusy =
          before && after
            ? Math.max(0, (after.machineBusySeconds - before.machineBusySeconds - cpuSeconds) / wallSeconds)
            : null;
        const provenance = JSON.parse(readFileSync(join(outDir, 'run.json'), 'utf8')) as { wallSeconds: number };
        const sample: NationalSample = {
          threads,
          wallSeconds,
          simulationSeconds: provenance.wallSeconds,
          peakRssBytes: usage.maxRSS * 1024, // maxRSS is in KiB
          cpuSeconds,
          otherCoresBusy,
        };
        byThreads.get(threads)!.push(sample);
        work ??= workOf(outDir);
        hashes.add(outputsHash(outDir));
        rmSync(outDir, { recursive: true, force: true });
        console.error(
          `  run ${run + 1} threads=${threads}: ${wallSeconds.toFixed(1)} s wall (${sample.simulationSeconds.toFixed(1)} s simulating), ` +
            `peak RSS ${formatMiB(sample.peakRssBytes)}` +
            (otherCoresBusy === null ? '' : `, other processes ${otherCoresBusy.toFixed(2)} cores`),
        );
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const results: NationalThreadResult[] = options.threads.map((threads) => {
    const samples = byThreads.get(threads)!;
    const wallSeconds = summarise(samples.map((s) => s.wallSeconds));
    return {
      threads,
      wallSeconds,
      simulationSeconds: summarise(samples.map((s) => s.simulationSeconds)),
      peakRssBytes: summarise(samples.map((s) => s.peakRssBytes)),
      cpuSeconds: summarise(samples.map((s) => s.cpuSeconds)),
      agentTicksPerSecond: work!.agentTicks / wallSeconds.median,
      samples,
    };
  });
  const machine = describeMachine();
  const result: NationalBenchResult = {
    format: NATIONAL_RESULT_FORMAT,
    measuredAt: new Date().toISOString(),
    machineId: machineId(machine),
    machine,
    code: codeVersion(),
    config: {
      scenario: options.scenario,
      seed: options.seed,
      years: options.years,
      runsPerThreadCount: options.runs,
      command: `clustersim ${args.join(' ')} --threads N`,
      notCompared: NOT_COMPARED,
    },
    work: work!,
    identicalOutputs: hashes.size === 1,
    results,
  };
  const path = writeNationalResult(RESULTS_DIR, result);
  for (const r of results) {
    console.log(
      `threads ${r.threads}: median ${r.wallSeconds.median.toFixed(1)} s wall, peak RSS ${formatMiB(r.peakRssBytes.median)}, ` +
        `${formatMillions(r.agentTicksPerSecond)} agent-ticks/s`,
    );
  }
  console.log(
    `firms ${formatCount(work!.firmsAtStart)} -> ${formatCount(work!.firmsAtEnd)}, workers ${formatCount(work!.workersAtStart)} -> ${formatCount(work!.workersAtEnd)}`,
  );
  return { result, path };
}
