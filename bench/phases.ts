/**
 * Where a tick's time goes: wall time per phase of `step` on the synthetic world (or a
 * scenario, --scenario NAME), for 1..N threads. A diagnostic for scaling work, not the throughput figure (that is
 * `npm run bench`): it wraps each phase's `run` in this process only, which adds two
 * clock reads per phase per tick.
 *
 *   npm run build && node dist/bench/phases.js [--max-threads N] [--years N] [--runs N] [--scenario NAME]
 *
 * Prints, per thread count, the median over the timed runs of each phase's total.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { PHASES } from '../sim/step.js';
import { runOne } from '../sim/runOne.js';
import { DEFAULT_SYNTHETIC_WORLD, syntheticWorldParams } from './syntheticWorld.js';
import { summarise } from './stats.js';
import { scenarioParams } from './scenarioParams.js';

const { values } = parseArgs({
  options: {
    'max-threads': { type: 'string' },
    years: { type: 'string' },
    runs: { type: 'string' },
    scenario: { type: 'string' },
  },
});
const maxThreads = Number(values['max-threads'] ?? os.availableParallelism());
const years = Number(values.years ?? DEFAULT_SYNTHETIC_WORLD.years);
const runs = Number(values.runs ?? 3);
if (![maxThreads, years, runs].every((value) => Number.isInteger(value) && value >= 1)) {
  console.error(
    'usage: node dist/bench/phases.js [--max-threads N] [--years N] [--runs N] (integers >= 1) [--scenario NAME]',
  );
  process.exit(2);
}
const params = values.scenario
  ? scenarioParams(values.scenario, years)
  : syntheticWorldParams({ ...DEFAULT_SYNTHETIC_WORLD, years }, 1);

const phaseMilliseconds = new Map<string, number>();
for (const phase of PHASES) {
  // Phase objects are plain mutable objects; wrapping them here leaves sim/ untouched.
  const mutable = phase as { run: (typeof phase)['run'] };
  const run = mutable.run.bind(phase);
  mutable.run = (sim) => {
    const start = performance.now();
    run(sim);
    phaseMilliseconds.set(phase.name, (phaseMilliseconds.get(phase.name) ?? 0) + performance.now() - start);
  };
}

const columns: Record<string, string[]> = {};
const header = ['phase'];
for (let threads = 1; threads <= maxThreads; threads++) {
  const perRun = new Map<string, number[]>();
  const wall: number[] = [];
  for (let n = 0; n <= runs; n++) {
    phaseMilliseconds.clear();
    const start = performance.now();
    await runOne({ params, seed: 1, threads });
    if (n === 0) continue; // warm-up
    wall.push(performance.now() - start);
    for (const [name, ms] of phaseMilliseconds) perRun.set(name, [...(perRun.get(name) ?? []), ms]);
  }
  header.push(`${threads} thread(s) ms`);
  for (const phase of PHASES) {
    (columns[phase.name] ??= []).push(summarise(perRun.get(phase.name) ?? [0]).median.toFixed(0));
  }
  (columns['runOne wall (whole run)'] ??= []).push(summarise(wall).median.toFixed(0));
}
console.log(`${values.scenario ?? 'synthetic world'}, ${years} year(s), median of ${runs} runs after 1 warm-up`);
console.log(header.map((cell, i) => (i === 0 ? cell.padEnd(30) : cell.padStart(16))).join(''));
for (const [name, cells] of Object.entries(columns)) {
  console.log(name.padEnd(30) + cells.map((cell) => cell.padStart(16)).join(''));
}
