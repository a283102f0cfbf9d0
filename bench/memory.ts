/**
 * Memory section: peak RSS and peak heap + array buffers of one national run per
 * thread count, each in a fresh child process (bench/memoryChild.ts) so that peaks
 * never mix, plus a baseline child that only loads the modules and the scenario.
 * Writes bench/results/memory-<machine-id>.json.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';
import { provenance } from './machine.js';
import { formatMiB } from './format.js';
import { writeResultFile } from './resultFiles.js';
import type { MemoryChildReport } from './memoryChild.js';
import { MEMORY_RESULT_FORMAT, type MemoryBenchResult } from './memoryResults.js';
import type { QuietBudget } from './roundRobin.js';
import { NATIONAL_SCENARIO, type SuiteOptions } from './suiteOptions.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'memoryChild.js');

async function measureInChild(years: number, threads: number, seed: number): Promise<MemoryChildReport> {
  const child = spawn(process.execPath, [CHILD, NATIONAL_SCENARIO, String(years), String(threads), String(seed)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`bench memory: ${CHILD} ${years} y, ${threads} thread(s) exited with code ${code}`);
  return JSON.parse(stdout.trim().split('\n').pop()!) as MemoryChildReport;
}

export async function runMemorySection(
  options: SuiteOptions,
  quiet: QuietBudget,
): Promise<{ result: MemoryBenchResult; path: string }> {
  const threadCounts = Array.from({ length: options.maxThreads }, (_, i) => i + 1);
  console.error(
    `memory: ${NATIONAL_SCENARIO}, ${options.memoryYears} year(s), one child process per thread count (${threadCounts.join(', ')}) and a baseline`,
  );
  await quiet.wait(options.maxOtherCoresBusy);
  const baseline = await measureInChild(0, 1, options.seed);
  console.error(`  baseline (modules and scenario loaded): peak RSS ${formatMiB(baseline.peakRssBytes)}`);
  const results: MemoryChildReport[] = [];
  for (const threads of threadCounts) {
    await quiet.wait(options.maxOtherCoresBusy);
    const report = await measureInChild(options.memoryYears, threads, options.seed);
    console.error(
      `  threads=${threads}: peak RSS ${formatMiB(report.peakRssBytes)}, heap + array buffers ${formatMiB(report.peakHeapAndArrayBuffersBytes)}, ` +
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
      command: `node dist/bench/memoryChild.js ${NATIONAL_SCENARIO} ${options.memoryYears} THREADS ${options.seed}`,
    },
    baseline,
    results,
  };
  return { result, path: writeResultFile(RESULTS_DIR, 'memory', result) };
}
