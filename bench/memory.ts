/**
 * Memory section: peak RSS and peak heap + array buffers of one national run per
 * thread count with events and panel streamed out (as the CLI runs), and one at 1
 * thread holding them, each in a fresh child process (bench/memoryChild.ts) so that
 * peaks never mix, plus a baseline child that only loads the modules and the scenario.
 * Writes bench/results/memory-<machine-id>.json.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';
import { provenance } from './machine.js';
import { formatMiB } from './format.js';
import { writeResultFile } from './resultFiles.js';
import type { MemoryChildReport, MemoryMode } from './memoryChild.js';
import { MEMORY_RESULT_FORMAT, type MemoryBenchResult } from './memoryResults.js';
import type { QuietBudget } from './roundRobin.js';
import { NATIONAL_SCENARIO, type SuiteOptions } from './suiteOptions.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'memoryChild.js');

async function measureInChild(
  years: number,
  threads: number,
  seed: number,
  mode: MemoryMode,
): Promise<MemoryChildReport> {
  const args = [CHILD, NATIONAL_SCENARIO, String(years), String(threads), String(seed), mode];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`bench memory: ${args.join(' ')} exited with code ${code}`);
  return JSON.parse(stdout.trim().split('\n').pop()!) as MemoryChildReport;
}

export async function runMemorySection(
  options: SuiteOptions,
  quiet: QuietBudget,
): Promise<{ result: MemoryBenchResult; path: string }> {
  const children: { threads: number; mode: MemoryMode }[] = [
    ...Array.from({ length: options.maxThreads }, (_, i) => ({ threads: i + 1, mode: 'streamed' as const })),
    { threads: 1, mode: 'held' },
  ];
  console.error(
    `memory: ${NATIONAL_SCENARIO}, ${options.memoryYears} year(s), one child process each: ` +
      `${children.map((c) => `${c.threads} thread(s) ${c.mode}`).join(', ')}, and a baseline`,
  );
  await quiet.wait(options.maxOtherCoresBusy);
  const baseline = await measureInChild(0, 1, options.seed, 'streamed');
  console.error(`  baseline (modules and scenario loaded): peak RSS ${formatMiB(baseline.peakRssBytes)}`);
  const results: MemoryChildReport[] = [];
  for (const { threads, mode } of children) {
    await quiet.wait(options.maxOtherCoresBusy);
    const report = await measureInChild(options.memoryYears, threads, options.seed, mode);
    console.error(
      `  threads=${threads} ${mode}: peak RSS ${formatMiB(report.peakRssBytes)}, heap + array buffers ${formatMiB(report.peakHeapAndArrayBuffersBytes)}, ` +
        `${report.peakAliveAgents} agents at most (${report.wallSeconds.toFixed(1)} s)`,
    );
    results.push(report);
  }
  const result: MemoryBenchResult = {
    format: MEMORY_RESULT_FORMAT,
    ...provenance(),
    config: {
      scenario: NATIONAL_SCENARIO,
      years: options.memoryYears,
      seed: options.seed,
      command: `node dist/bench/memoryChild.js ${NATIONAL_SCENARIO} ${options.memoryYears} THREADS ${options.seed} streamed|held`,
    },
    baseline,
    results,
  };
  return { result, path: writeResultFile(RESULTS_DIR, 'memory', result) };
}
