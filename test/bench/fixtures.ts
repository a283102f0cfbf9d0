/**
 * Hand-made result files for the report generator's tests: round numbers whose
 * ratios and verdicts can be worked out by hand (see each comment).
 */
import type { AllResults } from '../../bench/allResults.js';
import type { MachineInfo } from '../../bench/machine.js';
import type { RunSample, WallSample } from '../../bench/measure.js';
import { type EngineBenchResult, RESULT_FORMAT, summariseThreads } from '../../bench/results.js';
import {
  REFERENCE_RESULT_FORMAT,
  type ReferenceBenchResult,
  summariseImplementation,
} from '../../bench/referenceResults.js';
import { SWEEPS_RESULT_FORMAT, type SweepsBenchResult } from '../../bench/sweepsResults.js';
import { MEMORY_RESULT_FORMAT, type MemoryBenchResult } from '../../bench/memoryResults.js';
import { FLOOR_RESULT_FORMAT, type FloorBenchResult } from '../../bench/floorResults.js';
import { CEILING_RESULT_FORMAT, type CeilingBenchResult } from '../../bench/ceilingResults.js';
import { agentTraffic, passTraffic, TRAFFIC_PASSES } from '../../bench/floorCounts.js';
import type { MemoryChildReport, MemoryMode } from '../../bench/memoryChild.js';
import { NATIONAL_RESULT_FORMAT, type NationalBenchResult } from '../../bench/nationalResults.js';

export const MACHINE: MachineInfo = {
  cpuModel: 'Test CPU',
  logicalCores: 2,
  totalMemoryBytes: 8 * 2 ** 30,
  nodeVersion: 'v20.0.0',
  platform: 'linux',
  arch: 'x64',
};

const PROVENANCE = {
  measuredAt: '2026-01-02T03:04:05.000Z',
  machineId: 'test-cpu-2c',
  machine: MACHINE,
  code: { commit: 'abcdef0123456789abcdef0123456789abcdef01', dirty: false },
};

const MiB = 2 ** 20;

/** A run of 10 M agent-ticks: 1 s of set-up, then `stepping` seconds for 9 M agent-ticks. */
function runSample(steppingSeconds: number): RunSample {
  return {
    wallSeconds: 1 + steppingSeconds,
    agentTicks: 10_000_000,
    steppingSeconds,
    steppingAgentTicks: 9_000_000,
    peakRssBytes: 300 * MiB,
    firmsEverCreated: 60_000,
    workersEverCreated: 700_000,
    processCpuSeconds: 1 + steppingSeconds,
    otherCoresBusy: 0,
  };
}

/**
 * 1 thread: stepping 0.9 s -> 10 M agent-ticks/s = 100 ns per agent-tick; wall 1.9 s.
 * 2 threads: stepping 0.6 s -> 15 M/s; wall 1.6 s -> end-to-end speed-up 1.9 / 1.6 = 1.1875x (< 1.7: not met).
 * 40 years at 2 threads: 1 s set-up + 316.8 M / 15 M = 22.12 s (not met).
 */
export function engineResult(): EngineBenchResult {
  const one = summariseThreads(
    1,
    { samples: [0.9, 0.9, 0.9].map(runSample), redoneRuns: 0, contendedRunsKept: 0 },
    null,
  );
  const two = summariseThreads(
    2,
    { samples: [0.6, 0.6, 0.6].map(runSample), redoneRuns: 1, contendedRunsKept: 0 },
    one,
  );
  return {
    format: RESULT_FORMAT,
    ...PROVENANCE,
    config: {
      scenario: 'bangladesh-le-sector',
      years: 3,
      ticks: 36,
      seed: 1,
      warmUpRunsPerThreadCount: 1,
      timedRunsPerThreadCount: 3,
      threadCounts: [1, 2],
      gcBetweenRuns: true,
      maxOtherCoresBusy: 0.25,
      redosPerRun: 3,
      agentTicksDefinition: 'test',
    },
    work: { agentTicks: 10_000_000, meanAgentsPerTick: 277_778, firmsEverCreated: 60_000, workersEverCreated: 700_000 },
    sameWorkInEveryRun: true,
    processMaxRssBytes: 320 * MiB,
    results: [one, two],
  };
}

const wallSample = (wallSeconds: number, hash = 'same'): WallSample => ({
  wallSeconds,
  agentTicks: 1_000_000,
  processCpuSeconds: wallSeconds,
  otherCoresBusy: 0,
  metricsSha256: hash,
});

/** Engine 0.5 s, reference 6 s: 12x (>= 10: met). */
export function referenceResult(identicalMetrics = true): ReferenceBenchResult {
  const engine = summariseImplementation('engine (runOne, 1 thread)', {
    samples: [0.5, 0.5, 0.5].map((s) => wallSample(s)),
    redoneRuns: 0,
    contendedRunsKept: 0,
  });
  const reference = summariseImplementation('reference (bench/reference)', {
    samples: [6, 6, 6].map((s) => wallSample(s)),
    redoneRuns: 0,
    contendedRunsKept: 0,
  });
  return {
    format: REFERENCE_RESULT_FORMAT,
    ...PROVENANCE,
    config: {
      scenario: 'bangladesh-le-sector',
      years: 1,
      ticks: 12,
      seed: 1,
      warmUpRuns: 1,
      timedRuns: 3,
      gcBetweenRuns: true,
    },
    agentTicks: 1_000_000,
    identicalMetrics,
    engine,
    reference,
    engineSpeedUp: 12,
  };
}

const summary = (median: number) => ({ median, min: median, max: median });

/** Local 10 / 19 runs/s: 1.9x (>= 1.8: met). */
export function sweepsResult(): SweepsBenchResult {
  const setup = (workers: number, runsPerSecond: number) => ({
    mode: 'local' as const,
    workers,
    command: `clustersim sweep FILE --workers ${workers}`,
    wallSeconds: summary(48 / runsPerSecond),
    runsPerSecond: summary(runsPerSecond),
    samples: [],
  });
  return {
    format: SWEEPS_RESULT_FORMAT,
    ...PROVENANCE,
    nodeVersion: 'v20.0.0',
    loadAverage: { start: [0, 0, 0], end: [0, 0, 0] },
    config: {
      scenario: 'punjab-farm-equipment',
      years: 5,
      factor: 'labour.quitProbabilityPerMonth',
      values: [0.01, 0.02, 0.04],
      replications: 16,
      runsPerSweep: 48,
      repetitions: 3,
      keep: { metrics: ['firms'], towns: 'total' },
      redis: '',
    },
    results: [setup(1, 10), setup(2, 19)],
    ratios: { local: 1.9, queue: null },
  };
}

function memoryReport(
  threads: number,
  peakRssMiB: number,
  years: number,
  mode: MemoryMode = 'streamed',
): MemoryChildReport {
  return {
    years,
    threads,
    mode,
    peakRssBytes: peakRssMiB * MiB,
    peakHeapAndArrayBuffersBytes: 100 * MiB,
    peakHeapUsedBytes: 60 * MiB,
    peakArrayBuffersBytes: 40 * MiB,
    agentStoreBytes: 30 * MiB,
    peakAliveAgents: 700_000,
    firmsEverCreated: 60_000,
    workersEverCreated: 700_000,
    wallSeconds: 2,
  };
}

/** 2 threads streamed at `peakRssMiB` after `years` years (1 thread 10 MiB less; 1 thread held 900 MiB); baseline 70 MiB. */
export function memoryResult(years: number, peakRssMiB: number): MemoryBenchResult {
  return {
    format: MEMORY_RESULT_FORMAT,
    ...PROVENANCE,
    config: { scenario: 'bangladesh-le-sector', years, seed: 1, command: 'node dist/bench/memoryChild.js ...' },
    baseline: { ...memoryReport(1, 70, 0), peakAliveAgents: 0 },
    results: [
      memoryReport(1, peakRssMiB - 10, years),
      memoryReport(2, peakRssMiB, years),
      memoryReport(1, 900, years, 'held'),
    ],
  };
}

/**
 * Floor 40 ns per agent-tick at 1 thread: the engine's 100 ns is 2.5x (<= 3: met).
 * 2 threads 25 ns (1.6x the floor's 1-thread rate); the engine's 2-thread 66.7 ns is 2.67x.
 */
export function floorResult(nsPerAgentTick = 40): FloorBenchResult {
  const thread = (threads: number, ns: number) => ({
    threads,
    nsPerAgentTick: summary(ns),
    passNsPerAgentMedian: TRAFFIC_PASSES.map(() => 1),
    redoneRuns: 0,
    contendedRunsKept: 0,
    samples: [],
  });
  return {
    format: FLOOR_RESULT_FORMAT,
    ...PROVENANCE,
    config: {
      firms: 60_000,
      workers: 600_000,
      ticksPerRepetition: 12,
      warmUpRepetitions: 1,
      timedRepetitions: 3,
      threadCounts: [1, 2],
    },
    traffic: {
      passes: TRAFFIC_PASSES.map(passTraffic),
      perWorkerTick: agentTraffic('workers'),
      perFirmTick: agentTraffic('firms'),
    },
    results: [thread(1, nsPerAgentTick), thread(2, 25)],
    checksum: 123,
  };
}

/** `clustersim run`, 40 years: 60 s and 500 MiB at 1 thread, 40 s and 380 MiB at 2. */
export function nationalResult(): NationalBenchResult {
  const thread = (threads: number, wallSeconds: number, peakRssMiB: number) => ({
    threads,
    wallSeconds: summary(wallSeconds),
    simulationSeconds: summary(wallSeconds - 5),
    peakRssBytes: summary(peakRssMiB * MiB),
    cpuSeconds: summary(60),
    agentTicksPerSecond: 300_000_000 / wallSeconds,
    samples: [],
  });
  return {
    format: NATIONAL_RESULT_FORMAT,
    ...PROVENANCE,
    config: {
      scenario: 'bangladesh-le-sector',
      seed: 1,
      years: null,
      runsPerThreadCount: 1,
      command: 'clustersim run bangladesh-le-sector --seed 1 --quiet --threads N',
      notCompared: ['run.json', 'report.html'],
    },
    work: {
      ticks: 480,
      firmsAtStart: 60_000,
      workersAtStart: 600_000,
      firmsAtEnd: 55_000,
      workersAtEnd: 650_000,
      agentTicks: 300_000_000,
      outputBytes: { 'events.jsonl': 100 * MiB },
    },
    identicalOutputs: true,
    results: [thread(1, 60, 500), thread(2, 40, 380)],
  };
}

/**
 * Engine copies: 1 copy 10 M agent-ticks in 2 s (5 M/s); 2 copies 4 s and 2.5 s -> 20 M
 * over the slower 4 s = 5 M/s: 1.00x. Spin copies: 1.5 s alone and together -> 2.00x.
 */
export function ceilingResult(): CeilingBenchResult {
  const row = (work: 'engine' | 'spin', copies: number, copySeconds: number[], unitsPerCopy: number) => ({
    work,
    copies,
    samples: [{ copySeconds, unitsPerCopy }],
  });
  return {
    format: CEILING_RESULT_FORMAT,
    ...PROVENANCE,
    config: { scenario: 'bangladesh-le-sector', years: 3, seed: 1, rounds: 1, spinIterations: 300_000_000 },
    rows: [
      row('engine', 1, [2], 10_000_000),
      row('engine', 2, [4, 2.5], 10_000_000),
      row('spin', 1, [1.5], 300_000_000),
      row('spin', 2, [1.5, 1.5], 300_000_000),
    ],
  };
}

export function allResults(overrides: Partial<AllResults> = {}): AllResults {
  return {
    engine: [engineResult()],
    reference: [referenceResult()],
    sweeps: [sweepsResult()],
    memory: [memoryResult(3, 250)],
    floor: [floorResult()],
    ceiling: [ceilingResult()],
    national: [] as NationalBenchResult[],
    ...overrides,
  };
}
