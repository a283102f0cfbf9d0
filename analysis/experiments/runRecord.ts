/**
 * One run of a plan, from its RunSpec to the shard the store keeps. The serial
 * executor, the worker threads of the local pool and (later) queue workers all call
 * this one function, so they cannot drift apart.
 */
import { runOne, type RunResult } from '../../sim/runOne.js';
import {
  ALL_TOWNS_LABEL,
  SHARD_FORMAT,
  type FailureRecord,
  type KeepSpec,
  type RunSamples,
  type RunSpec,
  type ShardRecord,
} from './types.js';

/** Rows of the metrics array to keep: town indices, with `towns.length` for the all-towns row. */
function keptRows(keep: KeepSpec, townNames: readonly string[]): { rows: number[]; labels: string[] } {
  const total = townNames.length;
  if (keep.towns === 'total') return { rows: [total], labels: [ALL_TOWNS_LABEL] };
  if (keep.towns === 'all') return { rows: [...townNames.keys(), total], labels: [...townNames, ALL_TOWNS_LABEL] };
  const rows = keep.towns.map((name) => (name === ALL_TOWNS_LABEL ? total : townNames.indexOf(name)));
  const missing = keep.towns.find((_, i) => rows[i] < 0);
  if (missing !== undefined) throw new Error(`keep: town ${missing} is not in the scenario`);
  return { rows, labels: [...keep.towns] };
}

/** The kept samples of a finished run (NaN, e.g. a median with no observations, becomes null). */
export function samplesOf(result: RunResult, keep: KeepSpec): RunSamples {
  const { rows, labels } = keptRows(keep, result.townNames);
  const metricIndex = keep.metrics.map((name) => {
    const index = result.metricNames.indexOf(name);
    if (index < 0) throw new Error(`keep: metric ${name} is not reported by this run`);
    return index;
  });
  const rowsPerTick = result.townNames.length + 1;
  const metricCount = result.metricNames.length;
  const values: (number | null)[] = [];
  for (const tick of keep.sampleTicks) {
    if (tick < 0 || tick >= result.ticks)
      throw new Error(`keep: tick ${tick} is outside the run (0..${result.ticks - 1})`);
    for (const row of rows) {
      const offset = (tick * rowsPerTick + row) * metricCount;
      for (const m of metricIndex) {
        const value = result.metrics[offset + m];
        values.push(Number.isNaN(value) ? null : value);
      }
    }
  }
  return { ticks: [...keep.sampleTicks], towns: labels, metrics: [...keep.metrics], values };
}

/** Run `spec` on one thread and keep what it asks for. `now` is injected so sim/ stays clock-free. */
export async function runToShard(
  spec: RunSpec,
  codeVersion: string,
  now: () => number = performance.now.bind(performance),
): Promise<ShardRecord> {
  const started = now();
  const result = await runOne({ params: spec.params, seed: spec.seed, threads: 1 });
  return {
    format: SHARD_FORMAT,
    runKey: spec.runKey,
    seed: spec.seed,
    replicate: spec.replicate,
    factors: spec.factors,
    codeVersion,
    samples: samplesOf(result, spec.keep),
    runSeconds: (now() - started) / 1000,
  };
}

/** The record of a run that failed every attempt (the local pool and queue workers write the same). */
export function failureRecordOf(spec: RunSpec, error: string, attempts: number): FailureRecord {
  return {
    format: 'clustersim-failure/1',
    runKey: spec.runKey,
    seed: spec.seed,
    replicate: spec.replicate,
    factors: spec.factors,
    error,
    attempts,
  };
}
