/** The floor section's JSON result (bench/results/floor-<machine-id>.json) and its part of the doc. */
import type { Provenance } from './machine.js';
import type { Summary } from './stats.js';
import type { AgentTraffic, PassTraffic } from './floorCounts.js';
import type { EngineBenchResult } from './results.js';
import { formatCount } from './format.js';
import { codeText, machineHeading, markdownTable, measuredLine, plural, ratio } from './docParts.js';

export const FLOOR_RESULT_FORMAT = 'clustersim-bench-floor/1';

export interface FloorSample {
  seconds: number;
  nsPerAgentTick: number;
  /** Each pass's wall time per agent of its kind, in TRAFFIC_PASSES order. */
  passNsPerAgent: number[];
  otherCoresBusy: number | null;
}

export interface FloorThreadResult {
  threads: number;
  nsPerAgentTick: Summary;
  passNsPerAgentMedian: number[];
  redoneRuns: number;
  contendedRunsKept: number;
  samples: FloorSample[];
}

export interface FloorBenchResult extends Provenance {
  format: typeof FLOOR_RESULT_FORMAT;
  config: {
    firms: number;
    workers: number;
    ticksPerRepetition: number;
    warmUpRepetitions: number;
    timedRepetitions: number;
    threadCounts: number[];
  };
  traffic: { passes: PassTraffic[]; perWorkerTick: AgentTraffic; perFirmTick: AgentTraffic };
  results: FloorThreadResult[];
  /** Sum of the kernel's values on the main thread: recorded so no compiler could drop the work as dead. */
  checksum: number;
}

export interface FloorComparison {
  threads: number;
  /** Engine, months 2..T (set-up left out, as the floor has none). */
  engineNsPerAgentTick: number;
  floorNsPerAgentTick: number;
  /** Engine ns per agent-tick over the floor's: 1 would be the floor itself. */
  engineOverFloor: number;
  engine: EngineBenchResult;
}

/** Engine (median stepping rate) against the floor at a thread count on the same machine; null without both. */
export function compareWithFloor(
  floor: FloorBenchResult,
  engines: readonly EngineBenchResult[],
  threads = 1,
): FloorComparison | null {
  const engine = engines.find((e) => e.machineId === floor.machineId);
  const engineThreads = engine?.results.find((r) => r.threads === threads);
  const floorThreads = floor.results.find((r) => r.threads === threads);
  if (!engine || !engineThreads || !floorThreads) return null;
  const engineNsPerAgentTick = 1e9 / engineThreads.steppingAgentTicksPerSecond.median;
  return {
    threads,
    engineNsPerAgentTick,
    floorNsPerAgentTick: floorThreads.nsPerAgentTick.median,
    engineOverFloor: engineNsPerAgentTick / floorThreads.nsPerAgentTick.median,
    engine,
  };
}

/** Bytes per agent-tick averaged over the floor's mix of firms and workers. */
export function meanBytesPerAgentTick(result: FloorBenchResult): number {
  const { firms, workers } = result.config;
  const { perFirmTick, perWorkerTick } = result.traffic;
  return (firms * perFirmTick.bytes + workers * perWorkerTick.bytes) / (firms + workers);
}

function trafficTable(result: FloorBenchResult): string {
  const { traffic } = result;
  const oneThread = result.results.find((r) => r.threads === 1);
  const passRows = traffic.passes.map((p, i) => [
    p.name,
    `\`${p.source}\``,
    p.over,
    p.parallel ? 'yes' : 'no',
    p.columnsRead,
    p.columnsWritten,
    p.bytesRead,
    p.bytesWritten,
    p.drawBases,
    p.uniformDraws,
    oneThread ? oneThread.passNsPerAgentMedian[i].toFixed(2) : 'n/a',
  ]);
  const totals = (label: string, t: AgentTraffic) => [
    `**per ${label}-tick**`,
    '',
    '',
    '',
    t.columnsRead,
    t.columnsWritten,
    t.bytesRead,
    t.bytesWritten,
    t.drawBases,
    t.uniformDraws,
    '',
  ];
  return markdownTable(
    [
      'pass',
      'counted from',
      'over',
      'split over threads',
      'columns read',
      'columns written',
      'bytes read',
      'bytes written',
      'draw bases',
      'uniform draws',
      'floor ns per agent, 1 thread',
    ],
    [...passRows, totals('worker', traffic.perWorkerTick), totals('firm', traffic.perFirmTick)],
  );
}

function threadTable(result: FloorBenchResult, engines: readonly EngineBenchResult[]): string {
  const oneThread = result.results.find((r) => r.threads === 1);
  const rows = result.results.map((r) => {
    const comparison = compareWithFloor(result, engines, r.threads);
    return [
      r.threads,
      r.nsPerAgentTick.median.toFixed(2),
      r.nsPerAgentTick.min.toFixed(2),
      r.nsPerAgentTick.max.toFixed(2),
      oneThread ? ratio(oneThread.nsPerAgentTick.median / r.nsPerAgentTick.median) : 'n/a',
      comparison ? comparison.engineNsPerAgentTick.toFixed(1) : 'n/a',
      comparison ? ratio(comparison.engineOverFloor) : 'n/a',
      `${r.redoneRuns}${r.contendedRunsKept > 0 ? ` (${r.contendedRunsKept} contended kept)` : ''}`,
    ];
  });
  return markdownTable(
    [
      'threads',
      'floor ns per agent-tick (median)',
      'min',
      'max',
      'floor speed-up vs 1 thread',
      'engine ns per agent-tick (stepping)',
      'engine / floor',
      'repetitions redone',
    ],
    rows,
  );
}

function machineSection(result: FloorBenchResult, engines: readonly EngineBenchResult[]): string {
  const { config } = result;
  const comparison = compareWithFloor(result, engines, 1);
  const verdict = comparison
    ? `**Engine vs floor, 1 thread: ${ratio(comparison.engineOverFloor)}** (engine ${comparison.engineNsPerAgentTick.toFixed(1)} ns per agent-tick from the engine section, ${codeText(comparison.engine.code)}, \`${comparison.engine.config.scenario}\` cut to ${plural(comparison.engine.config.years, 'year')}; floor ${comparison.floorNsPerAgentTick.toFixed(1)} ns).`
    : '_No 1-thread engine result for this machine: run `npm run bench -- --only engine` for the ratio._';
  return `${machineHeading(result.machine)}

${measuredLine('floor', result)}
${formatCount(config.firms)} firms and ${formatCount(config.workers)} workers (the scenario's stated size), ${config.ticksPerRepetition} ticks per repetition, ${plural(config.warmUpRepetitions, 'warm-up repetition')} and ${plural(config.timedRepetitions, 'timed repetition')} per thread count, round-robin; checksum ${result.checksum.toPrecision(6)}.
Mean traffic ${meanBytesPerAgentTick(result).toFixed(1)} bytes per agent-tick over this mix of firms and workers.

${trafficTable(result)}

${threadTable(result, engines)}

${verdict}
`;
}

export function floorSection(results: readonly FloorBenchResult[], engines: readonly EngineBenchResult[]): string {
  return `## Floor kernel (\`npm run bench -- --only floor\`)

**What is measured.** How close the engine is to this machine's limit per agent-tick. The floor kernel (\`bench/floorKernel.ts\`) does only what a tick must do to memory and the random streams: for every agent, it reads and writes the typed-array columns, at the engine's widths, that the engine's hot loops touch, reads the employer's firm row through the worker's \`employer\` column, and takes the same counter-based draws (\`drawBase\`/\`uniformAt\` from \`sim/rng/streams.ts\`); it computes nothing else.

**How the columns were counted** (\`bench/floorCounts.ts\`): by reading each hot loop (the _counted from_ column) along its main path - a worker alive, employed by a trading firm, neither retiring nor leaving, its employer not shrinking; a firm alive, making products that need processes, not copying a design, no own uncopied design, no courses, partnerships or association in its town, its owner not near giving up. A column counts once per agent-tick for reading and once for writing, however often the loop touches it (the engine keeps the value in a local). Rare branches (retirement, quits, spin-offs, lay-offs, dropped products, machine purchases, launches, the imitation scan beyond its first candidate), per-town and per-product arrays (a few kB, in cache) and December's annual passes are left out, and workers' employers are laid out contiguously (the cheapest pattern): the floor is if anything too fast, so the ratio can only overstate the gap. The tests check that every column named exists in the engine's stores and appears in the file it was counted from, and that the compiled floor loop reads, writes and draws exactly what the table says.

**Threads.** The floor splits a tick as the engine does: the block kernels' passes (_split over threads_) go block by block to 1..N threads, the serial passes run on the main thread. Its speed-up shows what this machine's memory allows for the traffic alone. _Engine / floor_ divides the engine's ns per agent-tick (median stepping rate, months 2..T, engine section, same machine and thread count) by the floor's; the target is at most 3x at 1 thread.

${results.length > 0 ? results.map((r) => machineSection(r, engines)).join('\n') : '_No results yet: run `npm run bench -- --only floor`._\n'}`;
}
