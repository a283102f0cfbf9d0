/**
 * One timed simulation run and the work it did, counted in agent-ticks.
 *
 * Agent-ticks of a month = firms trading + workers in the labour force (employed or
 * not), read from the engine's own all-towns metric row; a run's agent-ticks are
 * the sum over its months. Counting alive agents (not ids ever created) keeps the
 * figure honest when firms exit or the labour force shrinks during the run.
 */
import { createHash } from 'node:crypto';
import type { ModelParams } from '../sim/params.js';
import { runOne, type RunResult } from '../sim/runOne.js';
import { markCpu, otherCoresBusy } from './otherLoad.js';

export const AGENT_TICKS_DEFINITION =
  'agent-ticks = sum over simulated months of (firms trading + workers in the labour force), ' +
  "from the engine's all-towns 'firms' and 'workers' metrics";

export interface RunSample {
  /** runOne end to end: world build, initialisation, thread-pool start and stop, every tick. */
  wallSeconds: number;
  agentTicks: number;
  /** Months 2..T only (from the end of month 1 to the end of the run): the per-tick rate without set-up. */
  steppingSeconds: number;
  steppingAgentTicks: number;
  /** Highest process RSS seen at the end of a month (worker threads share the process RSS). */
  peakRssBytes: number;
  firmsEverCreated: number;
  workersEverCreated: number;
  /** CPU time of this process (all threads, user + system) during the run. */
  processCpuSeconds: number;
  /** Mean cores kept busy by other processes during the run (null off Linux): contention, not our work. */
  otherCoresBusy: number | null;
}

function metricIndex(result: RunResult, name: string): number {
  const index = result.metricNames.indexOf(name);
  if (index < 0) throw new Error(`bench: the engine no longer reports the '${name}' metric`);
  return index;
}

/** Alive agents in each month, from the all-towns row (row `towns` of each tick). */
export function agentsPerTick(result: RunResult): Float64Array {
  const metricCount = result.metricNames.length;
  const allTownsRow = result.townNames.length;
  const firms = metricIndex(result, 'firms');
  const workers = metricIndex(result, 'workers');
  const perTick = new Float64Array(result.ticks);
  for (let tick = 0; tick < result.ticks; tick++) {
    const offset = (tick * (allTownsRow + 1) + allTownsRow) * metricCount;
    perTick[tick] = result.metrics[offset + firms] + result.metrics[offset + workers];
  }
  return perTick;
}

export async function timeRun(params: ModelParams, seed: number, threads: number): Promise<RunSample> {
  let firstTickEnd = 0;
  let lastTickEnd = 0;
  let peakRssBytes = 0;
  const cpuBefore = markCpu();
  const cpuUsageBefore = process.cpuUsage();
  const start = performance.now();
  const result = await runOne({
    params,
    seed,
    threads,
    onTick(ticksDone) {
      const now = performance.now();
      if (ticksDone === 1) firstTickEnd = now;
      lastTickEnd = now;
      // memoryUsage.rss() is the cheap form (no heap walk); once a month is noise next to a tick.
      peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
    },
  });
  const end = performance.now();
  const cpuUsage = process.cpuUsage(cpuUsageBefore);
  const cpuAfter = markCpu();
  const perTick = agentsPerTick(result);
  const agentTicks = perTick.reduce((sum, agents) => sum + agents, 0);
  return {
    wallSeconds: (end - start) / 1000,
    agentTicks,
    steppingSeconds: (lastTickEnd - firstTickEnd) / 1000,
    steppingAgentTicks: agentTicks - perTick[0],
    peakRssBytes,
    firmsEverCreated: result.firmsEverCreated,
    workersEverCreated: result.workersEverCreated,
    processCpuSeconds: (cpuUsage.user + cpuUsage.system) / 1e6,
    otherCoresBusy: otherCoresBusy(cpuBefore, cpuAfter, (end - start) / 1000),
  };
}

/** A whole run timed from outside (no per-tick hook): what the engine vs reference comparison needs. */
export interface WallSample {
  wallSeconds: number;
  agentTicks: number;
  processCpuSeconds: number;
  otherCoresBusy: number | null;
  /** sha256 of the run's metric array: equal hashes mean the two implementations agree on every metric. */
  metricsSha256: string;
}

export function metricsSha256(result: RunResult): string {
  const metrics = result.metrics;
  return createHash('sha256')
    .update(new Uint8Array(metrics.buffer, metrics.byteOffset, metrics.byteLength))
    .digest('hex');
}

/** Time `run` end to end (it builds the world and steps it, like runOne). */
export async function timeWholeRun(run: () => Promise<RunResult> | RunResult): Promise<WallSample> {
  const cpuBefore = markCpu();
  const cpuUsageBefore = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const end = performance.now();
  const cpuUsage = process.cpuUsage(cpuUsageBefore);
  const cpuAfter = markCpu();
  return {
    wallSeconds: (end - start) / 1000,
    agentTicks: agentsPerTick(result).reduce((sum, agents) => sum + agents, 0),
    processCpuSeconds: (cpuUsage.user + cpuUsage.system) / 1e6,
    otherCoresBusy: otherCoresBusy(cpuBefore, cpuAfter, (end - start) / 1000),
    metricsSha256: metricsSha256(result),
  };
}
