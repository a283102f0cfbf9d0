/**
 * One copy of the parallel-ceiling section (bench/ceiling.ts), run as its own process:
 * `node dist/bench/ceilingChild.js WORK SCENARIO YEARS SEED`.
 *
 * It loads the modules and the scenario and warms up (WORK `engine`: a 1-year run of
 * the scenario; `spin`: a short loop), prints `ready`, waits for a line on stdin, then
 * does its timed work and prints one JSON line (CeilingChildReport). The parent starts
 * every copy's timed work at once, so the copies share the machine exactly while they run.
 *
 * `engine` is one single-threaded `runOne` (no outputs, events and panel dropped as the
 * CLI streams them): copies share nothing but the machine. `spin` is integer arithmetic
 * in registers, touching no memory: how the cores themselves scale.
 *
 * A process entry: import nothing from here (its top level runs the measurement).
 */
import { createInterface } from 'node:readline';
import { runOne, type RunSink } from '../sim/runOne.js';
import { agentsPerTick } from './measure.js';
import { scenarioParams } from './scenarioParams.js';
import { type CeilingChildReport, type CeilingWork, SPIN_ITERATIONS } from './ceilingResults.js';

const droppingSink: RunSink = { events() {}, panelRows() {} };

function spin(iterations: number): number {
  let x = 0;
  for (let i = 0; i < iterations; i++) x = (x + Math.imul(i, 2654435761)) | 0;
  return x;
}

async function engineRun(scenario: string, years: number, seed: number): Promise<number> {
  const result = await runOne({ params: scenarioParams(scenario, years), seed, threads: 1, sink: droppingSink });
  return agentsPerTick(result).reduce((sum, agents) => sum + agents, 0);
}

const [workText, scenario, yearsText, seedText] = process.argv.slice(2);
const work: CeilingWork = workText === 'spin' ? 'spin' : 'engine';
const years = Number(yearsText);
const seed = Number(seedText);
if (work === 'engine') await engineRun(scenario, 1, seed);
else spin(SPIN_ITERATIONS / 10);
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();
const start = performance.now();
let units: number;
if (work === 'engine') {
  units = await engineRun(scenario, years, seed);
} else {
  spin(SPIN_ITERATIONS);
  units = SPIN_ITERATIONS;
}
const report: CeilingChildReport = { work, wallSeconds: (performance.now() - start) / 1000, units };
process.stdout.write(`${JSON.stringify(report)}\n`);
