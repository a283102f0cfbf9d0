/**
 * `npm run bench:national -- [--runs N] [--threads 1,2] [--years N] [--scenario NAME]`:
 * the national-scenario benchmark (bench/nationalBench.ts) on its own. Writes
 * bench/results/national-<machine-id>.json, then regenerates docs/BENCHMARKS.md.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './paths.js';
import { refreshBenchmarksDoc } from './benchmarksDoc.js';
import { type NationalOptions, runNationalBench } from './nationalBench.js';

const USAGE = `usage: npm run bench:national -- [options]
  --runs N          runs per thread count, medians reported (default 1)
  --threads LIST    thread counts, comma-separated (default 1,2)
  --years N         simulate only N years (default: the scenario's 40; the doc says so)
  --scenario NAME   scenario name or file (default bangladesh-le-sector)
  --seed N          simulation seed (default 1)
  --max-wait S      before each run, wait up to S seconds in all for other processes to go quiet (default 60)`;

function fail(message: string): never {
  console.error(`bench:national: ${message} (npm run bench:national -- --help)`);
  process.exit(2);
}

function positiveInteger(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) fail(`--${flag} must be an integer >= 1, got '${text}'`);
  return value;
}

function parseOptions(argv: string[]): NationalOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        runs: { type: 'string' },
        threads: { type: 'string' },
        years: { type: 'string' },
        scenario: { type: 'string' },
        seed: { type: 'string' },
        'max-wait': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const maxWaitSeconds = values['max-wait'] === undefined ? 60 : Number(values['max-wait']);
  if (!Number.isFinite(maxWaitSeconds) || maxWaitSeconds < 0)
    fail(`--max-wait must be a number >= 0, got '${values['max-wait']}'`);
  return {
    runs: positiveInteger('runs', values.runs, 1),
    threads: (values.threads ?? '1,2').split(',').map((text) => positiveInteger('threads', text, 1)),
    years: values.years === undefined ? null : positiveInteger('years', values.years, 1),
    scenario: values.scenario ?? 'bangladesh-le-sector',
    seed: values.seed === undefined ? 1 : positiveInteger('seed', values.seed, 1),
    maxWaitSeconds,
  };
}

const { path } = await runNationalBench(parseOptions(process.argv.slice(2)));
const doc = await refreshBenchmarksDoc();
console.log(`wrote ${relative(REPO_ROOT, path)} and ${doc.path}`);
