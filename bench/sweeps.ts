/**
 * `npm run bench:sweeps -- [--runs N] [--max-workers N]`: the suite's sweep section on
 * its own (bench/sweepsBench.ts). Writes bench/results/sweeps-<machine-id>.json and
 * regenerates docs/BENCHMARKS.md.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { REPO_ROOT } from './paths.js';
import { runSweepsBench } from './sweepsBench.js';
import { refreshBenchmarksDoc } from './benchmarksDoc.js';

const USAGE = `usage: npm run bench:sweeps -- [--runs N] [--max-workers N]
  --runs N          timed repetitions of every set-up (after one untimed), round-robin; medians reported (default 5)
  --max-workers N   workers 1..N in each mode (default os.availableParallelism() = ${os.availableParallelism()})`;

function positive(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench:sweeps: --${flag} must be an integer >= 1, got '${text}' (npm run bench:sweeps -- --help)`);
    process.exit(2);
  }
  return value;
}

let values;
try {
  ({ values } = parseArgs({
    options: { runs: { type: 'string' }, 'max-workers': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (error) {
  console.error(
    `bench:sweeps: ${error instanceof Error ? error.message : String(error)} (npm run bench:sweeps -- --help)`,
  );
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const { path } = await runSweepsBench({
  warmUpRounds: 1,
  repetitions: positive('runs', values.runs, 5),
  maxWorkers: positive('max-workers', values['max-workers'], os.availableParallelism()),
});
const doc = await refreshBenchmarksDoc();
console.log(`wrote ${relative(REPO_ROOT, path)} and ${doc.path}`);
