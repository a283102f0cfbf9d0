/** The parallel-ceiling section's JSON result (bench/results/ceiling-<machine-id>.json) and its part of the doc. */
import type { Provenance } from './machine.js';
import { summarise } from './stats.js';
import { formatMillions } from './format.js';
import { machineHeading, markdownTable, measuredLine, plural, ratio } from './docParts.js';

export const CEILING_RESULT_FORMAT = 'clustersim-bench-ceiling/1';

export type CeilingWork = 'engine' | 'spin';

/** What one copy (bench/ceilingChild.ts) prints. */
export interface CeilingChildReport {
  work: CeilingWork;
  /** Wall time of the timed work, measured in the child. */
  wallSeconds: number;
  /** Work done: agent-ticks (engine) or loop iterations (spin). */
  units: number;
}

/** Loop iterations of the spin work (about 1.5 s on the 2-core machine of docs/BENCHMARKS.md). */
export const SPIN_ITERATIONS = 300_000_000;

export interface CeilingSample {
  /** Each copy's wall time for its timed work. */
  copySeconds: number[];
  unitsPerCopy: number;
}

export interface CeilingRow {
  work: CeilingWork;
  copies: number;
  samples: CeilingSample[];
}

export interface CeilingBenchResult extends Provenance {
  format: typeof CEILING_RESULT_FORMAT;
  config: { scenario: string; years: number; seed: number; rounds: number; spinIterations: number };
  rows: CeilingRow[];
}

/** Work done by all copies over the slowest copy's time (they start together). */
export function combinedRate(sample: CeilingSample): number {
  return (sample.unitsPerCopy * sample.copySeconds.length) / Math.max(...sample.copySeconds);
}

/**
 * Per round, the combined rate of `copies` copies over that of one copy in the same
 * round: pairing within a round keeps a slow spell of the machine (seen here to last
 * minutes) from landing on one copy count only.
 */
export function ceilingRatiosPerRound(result: CeilingBenchResult, work: CeilingWork, copies: number): number[] {
  const samplesOf = (c: number) => result.rows.find((r) => r.work === work && r.copies === c)?.samples ?? [];
  const one = samplesOf(1);
  return samplesOf(copies)
    .slice(0, one.length)
    .map((sample, round) => combinedRate(sample) / combinedRate(one[round]));
}

/** Median over rounds of the paired ratio (null when a row is missing). */
export function ceilingSpeedUp(result: CeilingBenchResult, work: CeilingWork, copies: number): number | null {
  const ratios = ceilingRatiosPerRound(result, work, copies);
  return ratios.length > 0 ? summarise(ratios).median : null;
}

function machineSection(result: CeilingBenchResult): string {
  const rows = result.rows.map((row) => {
    const rates = summarise(row.samples.map(combinedRate));
    const perCopy = summarise(row.samples.flatMap((s) => s.copySeconds));
    const speedUp = ceilingSpeedUp(result, row.work, row.copies);
    return [
      row.work === 'engine' ? `engine (${result.config.scenario}, 1 thread)` : 'spin (registers only)',
      row.copies,
      perCopy.median.toFixed(2),
      row.work === 'engine'
        ? `${formatMillions(rates.median)} agent-ticks/s`
        : `${formatMillions(rates.median)} iterations/s`,
      speedUp === null ? '-' : ratio(speedUp),
      ceilingRatiosPerRound(result, row.work, row.copies)
        .map((value) => value.toFixed(2))
        .join(', '),
    ];
  });
  return `${machineHeading(result.machine)}

${measuredLine('ceiling', result)}
Engine copies: \`${result.config.scenario}\`, ${plural(result.config.years, 'year')}, seed ${result.config.seed}, each after a 1-year warm-up run; spin copies: ${formatMillions(result.config.spinIterations)} iterations. ${plural(result.config.rounds, 'round')}, copy counts round-robin.

${markdownTable(
  ['work', 'copies at once', 'median s per copy', 'median combined rate', 'vs 1 copy (median of rounds)', 'per round'],
  rows,
)}
`;
}

export function ceilingSection(results: readonly CeilingBenchResult[]): string {
  return `## Parallel ceiling of the machine (\`npm run bench -- --only ceiling\`)

**What is measured.** 1..N independent copies of the same work started at the same moment, each its own process (\`bench/ceilingChild.ts\`), sharing nothing but the machine: a single-threaded \`runOne\` of the national scenario (no outputs), and a loop of integer arithmetic in registers that touches no memory.
_Combined rate_ is the work of all copies over the slowest copy's wall time; _vs 1 copy_ is the median over rounds of each round's combined rate over the one-copy rate of the same round (the machine has slow spells lasting minutes; pairing within a round keeps one from landing on one copy count only), and _per round_ lists those ratios.
Copies of one process cannot wait on each other, so the engine copies' ratio bounds what threads inside one run (engine section) or sweep workers (sweep section) can reach on this machine; the spin copies show whether the cores themselves scale.

${results.length > 0 ? results.map(machineSection).join('\n') : '_No results yet: run `npm run bench -- --only ceiling`._\n'}`;
}
