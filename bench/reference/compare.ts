/**
 * Development check: run the engine and the reference on a scenario and report the
 * first metric (tick, town, name) where they differ, then the first differing event
 * and firm-panel row. Usage:
 *   npx tsx bench/reference/compare.ts SCENARIO [--years N] [--seed S] [--threads T] [--policy P]... [--set PATH=VALUE]...
 *     [--scale FACTOR] (founding firms and demand of every town times FACTOR)
 */
import { parseArgs } from 'node:util';
import { loadScenario } from '../../scenarios/load.js';
import { runOne, type RunResult } from '../../sim/runOne.js';
import { PANEL_COLUMN_NAMES } from '../../sim/model/phases/annualPanel.js';
import { runReference } from './runReference.js';
import { scaledParams } from './scaled.js';

/** A description of the first difference between two results, or null when they agree. */
export function firstDifference(engine: RunResult, reference: RunResult): string | null {
  const rows = engine.townNames.length + 1;
  const metricCount = engine.metricNames.length;
  for (let i = 0; i < engine.metrics.length; i++) {
    if (Object.is(engine.metrics[i], reference.metrics[i])) continue;
    const tick = Math.floor(i / (rows * metricCount));
    const row = Math.floor(i / metricCount) % rows;
    const town = row < engine.townNames.length ? engine.townNames[row] : 'all';
    return `metric ${engine.metricNames[i % metricCount]} at tick ${tick}, ${town}: engine ${engine.metrics[i]}, reference ${reference.metrics[i]}`;
  }
  const events = Math.max(engine.events.length, reference.events.length);
  for (let i = 0; i < events; i++) {
    const a = JSON.stringify(engine.events[i]);
    const b = JSON.stringify(reference.events[i]);
    if (a !== b) return `event ${i}: engine ${a}, reference ${b}`;
  }
  if (engine.firmPanel.rows !== reference.firmPanel.rows)
    return `panel rows: engine ${engine.firmPanel.rows}, reference ${reference.firmPanel.rows}`;
  for (let row = 0; row < engine.firmPanel.rows; row++) {
    for (const name of PANEL_COLUMN_NAMES) {
      const a = engine.firmPanel.cols[name][row];
      const b = reference.firmPanel.cols[name][row];
      if (!Object.is(a, b)) return `panel row ${row} ${name}: engine ${a}, reference ${b}`;
    }
  }
  const accounts = JSON.stringify(engine.accounts);
  if (accounts !== JSON.stringify(reference.accounts))
    return `accounts: engine ${accounts}, reference ${JSON.stringify(reference.accounts)}`;
  return null;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      years: { type: 'string' },
      seed: { type: 'string', default: '1' },
      threads: { type: 'string', default: '1' },
      policy: { type: 'string', multiple: true },
      set: { type: 'string', multiple: true },
      scale: { type: 'string' },
    },
  });
  const loaded = loadScenario(positionals[0] ?? 'punjab-farm-equipment', {
    years: values.years ? Number(values.years) : undefined,
    policies: values.policy ?? [],
    set: values.set ?? [],
  }).params;
  const params = values.scale ? scaledParams(loaded, Number(values.scale)) : loaded;
  const seed = Number(values.seed);
  let started = performance.now();
  const engine = await runOne({ params, seed, threads: Number(values.threads) });
  const engineMs = performance.now() - started;
  started = performance.now();
  const reference = runReference(params, seed);
  const referenceMs = performance.now() - started;
  console.log(
    `${params.name}, ${params.years} years: engine ${engineMs.toFixed(0)} ms, reference ${referenceMs.toFixed(0)} ms; ` +
      `${engine.firmsEverCreated} firms, ${engine.workersEverCreated} workers, ${engine.events.length} events`,
  );
  console.log(firstDifference(engine, reference) ?? 'identical');
}

if (/compare\.[jt]s$/.test(process.argv[1] ?? '')) await main();
