/**
 * The engine vs reference section's JSON result (bench/results/reference-<machine-id>.json)
 * and its part of the doc.
 */
import type { Provenance } from './machine.js';
import type { WallSample } from './measure.js';
import { summarise, type Summary } from './stats.js';
import type { VariantSamples } from './roundRobin.js';
import { formatCount, formatMillions } from './format.js';
import { machineHeading, markdownTable, measuredLine, plural, ratio } from './docParts.js';

export const REFERENCE_RESULT_FORMAT = 'clustersim-bench-reference/1';

export interface ImplementationResult {
  /** 'engine (runOne, 1 thread)' or 'reference (bench/reference)'. */
  label: string;
  wallSeconds: Summary;
  agentTicksPerSecond: Summary;
  processCpuSeconds: Summary;
  otherCoresBusyMedian: number | null;
  redoneRuns: number;
  contendedRunsKept: number;
  samples: WallSample[];
}

export interface ReferenceBenchResult extends Provenance {
  format: typeof REFERENCE_RESULT_FORMAT;
  config: {
    scenario: string;
    years: number;
    ticks: number;
    seed: number;
    warmUpRuns: number;
    timedRuns: number;
    gcBetweenRuns: boolean;
  };
  agentTicks: number;
  /** Whether every run of both gave the same metric array (sha256), as the equivalence tests demand. */
  identicalMetrics: boolean;
  engine: ImplementationResult;
  reference: ImplementationResult;
  /** Reference median wall time over the engine's: how many times faster the engine is. */
  engineSpeedUp: number;
}

export function summariseImplementation(label: string, measured: VariantSamples<WallSample>): ImplementationResult {
  const { samples } = measured;
  return {
    label,
    wallSeconds: summarise(samples.map((s) => s.wallSeconds)),
    agentTicksPerSecond: summarise(samples.map((s) => s.agentTicks / s.wallSeconds)),
    processCpuSeconds: summarise(samples.map((s) => s.processCpuSeconds)),
    otherCoresBusyMedian: samples.every((s) => s.otherCoresBusy !== null)
      ? summarise(samples.map((s) => s.otherCoresBusy!)).median
      : null,
    redoneRuns: measured.redoneRuns,
    contendedRunsKept: measured.contendedRunsKept,
    samples,
  };
}

function machineSection(result: ReferenceBenchResult): string {
  const { config } = result;
  const rows = [result.engine, result.reference].map((r) => [
    r.label,
    r.wallSeconds.median.toFixed(2),
    r.wallSeconds.min.toFixed(2),
    r.wallSeconds.max.toFixed(2),
    formatMillions(r.agentTicksPerSecond.median),
    r.processCpuSeconds.median.toFixed(2),
    r.otherCoresBusyMedian === null ? 'n/a' : r.otherCoresBusyMedian.toFixed(2),
    `${r.redoneRuns}${r.contendedRunsKept > 0 ? ` (${r.contendedRunsKept} contended kept)` : ''}`,
  ]);
  return `${machineHeading(result.machine)}

${measuredLine('reference', result)}
\`${config.scenario}\` cut to ${plural(config.years, 'year')} (${config.ticks} monthly ticks), seed ${config.seed}, ${formatCount(result.agentTicks)} agent-ticks per run; ${plural(config.warmUpRuns, 'warm-up run')} and ${plural(config.timedRuns, 'timed run')} of each, interleaved (engine, reference, engine, …)${config.gcBetweenRuns ? ', garbage collected between runs outside the timing' : ''}.
Metrics ${result.identicalMetrics ? 'identical (sha256 of the metric array) in every run of both' : '**differ between the engine and the reference: the ratio compares different work**'}.

${markdownTable(
  [
    'implementation',
    'median wall s',
    'min wall s',
    'max wall s',
    'median agent-ticks/s',
    'median CPU s',
    'other load (cores)',
    'runs redone',
  ],
  rows,
)}

**Engine single-threaded vs reference: ${ratio(result.engineSpeedUp)}** (reference median wall time over the engine's).
`;
}

export function referenceSection(results: readonly ReferenceBenchResult[]): string {
  return `## Engine vs reference implementation (\`npm run bench -- --only reference\`)

**What is measured.** The same model run two ways, same scenario and seed, in one process, interleaved: the engine (\`runOne\`, 1 thread: struct-of-arrays columns and block kernels) and the reference implementation (\`bench/reference/runReference.ts\`: an object per firm and per worker, single-threaded, written the plain way a modeller would, calling the same model equations and random streams).
Both are timed end to end (world built, every month stepped, the result assembled); neither writes output files.
The reference is much slower, so this row runs a shorter horizon than the engine section by default (\`--reference-years\`, \`--reference-scenario\`); the horizon used is stated below.

${results.length > 0 ? results.map(machineSection).join('\n') : '_No results yet: run `npm run bench -- --only reference` (it needs `bench/reference/runReference.ts`)._\n'}`;
}
