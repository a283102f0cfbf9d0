/**
 * Command-line options of the benchmark suite (`npm run bench -- --help`). Parsing
 * never exits: a bad flag throws `BenchOptionsError`, which the entry point turns
 * into one line on stderr and exit status 2.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';

/** The suite's sections, in the order they run. */
export const SECTIONS = ['engine', 'reference', 'sweep', 'memory', 'floor', 'ceiling', 'national'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * What `npm run bench` runs without --only. `national` (clustersim run end to end, the
 * scenario's full 40 years, --runs runs per thread count) is opt-in: it takes minutes a run.
 */
export const DEFAULT_SECTIONS: readonly Section[] = ['engine', 'reference', 'sweep', 'memory', 'floor', 'ceiling'];

export const NATIONAL_SCENARIO = 'bangladesh-le-sector';

export interface SuiteOptions {
  sections: Section[];
  /** Thread (and sweep worker) counts 1..maxThreads. */
  maxThreads: number;
  /** Simulated years of the national scenario per engine run. */
  years: number;
  timedRuns: number;
  warmUpRuns: number;
  seed: number;
  /** Scenario and horizon of the engine vs reference comparison. */
  referenceScenario: string;
  referenceYears: number;
  /** Horizon of each memory child (the 400 MB target is stated for the full 40 years). */
  memoryYears: number;
  /** Floor kernel: ticks per timed repetition. */
  floorTicks: number;
  /** Redo a timed run when other processes kept more than this many cores busy during it. */
  maxOtherCoresBusy: number;
  redosPerRun: number;
  /** Seconds the whole suite may spend waiting for other processes to go quiet. */
  maxWaitSeconds: number;
}

export const DEFAULTS = {
  years: 3,
  timedRuns: 5,
  warmUpRuns: 1,
  seed: 1,
  referenceYears: 1,
  memoryYears: 40,
  floorTicks: 12,
  maxOtherCoresBusy: 0.25,
  redosPerRun: 3,
  maxWaitSeconds: 120,
} as const;

export const USAGE = `usage: npm run bench -- [options]
  --only LIST            sections to run, comma-separated, from ${SECTIONS.join(',')}
                         (default ${DEFAULT_SECTIONS.join(',')}; national = clustersim run end to end, 40 years)
  --max-threads N        measure 1..N threads and sweep workers (default os.availableParallelism() = ${os.availableParallelism()})
  --years N              years of ${NATIONAL_SCENARIO} per engine run (default ${DEFAULTS.years})
  --runs N               timed runs per variant, medians reported (default ${DEFAULTS.timedRuns})
  --warm-up N            untimed runs per variant first (default ${DEFAULTS.warmUpRuns})
  --seed N               simulation seed (default ${DEFAULTS.seed})
  --reference-scenario S scenario of the engine vs reference row (default ${NATIONAL_SCENARIO})
  --reference-years N    its horizon in years (default ${DEFAULTS.referenceYears}: the reference is slow)
  --memory-years N       horizon of each memory child process (default ${DEFAULTS.memoryYears})
  --floor-ticks N        floor-kernel ticks per timed repetition (default ${DEFAULTS.floorTicks})
  --max-other-load X     redo a timed run if other processes kept more than X cores busy (default ${DEFAULTS.maxOtherCoresBusy}; 999 = off)
  --redos N              redos per timed run before a contended run is kept (default ${DEFAULTS.redosPerRun})
  --max-wait S           seconds in all to wait for other processes to go quiet (default ${DEFAULTS.maxWaitSeconds})
  -h, --help             this text`;

export class BenchOptionsError extends Error {}

function integer(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min)
    throw new BenchOptionsError(`--${flag} must be an integer >= ${min}, got '${text}'`);
  return value;
}

function nonNegative(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new BenchOptionsError(`--${flag} must be a number >= 0, got '${text}'`);
  return value;
}

function sectionsOf(text: string | undefined): Section[] {
  if (text === undefined) return [...DEFAULT_SECTIONS];
  const names = text.split(',').map((name) => name.trim());
  for (const name of names)
    if (!(SECTIONS as readonly string[]).includes(name))
      throw new BenchOptionsError(`--only: unknown section '${name}' (sections: ${SECTIONS.join(', ')})`);
  // Run order is the suite's, whatever order the list gives.
  return SECTIONS.filter((section) => names.includes(section));
}

/** Options from argv; `help: true` when -h/--help was given (the caller prints USAGE). */
export function parseSuiteOptions(args: readonly string[]): SuiteOptions & { help: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        only: { type: 'string' },
        'max-threads': { type: 'string' },
        years: { type: 'string' },
        runs: { type: 'string' },
        'warm-up': { type: 'string' },
        seed: { type: 'string' },
        'reference-scenario': { type: 'string' },
        'reference-years': { type: 'string' },
        'memory-years': { type: 'string' },
        'floor-ticks': { type: 'string' },
        'max-other-load': { type: 'string' },
        redos: { type: 'string' },
        'max-wait': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // node:util's messages are one line already, e.g. "Unknown option '--bogus'".
    throw new BenchOptionsError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  return {
    help: values.help === true,
    sections: sectionsOf(values.only),
    maxThreads: integer('max-threads', values['max-threads'], os.availableParallelism(), 1),
    years: integer('years', values.years, DEFAULTS.years, 1),
    timedRuns: integer('runs', values.runs, DEFAULTS.timedRuns, 1),
    warmUpRuns: integer('warm-up', values['warm-up'], DEFAULTS.warmUpRuns, 0),
    seed: integer('seed', values.seed, DEFAULTS.seed, 0),
    referenceScenario: values['reference-scenario'] ?? NATIONAL_SCENARIO,
    referenceYears: integer('reference-years', values['reference-years'], DEFAULTS.referenceYears, 1),
    memoryYears: integer('memory-years', values['memory-years'], DEFAULTS.memoryYears, 1),
    floorTicks: integer('floor-ticks', values['floor-ticks'], DEFAULTS.floorTicks, 1),
    maxOtherCoresBusy: nonNegative('max-other-load', values['max-other-load'], DEFAULTS.maxOtherCoresBusy),
    redosPerRun: integer('redos', values.redos, DEFAULTS.redosPerRun, 0),
    maxWaitSeconds: nonNegative('max-wait', values['max-wait'], DEFAULTS.maxWaitSeconds),
  };
}
