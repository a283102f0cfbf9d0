/**
 * Floor section: the floor kernel (bench/floorKernel.ts) at the national scenario's
 * stated size, 60,000 firms and 600,000 workers, single-threaded; ns per agent-tick
 * over repetitions of a few ticks. Writes bench/results/floor-<machine-id>.json.
 */
import { GOAL } from './goal.js';
import { markCpu, otherCoresBusy } from './otherLoad.js';
import { provenance } from './machine.js';
import { RESULTS_DIR } from './paths.js';
import { writeResultFile } from './resultFiles.js';
import { agentTraffic, passTraffic, TRAFFIC_PASSES } from './floorCounts.js';
import { compileFloor, createFloorWorld, floorTick } from './floorKernel.js';
import { type QuietBudget, roundRobin } from './roundRobin.js';
import type { SuiteOptions } from './suiteOptions.js';
import { summarise } from './stats.js';
import { FLOOR_RESULT_FORMAT, type FloorBenchResult, type FloorSample } from './floorResults.js';

export async function runFloorSection(
  options: SuiteOptions,
  quiet: QuietBudget,
): Promise<{ result: FloorBenchResult; path: string }> {
  const firms = GOAL.firms;
  const workers = GOAL.workers;
  const floor = compileFloor();
  const world = createFloorWorld(firms, workers);
  const agents = firms + workers;
  let tick = 0;
  let checksum = 0;
  console.error(
    `floor: ${firms} firms + ${workers} workers, ${options.floorTicks} ticks per repetition; ` +
      `${options.warmUpRuns} warm-up + ${options.timedRuns} timed repetitions`,
  );
  // One untimed tick so every pass is compiled before the first timed repetition.
  checksum += floorTick(floor, world, tick++);
  const [record] = await roundRobin<FloorSample>(
    [
      {
        label: 'floor',
        async run() {
          const passSeconds = new Float64Array(floor.passes.length);
          const cpuBefore = markCpu();
          const start = performance.now();
          for (let n = 0; n < options.floorTicks; n++)
            checksum += floorTick(floor, world, tick++, undefined, passSeconds);
          const seconds = (performance.now() - start) / 1000;
          return {
            seconds,
            nsPerAgentTick: (seconds * 1e9) / (options.floorTicks * agents),
            passNsPerAgent: [...passSeconds].map(
              (s, i) => (s * 1e9) / (options.floorTicks * (floor.passes[i].pass.over === 'firms' ? firms : workers)),
            ),
            otherCoresBusy: otherCoresBusy(cpuBefore, markCpu(), seconds),
          };
        },
      },
    ],
    options,
    quiet,
    (s) => `${s.seconds.toFixed(3)} s, ${s.nsPerAgentTick.toFixed(2)} ns per agent-tick`,
  );
  const samples = record.samples;
  const result: FloorBenchResult = {
    format: FLOOR_RESULT_FORMAT,
    ...provenance(),
    config: {
      firms,
      workers,
      ticksPerRepetition: options.floorTicks,
      warmUpRepetitions: options.warmUpRuns,
      timedRepetitions: options.timedRuns,
    },
    traffic: {
      passes: TRAFFIC_PASSES.map(passTraffic),
      perWorkerTick: agentTraffic('workers'),
      perFirmTick: agentTraffic('firms'),
    },
    nsPerAgentTick: summarise(samples.map((s) => s.nsPerAgentTick)),
    passNsPerAgentMedian: TRAFFIC_PASSES.map((_, i) => summarise(samples.map((s) => s.passNsPerAgent[i])).median),
    redoneRuns: record.redoneRuns,
    contendedRunsKept: record.contendedRunsKept,
    samples,
    checksum,
  };
  console.log(`floor: median ${result.nsPerAgentTick.median.toFixed(2)} ns per agent-tick`);
  return { result, path: writeResultFile(RESULTS_DIR, 'floor', result) };
}
