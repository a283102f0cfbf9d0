/**
 * Floor section: the floor kernel (bench/floorKernel.ts) at the national scenario's
 * stated size, 60,000 firms and 600,000 workers, on 1..N threads split as the engine
 * splits a tick (bench/floorPool.ts), round-robin; ns per agent-tick over repetitions
 * of a few ticks. Writes bench/results/floor-<machine-id>.json.
 */
import { GOAL } from './goal.js';
import { markCpu, otherCoresBusy } from './otherLoad.js';
import { provenance } from './machine.js';
import { RESULTS_DIR } from './paths.js';
import { writeResultFile } from './resultFiles.js';
import { agentTraffic, passTraffic, TRAFFIC_PASSES } from './floorCounts.js';
import { createFloorWorld } from './floorKernel.js';
import { createFloorPool, type FloorPool } from './floorPool.js';
import { type QuietBudget, roundRobin } from './roundRobin.js';
import type { SuiteOptions } from './suiteOptions.js';
import { summarise } from './stats.js';
import {
  FLOOR_RESULT_FORMAT,
  type FloorBenchResult,
  type FloorSample,
  type FloorThreadResult,
} from './floorResults.js';

export async function runFloorSection(
  options: SuiteOptions,
  quiet: QuietBudget,
): Promise<{ result: FloorBenchResult; path: string }> {
  const firms = GOAL.firms;
  const workers = GOAL.workers;
  const agents = firms + workers;
  const threadCounts = Array.from({ length: options.maxThreads }, (_, i) => i + 1);
  const world = createFloorWorld(firms, workers);
  console.error(
    `floor: ${firms} firms + ${workers} workers, ${options.floorTicks} ticks per repetition; threads ${threadCounts.join(', ')}; ` +
      `${options.warmUpRuns} warm-up + ${options.timedRuns} timed repetitions each`,
  );
  const pools: FloorPool[] = [];
  let tick = 0;
  let checksum = 0;
  try {
    for (const threads of threadCounts) pools.push(await createFloorPool(world, threads));
    // One untimed tick on each pool so every pass is compiled before the first timed repetition.
    for (const pool of pools) checksum += pool.tick(tick++);
    const records = await roundRobin<FloorSample>(
      pools.map((pool) => ({
        label: `threads=${pool.threads}`,
        async run() {
          const passSeconds = new Float64Array(TRAFFIC_PASSES.length);
          const cpuBefore = markCpu();
          const start = performance.now();
          for (let n = 0; n < options.floorTicks; n++) checksum += pool.tick(tick++, passSeconds);
          const seconds = (performance.now() - start) / 1000;
          return {
            seconds,
            nsPerAgentTick: (seconds * 1e9) / (options.floorTicks * agents),
            passNsPerAgent: [...passSeconds].map(
              (s, i) => (s * 1e9) / (options.floorTicks * (TRAFFIC_PASSES[i].over === 'firms' ? firms : workers)),
            ),
            otherCoresBusy: otherCoresBusy(cpuBefore, markCpu(), seconds),
          };
        },
      })),
      options,
      quiet,
      (s) => `${s.seconds.toFixed(3)} s, ${s.nsPerAgentTick.toFixed(2)} ns per agent-tick`,
    );
    const results: FloorThreadResult[] = threadCounts.map((threads, index) => {
      const { samples, redoneRuns, contendedRunsKept } = records[index];
      return {
        threads,
        nsPerAgentTick: summarise(samples.map((s) => s.nsPerAgentTick)),
        passNsPerAgentMedian: TRAFFIC_PASSES.map((_, i) => summarise(samples.map((s) => s.passNsPerAgent[i])).median),
        redoneRuns,
        contendedRunsKept,
        samples,
      };
    });
    const result: FloorBenchResult = {
      format: FLOOR_RESULT_FORMAT,
      ...provenance(),
      config: {
        firms,
        workers,
        ticksPerRepetition: options.floorTicks,
        warmUpRepetitions: options.warmUpRuns,
        timedRepetitions: options.timedRuns,
        threadCounts,
      },
      traffic: {
        passes: TRAFFIC_PASSES.map(passTraffic),
        perWorkerTick: agentTraffic('workers'),
        perFirmTick: agentTraffic('firms'),
      },
      results,
      checksum,
    };
    for (const r of results)
      console.log(`floor threads=${r.threads}: median ${r.nsPerAgentTick.median.toFixed(2)} ns per agent-tick`);
    return { result, path: writeResultFile(RESULTS_DIR, 'floor', result) };
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
