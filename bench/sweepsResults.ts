/** The sweep section's JSON result (bench/results/sweeps-<machine-id>.json) and its part of the doc. */
import type { MachineInfo } from './machine.js';
import type { Summary } from './stats.js';
import { readResultFiles } from './resultFiles.js';
import { machineHeading, markdownTable, ratio } from './docParts.js';

export const SWEEPS_RESULT_FORMAT = 'clustersim-bench-sweeps/1';

export type SweepMode = 'local' | 'queue';

export interface SweepSetup {
  mode: SweepMode;
  /** Worker threads (local) or worker processes of one thread each (queue). */
  workers: number;
}

export interface SweepSample {
  repetition: number;
  wallSeconds: number;
  runsPerSecond: number;
  loadAverage1mBefore: number;
}

export interface SweepSetupResult extends SweepSetup {
  command: string;
  wallSeconds: Summary;
  runsPerSecond: Summary;
  samples: SweepSample[];
}

export interface SweepsBenchResult {
  format: string;
  measuredAt: string;
  machineId: string;
  machine: MachineInfo;
  nodeVersion: string;
  code: { commit: string; dirty: boolean } | null;
  loadAverage: { start: number[]; end: number[] };
  config: {
    scenario: string;
    years: number;
    factor: string;
    values: number[];
    replications: number;
    runsPerSweep: number;
    /** Untimed rounds of every set-up first (absent in results from before the suite: none). */
    warmUpRounds?: number;
    repetitions: number;
    keep: { metrics: string[]; towns: string };
    redis: string;
  };
  results: SweepSetupResult[];
  /** Median runs/s with 2 workers over that with 1 (same mode); null where not measured. */
  ratios: { local: number | null; queue: number | null };
}

export function readSweepsResults(resultsDir: string): SweepsBenchResult[] {
  return readResultFiles<SweepsBenchResult>(resultsDir, 'sweeps', SWEEPS_RESULT_FORMAT);
}

/** Median runs/s of this set-up over the 1-worker set-up of the same mode (null without one). */
export function speedUpVsOneWorker(result: SweepsBenchResult, setup: SweepSetupResult): number | null {
  const one = result.results.find((r) => r.mode === setup.mode && r.workers === 1);
  return one ? setup.runsPerSecond.median / one.runsPerSecond.median : null;
}

export function sweepSpeedUp(result: SweepsBenchResult, mode: SweepMode, workers: number): number | null {
  const setup = result.results.find((r) => r.mode === mode && r.workers === workers);
  return setup ? speedUpVsOneWorker(result, setup) : null;
}

function machineSection(result: SweepsBenchResult): string {
  const c = result.config;
  const rows = result.results.map((r) => {
    const speedUp = speedUpVsOneWorker(result, r);
    return [
      r.mode,
      r.mode === 'local'
        ? `${r.workers} thread${r.workers === 1 ? '' : 's'}`
        : `${r.workers} process${r.workers === 1 ? '' : 'es'}`,
      r.runsPerSecond.median.toFixed(2),
      r.runsPerSecond.min.toFixed(2),
      r.runsPerSecond.max.toFixed(2),
      r.wallSeconds.median.toFixed(1),
      speedUp === null ? 'n/a' : ratio(speedUp),
    ];
  });
  const queueNote = result.results.some((r) => r.mode === 'queue')
    ? ''
    : '\nNo queue rows: `redis-server` was not found on this machine.\n';
  return `${machineHeading(result.machine)}

Measured ${result.measuredAt} at ${result.code ? `commit \`${result.code.commit.slice(0, 10)}\`${result.code.dirty ? ' (with uncommitted changes)' : ''}` : 'an unknown commit'}; result file \`bench/results/sweeps-${result.machineId}.json\`.
${c.runsPerSweep} runs of \`${c.scenario}\` (${c.years} years; \`${c.factor}\` ∈ {${c.values.join(', ')}} × ${c.replications} replications; keeping \`${c.keep.metrics.join('`, `')}\` for the ${c.keep.towns} of the towns), ${c.warmUpRounds ?? 0} untimed and ${c.repetitions} timed repetition${c.repetitions === 1 ? '' : 's'} of every set-up, round-robin.
Load average (1, 5, 15 min) ${result.loadAverage.start.join(', ')} at the start and ${result.loadAverage.end.join(', ')} at the end.
${queueNote}
${markdownTable(['mode', 'workers', 'median runs/s', 'min runs/s', 'max runs/s', 'median wall s', 'vs 1 worker'], rows)}
`;
}

export function sweepsSection(results: readonly SweepsBenchResult[]): string {
  const redis = results[0]?.config.redis ?? '';
  return `## Sweep throughput (\`npm run bench -- --only sweep\`, or \`npm run bench:sweeps\`)

Runs per second of one small sweep run end to end by the CLI, with 1..N workers. Each measurement is the wall time of the submitting \`clustersim sweep\` command, planning and merge included; runs/s = runs / wall.

- **local**: \`clustersim sweep FILE --workers N\` (N worker threads in that process).
- **queue**: \`clustersim sweep FILE --queue URL\` with N \`clustersim worker --queue URL --workers 1\`
  processes, started (and ready) before and stopped with SIGTERM after; a private \`redis-server\`${redis ? ` with \`${redis}\`` : ''}.

The set-ups run round-robin in one process; the table gives medians and the min/max, and _vs 1 worker_ is median runs/s over that with 1 worker, in the same mode.

${results.length > 0 ? results.map(machineSection).join('\n') : '_No results yet: run `npm run bench -- --only sweep`._\n'}`;
}
