/**
 * `npm run bench`: the benchmark suite of issue 8. Runs the selected sections
 * (default engine, reference, sweep, memory, floor, ceiling; `national` on request), writes one result file per
 * section in bench/results/, then regenerates docs/BENCHMARKS.md from every result
 * file. A bad option prints one line and exits with status 2.
 *
 *   npm run bench -- [--only engine,floor] [--max-threads N] [--years N] ...   (see --help)
 */
import { relative } from 'node:path';
import {
  BenchOptionsError,
  NATIONAL_SCENARIO,
  parseSuiteOptions,
  type Section,
  type SuiteOptions,
  USAGE,
} from './suiteOptions.js';
import { QuietBudget } from './roundRobin.js';
import { REPO_ROOT } from './paths.js';
import { refreshBenchmarksDoc } from './benchmarksDoc.js';
import { runEngineSection } from './engine.js';
import { runReferenceSection } from './reference.js';
import { runSweepsBench } from './sweepsBench.js';
import { runMemorySection } from './memory.js';
import { runFloorSection } from './floor.js';
import { runCeilingSection } from './ceiling.js';
import { runNationalBench } from './nationalBench.js';

type SectionRunner = (options: SuiteOptions, quiet: QuietBudget) => Promise<{ path: string } | null>;

const RUNNERS: Record<Section, SectionRunner> = {
  engine: runEngineSection,
  reference: runReferenceSection,
  sweep: (options, quiet) =>
    runSweepsBench({
      warmUpRounds: options.warmUpRuns,
      repetitions: options.timedRuns,
      maxWorkers: options.maxThreads,
      beforeEach: () => quiet.wait(options.maxOtherCoresBusy),
    }),
  memory: runMemorySection,
  floor: runFloorSection,
  ceiling: runCeilingSection,
  national: (options, quiet) =>
    runNationalBench({
      runs: options.timedRuns,
      threads: Array.from({ length: options.maxThreads }, (_, i) => i + 1),
      years: null,
      scenario: NATIONAL_SCENARIO,
      seed: options.seed,
      maxWaitSeconds: Math.max(0, quiet.maxWaitSeconds - quiet.secondsWaited),
    }),
};

async function main(args: readonly string[]): Promise<void> {
  let options;
  try {
    options = parseSuiteOptions(args);
  } catch (error) {
    if (!(error instanceof BenchOptionsError)) throw error;
    console.error(`bench: ${error.message} (see npm run bench -- --help)`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  if ((globalThis as { gc?: unknown }).gc === undefined)
    console.error('bench: no --expose-gc: garbage of one run may be collected during the next');
  const quiet = new QuietBudget(options.maxWaitSeconds);
  const written: string[] = [];
  for (const section of options.sections) {
    const outcome = await RUNNERS[section](options, quiet);
    if (outcome) written.push(relative(REPO_ROOT, outcome.path));
  }
  const doc = await refreshBenchmarksDoc();
  console.log(`\nwrote ${[...written, doc.path].join(', ')} (the doc from ${doc.resultFiles} result file(s))`);
  if (quiet.secondsWaited >= 1)
    console.log(`waited ${quiet.secondsWaited.toFixed(0)} s in all for other processes to go quiet`);
}

await main(process.argv.slice(2));
