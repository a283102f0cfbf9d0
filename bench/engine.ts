/**
 * Engine section: agent-ticks per second of `runOne` on the national scenario
 * (bangladesh-le-sector cut to a few years), for 1..N threads, round-robin in one
 * process. Writes bench/results/engine-<machine-id>.json.
 */
import type { ModelParams } from '../sim/params.js';
import { AGENT_TICKS_DEFINITION, type RunSample, timeRun } from './measure.js';
import { provenance } from './machine.js';
import { type EngineBenchResult, RESULT_FORMAT, summariseThreads, type ThreadResult, writeResult } from './results.js';
import { RESULTS_DIR } from './paths.js';
import { formatCount, formatMillions } from './format.js';
import { gcBetweenRuns, type QuietBudget, roundRobin } from './roundRobin.js';
import { NATIONAL_SCENARIO, type SuiteOptions } from './suiteOptions.js';
import { scenarioParams } from './scenarioParams.js';

export async function runEngineSection(
  options: SuiteOptions,
  quiet: QuietBudget,
): Promise<{ result: EngineBenchResult; path: string }> {
  const threadCounts = Array.from({ length: options.maxThreads }, (_, i) => i + 1);
  const params: ModelParams = scenarioParams(NATIONAL_SCENARIO, options.years);
  const ticks = params.years * 12;
  console.error(
    `engine: ${NATIONAL_SCENARIO}, ${params.years} year(s) (${ticks} ticks); threads ${threadCounts.join(', ')}; ` +
      `${options.warmUpRuns} warm-up + ${options.timedRuns} timed runs each`,
  );
  const records = await roundRobin<RunSample>(
    threadCounts.map((threads) => ({
      label: `threads=${threads}`,
      run: () => timeRun(params, options.seed, threads),
    })),
    options,
    quiet,
    (s) => `${s.wallSeconds.toFixed(2)} s, ${formatMillions(s.agentTicks / s.wallSeconds)} agent-ticks/s`,
  );
  const results: ThreadResult[] = [];
  for (const [index, threads] of threadCounts.entries())
    results.push(summariseThreads(threads, records[index], results[0] ?? null));
  const all = results.flatMap((r) => r.samples);
  const first = all[0];
  const result: EngineBenchResult = {
    format: RESULT_FORMAT,
    ...provenance(),
    config: {
      scenario: NATIONAL_SCENARIO,
      years: params.years,
      ticks,
      seed: options.seed,
      warmUpRunsPerThreadCount: options.warmUpRuns,
      timedRunsPerThreadCount: options.timedRuns,
      threadCounts,
      gcBetweenRuns: gcBetweenRuns(),
      maxOtherCoresBusy: options.maxOtherCoresBusy,
      redosPerRun: options.redosPerRun,
      agentTicksDefinition: AGENT_TICKS_DEFINITION,
    },
    work: {
      agentTicks: first.agentTicks,
      meanAgentsPerTick: first.agentTicks / ticks,
      firmsEverCreated: first.firmsEverCreated,
      workersEverCreated: first.workersEverCreated,
    },
    sameWorkInEveryRun: all.every((s) => s.agentTicks === first.agentTicks),
    processMaxRssBytes: process.resourceUsage().maxRSS * 1024, // maxRSS is in KiB
    results,
  };
  for (const r of results)
    console.log(
      `engine threads=${r.threads}: median ${formatMillions(r.agentTicksPerSecond.median)} agent-ticks/s ` +
        `(${r.speedUpVsOneThread.toFixed(2)}x), stepping ${formatMillions(r.steppingAgentTicksPerSecond.median)}; ` +
        `${formatCount(result.work.agentTicks)} agent-ticks per run`,
    );
  return { result, path: writeResult(RESULTS_DIR, result) };
}
