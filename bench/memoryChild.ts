/**
 * One memory measurement, run as its own process by the memory section so peaks of
 * different runs never mix: `node dist/bench/memoryChild.js SCENARIO YEARS THREADS SEED`
 * runs runOne and prints one JSON line (MemoryChildReport) on stdout. With YEARS = 0
 * it only loads the modules and the scenario: the baseline a run adds to.
 *
 * Heap and array buffers are sampled after every month (process.memoryUsage(); the
 * stores are SharedArrayBuffers, counted in arrayBuffers) and once after the run,
 * with the RunResult still held; peak RSS is the kernel's maxRSS for the whole
 * process (worker threads included) at the end.
 */
import { runOne } from '../sim/runOne.js';
import { agentsPerTick } from './measure.js';
import { scenarioParams } from './scenarioParams.js';

export interface MemoryChildReport {
  years: number;
  threads: number;
  peakRssBytes: number;
  /** Highest heapUsed + arrayBuffers seen at the end of a month or after the run. */
  peakHeapAndArrayBuffersBytes: number;
  peakHeapUsedBytes: number;
  peakArrayBuffersBytes: number;
  /** Most agents alive (firms trading + workers in the labour force) in any month; 0 for the baseline. */
  peakAliveAgents: number;
  firmsEverCreated: number;
  workersEverCreated: number;
  wallSeconds: number;
}

const [scenario, yearsText, threadsText, seedText] = process.argv.slice(2);
const years = Number(yearsText);
const threads = Number(threadsText);
const params = scenarioParams(scenario, Math.max(1, years));
let peakHeapUsedBytes = 0;
let peakArrayBuffersBytes = 0;
let peakHeapAndArrayBuffersBytes = 0;
const sample = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  peakHeapUsedBytes = Math.max(peakHeapUsedBytes, heapUsed);
  peakArrayBuffersBytes = Math.max(peakArrayBuffersBytes, arrayBuffers);
  peakHeapAndArrayBuffersBytes = Math.max(peakHeapAndArrayBuffersBytes, heapUsed + arrayBuffers);
};
const start = performance.now();
let report: MemoryChildReport;
if (years === 0) {
  sample();
  report = {
    years,
    threads,
    peakRssBytes: 0,
    peakHeapAndArrayBuffersBytes,
    peakHeapUsedBytes,
    peakArrayBuffersBytes,
    peakAliveAgents: 0,
    firmsEverCreated: 0,
    workersEverCreated: 0,
    wallSeconds: 0,
  };
} else {
  const result = await runOne({ params, seed: Number(seedText), threads, onTick: sample });
  sample();
  report = {
    years,
    threads,
    peakRssBytes: 0,
    peakHeapAndArrayBuffersBytes,
    peakHeapUsedBytes,
    peakArrayBuffersBytes,
    peakAliveAgents: Math.max(...agentsPerTick(result)),
    firmsEverCreated: result.firmsEverCreated,
    workersEverCreated: result.workersEverCreated,
    wallSeconds: (performance.now() - start) / 1000,
  };
}
report.peakRssBytes = process.resourceUsage().maxRSS * 1024; // maxRSS is in KiB
process.stdout.write(`${JSON.stringify(report)}\n`);
