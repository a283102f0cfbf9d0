/**
 * The engine section's JSON result (bench/results/engine-<machine-id>.json): runOne on
 * the national scenario at 1..N threads. Written and read here.
 */
import { readResultFiles, resultFilePath, writeResultFile } from './resultFiles.js';
import type { MachineInfo } from './machine.js';
import type { RunSample } from './measure.js';
import { summarise, type Summary } from './stats.js';

export const RESULT_FORMAT = 'clustersim-bench-engine/2';

export interface ThreadResult {
  threads: number;
  agentTicksPerSecond: Summary;
  /** Median agent-ticks/s at this thread count over the median at 1 thread. */
  speedUpVsOneThread: number;
  steppingAgentTicksPerSecond: Summary;
  steppingSpeedUpVsOneThread: number;
  wallSeconds: Summary;
  /** CPU seconds (all threads) per run: above the 1-thread figure is the cost of threading. */
  processCpuSeconds: Summary;
  peakRssBytes: number;
  /** Median cores busy with other processes during the kept timed runs (null off Linux). */
  otherCoresBusyMedian: number | null;
  /** Timed runs thrown away and redone because other processes competed for the CPU. */
  redoneRuns: number;
  /** Kept runs that were still contended after every redo. */
  contendedRunsKept: number;
  samples: RunSample[];
}

export interface EngineBenchResult {
  format: typeof RESULT_FORMAT;
  measuredAt: string;
  machineId: string;
  machine: MachineInfo;
  code: { commit: string; dirty: boolean } | null;
  config: {
    /** Scenario name (bench/scenarioParams.ts) and the horizon it was cut to. */
    scenario: string;
    years: number;
    ticks: number;
    seed: number;
    warmUpRunsPerThreadCount: number;
    timedRunsPerThreadCount: number;
    threadCounts: number[];
    gcBetweenRuns: boolean;
    maxOtherCoresBusy: number;
    redosPerRun: number;
    agentTicksDefinition: string;
  };
  /** The same in every run when the engine is deterministic across thread counts (it should be). */
  work: { agentTicks: number; meanAgentsPerTick: number; firmsEverCreated: number; workersEverCreated: number };
  sameWorkInEveryRun: boolean;
  /** Process-lifetime peak RSS of the suite process when this section ended (not a per-run figure). */
  processMaxRssBytes: number;
  results: ThreadResult[];
}

export function summariseThreads(
  threads: number,
  measured: { samples: RunSample[]; redoneRuns: number; contendedRunsKept: number },
  oneThread: ThreadResult | null,
): ThreadResult {
  const { samples, redoneRuns, contendedRunsKept } = measured;
  const agentTicksPerSecond = summarise(samples.map((s) => s.agentTicks / s.wallSeconds));
  const steppingAgentTicksPerSecond = summarise(samples.map((s) => s.steppingAgentTicks / s.steppingSeconds));
  const base = oneThread ?? { agentTicksPerSecond, steppingAgentTicksPerSecond };
  return {
    threads,
    agentTicksPerSecond,
    speedUpVsOneThread: agentTicksPerSecond.median / base.agentTicksPerSecond.median,
    steppingAgentTicksPerSecond,
    steppingSpeedUpVsOneThread: steppingAgentTicksPerSecond.median / base.steppingAgentTicksPerSecond.median,
    wallSeconds: summarise(samples.map((s) => s.wallSeconds)),
    processCpuSeconds: summarise(samples.map((s) => s.processCpuSeconds)),
    peakRssBytes: Math.max(...samples.map((s) => s.peakRssBytes)),
    otherCoresBusyMedian: samples.every((s) => s.otherCoresBusy !== null)
      ? summarise(samples.map((s) => s.otherCoresBusy!)).median
      : null,
    redoneRuns,
    contendedRunsKept,
    samples,
  };
}

export function resultPath(resultsDir: string, machineId: string): string {
  return resultFilePath(resultsDir, 'engine', machineId);
}

export function writeResult(resultsDir: string, result: EngineBenchResult): string {
  return writeResultFile(resultsDir, 'engine', result);
}

/** Every engine result in the folder, sorted by machine id so the generated doc is stable. */
export function readResults(resultsDir: string): EngineBenchResult[] {
  return readResultFiles<EngineBenchResult>(resultsDir, 'engine', RESULT_FORMAT);
}
