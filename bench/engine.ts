/**
 * Engine throughput benchmark: agent-ticks per second of `runOne` on a synthetic
 * national-scale world, for 1..N threads, in one process.
 *
 *   npm run bench -- [--max-threads N] [--years N] [--runs N] ...   (see --help)
 *
 * Writes bench/results/engine-<machine-id>.json, then regenerates the engine section
 * of docs/BENCHMARKS.md from every result file (as `npm run bench:report` does).
 */
import { relative } from 'node:path';
import { syntheticWorldParams } from './syntheticWorld.js';
import { AGENT_TICKS_DEFINITION, type RunSample, timeRun } from './measure.js';
import { codeVersion, describeMachine, machineId } from './machine.js';
import { GOAL, GOAL_AGENT_TICKS_PER_SECOND } from './goal.js';
import { type EngineBenchResult, RESULT_FORMAT, summariseThreads, type ThreadResult, writeResult } from './results.js';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';
import { refreshBenchmarksDoc } from './benchmarksDoc.js';
import { formatCount, formatMillions } from './format.js';
import { parseOptions } from './options.js';
import { printSummary } from './summary.js';
import { waitForQuiet } from './otherLoad.js';

/** Collect garbage from the previous run outside the timed region, when node runs with --expose-gc. */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

interface ThreadSamples {
  samples: RunSample[];
  redoneRuns: number;
  contendedRunsKept: number;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const threadCounts = Array.from({ length: options.maxThreads }, (_, i) => i + 1);
  const params = syntheticWorldParams(options.world, options.seed);
  const ticks = params.years * 12;
  console.error(
    `bench: ${formatCount(options.world.firms)} founding firms in ${options.world.towns} towns, ` +
      `${params.years} year(s) (${ticks} ticks); threads ${threadCounts.join(', ')}; ` +
      `${options.warmUpRuns} warm-up + ${options.timedRuns} timed runs each` +
      (collectGarbage ? '' : ' (no --expose-gc: garbage from one run may be collected during the next)'),
  );

  let secondsWaited = 0;
  const runAndLog = async (threads: number, label: string): Promise<RunSample> => {
    collectGarbage?.();
    const waitedSeconds = await waitForQuiet(options.maxOtherCoresBusy, options.maxWaitSeconds - secondsWaited);
    secondsWaited += waitedSeconds;
    if (waitedSeconds >= 1) console.error(`  (waited ${waitedSeconds.toFixed(0)} s for other processes to go quiet)`);
    const sample = await timeRun(params, options.seed, threads);
    const rate = formatMillions(sample.agentTicks / sample.wallSeconds);
    const others = sample.otherCoresBusy === null ? '' : `, other processes ${sample.otherCoresBusy.toFixed(2)} cores`;
    console.error(`  ${label} threads=${threads}: ${sample.wallSeconds.toFixed(2)} s, ${rate} agent-ticks/s${others}`);
    return sample;
  };
  const contended = (sample: RunSample) => (sample.otherCoresBusy ?? 0) > options.maxOtherCoresBusy;

  for (let n = 0; n < options.warmUpRuns; n++) for (const threads of threadCounts) await runAndLog(threads, 'warm-up');
  // Round-robin over thread counts, so slow drift of the machine (other load, heat)
  // spreads over every thread count instead of biasing the one measured last. On a
  // shared machine, a run that other processes competed with is redone (a few times
  // at most) rather than let their load pass for the engine's scaling.
  const byThreads = new Map<number, ThreadSamples>(
    threadCounts.map((threads) => [threads, { samples: [], redoneRuns: 0, contendedRunsKept: 0 }]),
  );
  for (let n = 0; n < options.timedRuns; n++) {
    for (const threads of threadCounts) {
      const record = byThreads.get(threads)!;
      let sample = await runAndLog(threads, `run ${n + 1}`);
      for (let redo = 1; redo <= options.redosPerRun && contended(sample); redo++) {
        record.redoneRuns += 1;
        sample = await runAndLog(threads, `run ${n + 1} (redo ${redo}, contended)`);
      }
      if (contended(sample)) record.contendedRunsKept += 1;
      record.samples.push(sample);
    }
  }

  const results: ThreadResult[] = [];
  for (const threads of threadCounts)
    results.push(summariseThreads(threads, byThreads.get(threads)!, results[0] ?? null));
  const all = results.flatMap((r) => r.samples);
  const first = all[0];
  const best = results.reduce((a, b) => (b.agentTicksPerSecond.median > a.agentTicksPerSecond.median ? b : a));
  const machine = describeMachine();
  const result: EngineBenchResult = {
    format: RESULT_FORMAT,
    measuredAt: new Date().toISOString(),
    machineId: machineId(machine),
    machine,
    code: codeVersion(),
    config: {
      world: options.world,
      ticks,
      seed: options.seed,
      warmUpRunsPerThreadCount: options.warmUpRuns,
      timedRunsPerThreadCount: options.timedRuns,
      threadCounts,
      gcBetweenRuns: collectGarbage !== undefined,
      maxOtherCoresBusy: options.maxOtherCoresBusy,
      redosPerRun: options.redosPerRun,
      maxWaitSeconds: options.maxWaitSeconds,
      agentTicksDefinition: AGENT_TICKS_DEFINITION,
    },
    work: {
      agentTicks: first.agentTicks,
      meanAgentsPerTick: first.agentTicks / ticks,
      firmsEverCreated: first.firmsEverCreated,
      workersEverCreated: first.workersEverCreated,
    },
    sameWorkInEveryRun: all.every((s) => s.agentTicks === first.agentTicks),
    secondsWaitedForQuiet: secondsWaited,
    processMaxRssBytes: process.resourceUsage().maxRSS * 1024, // maxRSS is in KiB
    goal: {
      label: GOAL.label,
      firms: GOAL.firms,
      workers: GOAL.workers,
      years: GOAL.years,
      wallSecondsBudget: GOAL.wallSecondsBudget,
      requiredAgentTicksPerSecond: GOAL_AGENT_TICKS_PER_SECOND,
      bestMedianAgentTicksPerSecond: best.agentTicksPerSecond.median,
      bestThreads: best.threads,
      shortfallFactor: GOAL_AGENT_TICKS_PER_SECOND / best.agentTicksPerSecond.median,
    },
    results,
  };
  const path = writeResult(RESULTS_DIR, result);
  printSummary(result);
  const doc = await refreshBenchmarksDoc();
  console.log(`\nwrote ${relative(REPO_ROOT, path)} and ${doc.path} (from ${doc.resultFiles} result file(s))`);
}

await main();
