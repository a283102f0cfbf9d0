/**
 * Parallel-ceiling section: what this machine gives when 1..N independent copies of
 * the same work run at once, each its own process (bench/ceilingChild.ts), sharing
 * nothing but the machine: the national scenario single-threaded (`engine`), and a
 * register-only loop (`spin`). Copies of one process cannot wait on each other, so
 * the engine copies' combined speed-up bounds what threads inside one run (engine
 * section) or sweep workers (sweep section) can reach here. Copy counts are measured
 * round-robin. Writes bench/results/ceiling-<machine-id>.json.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';
import { provenance } from './machine.js';
import { writeResultFile } from './resultFiles.js';
import type { QuietBudget } from './roundRobin.js';
import { NATIONAL_SCENARIO, type SuiteOptions } from './suiteOptions.js';
import {
  CEILING_RESULT_FORMAT,
  type CeilingBenchResult,
  type CeilingChildReport,
  type CeilingRow,
  type CeilingWork,
  SPIN_ITERATIONS,
} from './ceilingResults.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'ceilingChild.js');

/** Start `copies` children, wait until every one is ready, then release them together. */
async function runCopies(work: CeilingWork, copies: number, options: SuiteOptions): Promise<CeilingChildReport[]> {
  const args = [CHILD, work, NATIONAL_SCENARIO, String(options.years), String(options.seed)];
  const children = Array.from({ length: copies }, () =>
    spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const reports = children.map(async (child) => {
    const lines = createInterface({ input: child.stdout! });
    const exited = new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', resolve);
    });
    const seen: string[] = [];
    for await (const line of lines) seen.push(line);
    const code = await exited;
    if (code !== 0) throw new Error(`bench ceiling: ${args.join(' ')} exited with code ${code}`);
    return JSON.parse(seen[seen.length - 1]) as CeilingChildReport;
  });
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          child.on('exit', (code) => reject(new Error(`bench ceiling: a ${work} copy exited (${code}) before ready`)));
          child.stdout!.once('data', () => resolve());
        }),
    ),
  );
  for (const child of children) child.stdin!.end('go\n');
  return Promise.all(reports);
}

export async function runCeilingSection(
  options: SuiteOptions,
  quiet: QuietBudget,
): Promise<{ result: CeilingBenchResult; path: string }> {
  const copyCounts = Array.from({ length: options.maxThreads }, (_, i) => i + 1);
  const works: CeilingWork[] = ['engine', 'spin'];
  console.error(
    `ceiling: 1..${options.maxThreads} independent copies at once, ${options.timedRuns} round(s): ` +
      `${NATIONAL_SCENARIO} ${options.years} year(s) single-threaded, and a register-only loop`,
  );
  const rows: CeilingRow[] = works.flatMap((work) => copyCounts.map((copies) => ({ work, copies, samples: [] })));
  for (let round = 0; round < options.timedRuns; round++) {
    for (const row of rows) {
      await quiet.wait(options.maxOtherCoresBusy);
      const reports = await runCopies(row.work, row.copies, options);
      row.samples.push({ copySeconds: reports.map((r) => r.wallSeconds), unitsPerCopy: reports[0].units });
      console.error(
        `  round ${round + 1} ${row.work} x${row.copies}: ${reports.map((r) => r.wallSeconds.toFixed(2)).join(', ')} s`,
      );
    }
  }
  const result: CeilingBenchResult = {
    format: CEILING_RESULT_FORMAT,
    ...provenance(),
    config: {
      scenario: NATIONAL_SCENARIO,
      years: options.years,
      seed: options.seed,
      rounds: options.timedRuns,
      spinIterations: SPIN_ITERATIONS,
    },
    rows,
  };
  return { result, path: writeResultFile(RESULTS_DIR, 'ceiling', result) };
}
