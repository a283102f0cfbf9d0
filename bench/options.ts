/** Command-line options of the engine benchmark (`npm run bench -- --help`). */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_SYNTHETIC_WORLD, type SyntheticWorldOptions } from './syntheticWorld.js';

export interface BenchOptions {
  maxThreads: number;
  timedRuns: number;
  warmUpRuns: number;
  seed: number;
  /** A timed run during which other processes kept more cores than this busy is discarded and redone. */
  maxOtherCoresBusy: number;
  /** Redos allowed per timed run before a contended run is kept anyway (and counted as such). */
  redosPerRun: number;
  /** Total time the bench may spend waiting for other processes to go quiet before runs. */
  maxWaitSeconds: number;
  world: SyntheticWorldOptions;
}

export const USAGE = `usage: npm run bench -- [options]
  --max-threads N      measure 1..N threads (default: os.availableParallelism() = ${os.availableParallelism()})
  --years N            simulated years per run (default ${DEFAULT_SYNTHETIC_WORLD.years})
  --runs N             timed runs per thread count (default 7)
  --warm-up N          untimed runs per thread count first (default 1)
  --firms N            founding firms, ~10.5 workers each (default ${DEFAULT_SYNTHETIC_WORLD.firms})
  --seed N             simulation seed (default 1)
  --max-other-load X   redo a timed run if other processes kept more than X cores busy during it
                       (default 0.25; Linux only; a large X such as 999 turns this off)
  --redos N            redos per timed run before a contended run is kept anyway (default 3)
  --max-wait S         before each run, wait for other processes to go under --max-other-load,
                       S seconds in all over the whole bench (default 120)`;

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

function integer(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) fail(`--${flag} must be an integer >= ${min}, got ${text}`);
  return value;
}

function nonNegative(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) fail(`--${flag} must be a number >= 0, got ${text}`);
  return value;
}

export function parseOptions(args: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'max-threads': { type: 'string' },
        years: { type: 'string' },
        runs: { type: 'string' },
        'warm-up': { type: 'string' },
        firms: { type: 'string' },
        seed: { type: 'string' },
        'max-other-load': { type: 'string' },
        redos: { type: 'string' },
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
  return {
    maxThreads: integer('max-threads', values['max-threads'], os.availableParallelism(), 1),
    timedRuns: integer('runs', values.runs, 7, 1),
    warmUpRuns: integer('warm-up', values['warm-up'], 1, 0),
    seed: integer('seed', values.seed, 1, 0),
    maxOtherCoresBusy: nonNegative('max-other-load', values['max-other-load'], 0.25),
    redosPerRun: integer('redos', values.redos, 3, 0),
    maxWaitSeconds: nonNegative('max-wait', values['max-wait'], 120),
    world: {
      ...DEFAULT_SYNTHETIC_WORLD,
      years: integer('years', values.years, DEFAULT_SYNTHETIC_WORLD.years, 1),
      firms: integer('firms', values.firms, DEFAULT_SYNTHETIC_WORLD.firms, 1),
    },
  };
}
