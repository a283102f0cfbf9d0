/** The floor section's JSON result (bench/results/floor-<machine-id>.json) and its part of the doc. */
import type { Provenance } from './machine.js';
import type { Summary } from './stats.js';
import type { AgentTraffic, PassTraffic } from './floorCounts.js';
import type { EngineBenchResult } from './results.js';
import { formatCount } from './format.js';
import { codeText, machineHeading, markdownTable, measuredLine, ratio } from './docParts.js';

export const FLOOR_RESULT_FORMAT = 'clustersim-bench-floor/1';

export interface FloorSample {
  seconds: number;
  nsPerAgentTick: number;
  /** Each pass's time per agent of its kind, in TRAFFIC_PASSES order. */
  passNsPerAgent: number[];
  otherCoresBusy: number | null;
}

export interface FloorBenchResult extends Provenance {
  format: typeof FLOOR_RESULT_FORMAT;
  config: {
    firms: number;
    workers: number;
    ticksPerRepetition: number;
    warmUpRepetitions: number;
    timedRepetitions: number;
  };
  traffic: { passes: PassTraffic[]; perWorkerTick: AgentTraffic; perFirmTick: AgentTraffic };
  nsPerAgentTick: Summary;
  passNsPerAgentMedian: number[];
  redoneRuns: number;
  contendedRunsKept: number;
  samples: FloorSample[];
  /** Sum of the kernel's values: printed so no engine could drop the work as dead. */
  checksum: number;
}

export interface FloorComparison {
  /** Engine, 1 thread, months 2..T (set-up left out, as the floor has none). */
  engineNsPerAgentTick: number;
  floorNsPerAgentTick: number;
  /** Engine ns per agent-tick over the floor's: 1 would be the floor itself. */
  engineOverFloor: number;
  engine: EngineBenchResult;
}

/** Engine (1-thread stepping median) against the floor on the same machine; null without a 1-thread engine result. */
export function compareWithFloor(
  floor: FloorBenchResult,
  engines: readonly EngineBenchResult[],
): FloorComparison | null {
  const engine = engines.find((e) => e.machineId === floor.machineId);
  const oneThread = engine?.results.find((r) => r.threads === 1);
  if (!engine || !oneThread) return null;
  const engineNsPerAgentTick = 1e9 / oneThread.steppingAgentTicksPerSecond.median;
  return {
    engineNsPerAgentTick,
    floorNsPerAgentTick: floor.nsPerAgentTick.median,
    engineOverFloor: engineNsPerAgentTick / floor.nsPerAgentTick.median,
    engine,
  };
}

/** Bytes per agent-tick averaged over the floor's mix of firms and workers. */
export function meanBytesPerAgentTick(result: FloorBenchResult): number {
  const { firms, workers } = result.config;
  const { perFirmTick, perWorkerTick } = result.traffic;
  return (firms * perFirmTick.bytes + workers * perWorkerTick.bytes) / (firms + workers);
}

function machineSection(result: FloorBenchResult, engines: readonly EngineBenchResult[]): string {
  const { config, traffic } = result;
  const passRows = traffic.passes.map((p, i) => [
    p.name,
    p.over,
    p.columnsRead,
    p.columnsWritten,
    p.bytesRead,
    p.bytesWritten,
    p.drawBases,
    p.uniformDraws,
    (result.passNsPerAgentMedian[i] ?? NaN).toFixed(2),
  ]);
  const totals = (label: string, t: AgentTraffic) => [
    `**per ${label}-tick**`,
    '',
    t.columnsRead,
    t.columnsWritten,
    t.bytesRead,
    t.bytesWritten,
    t.drawBases,
    t.uniformDraws,
    '',
  ];
  const comparison = compareWithFloor(result, engines);
  const verdict = comparison
    ? `**Engine vs floor: ${ratio(comparison.engineOverFloor)}** - the engine takes ${comparison.engineNsPerAgentTick.toFixed(1)} ns per agent-tick (1 thread, median stepping rate of the engine section, ${codeText(comparison.engine.code)}, ${comparison.engine.config.scenario} cut to ${comparison.engine.config.years} year(s)) against the floor's ${comparison.floorNsPerAgentTick.toFixed(1)} ns.`
    : '_No 1-thread engine result for this machine yet: run `npm run bench -- --only engine` for the ratio._';
  return `${machineHeading(result.machine)}

${measuredLine('floor', result)}
${formatCount(config.firms)} firms and ${formatCount(config.workers)} workers (the scenario's stated size), ${config.ticksPerRepetition} ticks per repetition, ${config.warmUpRepetitions} warm-up and ${config.timedRepetitions} timed repetitions, 1 thread; checksum ${result.checksum.toPrecision(6)}.
Mean traffic ${meanBytesPerAgentTick(result).toFixed(1)} bytes per agent-tick over this mix.

${markdownTable(
  [
    'pass',
    'over',
    'columns read',
    'columns written',
    'bytes read',
    'bytes written',
    'draw bases',
    'uniform draws',
    'floor ns per agent (median)',
  ],
  [...passRows, totals('worker', traffic.perWorkerTick), totals('firm', traffic.perFirmTick)],
)}

Floor: median ${result.nsPerAgentTick.median.toFixed(2)} ns per agent-tick (min ${result.nsPerAgentTick.min.toFixed(2)}, max ${result.nsPerAgentTick.max.toFixed(2)}); repetitions redone for other load: ${result.redoneRuns}${result.contendedRunsKept > 0 ? ` (${result.contendedRunsKept} contended kept)` : ''}.

${verdict}
`;
}

export function floorSection(results: readonly FloorBenchResult[], engines: readonly EngineBenchResult[]): string {
  return `## Floor kernel (\`npm run bench -- --only floor\`)

**What is measured.** How close the engine is to this machine's limit per agent-tick. The floor kernel (\`bench/floorKernel.ts\`) does only what a tick must do to memory and the random streams: for every agent, it reads and writes the same typed-array columns, at the engine's widths, that the engine's hot loops touch on their main path (\`bench/floorCounts.ts\`, counted from the files named below), reads the employer's firm row through the worker's \`employer\` column, and takes the same counter-based draws (\`drawBase\`/\`uniformAt\` from \`sim/rng/streams.ts\`); it computes nothing else.
Rarely taken branches, per-town arrays and December's annual passes are left out, and workers' employers are laid out contiguously (the cheapest pattern), so the floor is if anything too fast and the ratio overstates the gap.
_Engine vs floor_ divides the engine's ns per agent-tick (1 thread, months 2..T, from the engine section on the same machine) by the floor's; the target is at most 3x.

${results.length > 0 ? results.map((r) => machineSection(r, engines)).join('\n') : '_No results yet: run `npm run bench -- --only floor`._\n'}`;
}
