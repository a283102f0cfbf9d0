/**
 * One memory measurement, run as its own process by the memory section so peaks of
 * different runs never mix: `node dist/bench/memoryChild.js SCENARIO YEARS THREADS SEED MODE`
 * runs runOne and prints one JSON line (MemoryChildReport) on stdout. With YEARS = 0
 * it only loads the modules and the scenario: the baseline a run adds to.
 *
 * MODE `streamed` hands the events and the yearly firm panel to a sink that drops
 * them (as `clustersim run` streams them to disk, without the cost of formatting);
 * `held` keeps them in the RunResult, as a library caller of runOne without a sink gets.
 *
 * Heap and array buffers are sampled after every month (process.memoryUsage()) and
 * once after the run, with the RunResult still held; peak RSS is the kernel's maxRSS
 * for the whole process (worker threads included) at the end. The agent stores are
 * growable SharedArrayBuffers, which Node 20 leaves out of `arrayBuffers`, so their
 * size is reported apart: ids handed out times the bytes of a row (a lower bound:
 * capacity grows by doubling).
 */
import { runOne, type RunSink } from '../sim/runOne.js';
import { FIRM_SPEC } from '../sim/state/firms.js';
import { WORKER_SPEC } from '../sim/state/workers.js';
import { rowBytes } from './columnWidths.js';
import { agentsPerTick } from './measure.js';
import { scenarioParams } from './scenarioParams.js';

export type MemoryMode = 'streamed' | 'held';

export interface MemoryChildReport {
  years: number;
  threads: number;
  mode: MemoryMode;
  peakRssBytes: number;
  /** Highest heapUsed + arrayBuffers seen at the end of a month or after the run. */
  peakHeapAndArrayBuffersBytes: number;
  peakHeapUsedBytes: number;
  peakArrayBuffersBytes: number;
  /** Firm and worker columns: ids handed out x bytes per row (not in arrayBuffers; see above). */
  agentStoreBytes: number;
  /** Most agents alive (firms trading + workers in the labour force) in any month; 0 for the baseline. */
  peakAliveAgents: number;
  firmsEverCreated: number;
  workersEverCreated: number;
  wallSeconds: number;
}

const [scenario, yearsText, threadsText, seedText, modeText] = process.argv.slice(2);
const years = Number(yearsText);
const threads = Number(threadsText);
const mode: MemoryMode = modeText === 'held' ? 'held' : 'streamed';
const droppingSink: RunSink = { events() {}, panelRows() {} };
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
/** What the run adds to the report; the baseline (YEARS = 0) runs nothing and adds zeros. */
let work = { agentStoreBytes: 0, peakAliveAgents: 0, firmsEverCreated: 0, workersEverCreated: 0, wallSeconds: 0 };
if (years > 0) {
  const sink = mode === 'streamed' ? droppingSink : undefined;
  const result = await runOne({ params, seed: Number(seedText), threads, onTick: sample, sink });
  work = {
    agentStoreBytes: result.firmsEverCreated * rowBytes(FIRM_SPEC) + result.workersEverCreated * rowBytes(WORKER_SPEC),
    peakAliveAgents: Math.max(...agentsPerTick(result)),
    firmsEverCreated: result.firmsEverCreated,
    workersEverCreated: result.workersEverCreated,
    wallSeconds: (performance.now() - start) / 1000,
  };
}
sample();
const report: MemoryChildReport = {
  years,
  threads,
  mode,
  peakRssBytes: process.resourceUsage().maxRSS * 1024, // maxRSS is in KiB
  peakHeapAndArrayBuffersBytes,
  peakHeapUsedBytes,
  peakArrayBuffersBytes,
  ...work,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
