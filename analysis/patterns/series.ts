/** Reading metrics out of a RunResult: one metric over time, for one town or all towns. */
import type { RunResult } from '../../sim/runOne.js';
import type { SimEvent } from '../../sim/host.js';

type Metrics = Pick<RunResult, 'metrics' | 'metricNames' | 'townNames' | 'ticks'>;

/** The row of `town` (a town name), or the all-towns row when `town` is undefined. */
export function townRow(result: Metrics, town?: string): number {
  if (town === undefined) return result.townNames.length;
  const row = result.townNames.indexOf(town);
  if (row < 0) throw new Error(`no town ${town}; towns are ${result.townNames.join(', ')}`);
  return row;
}

/** Metric `name` at every tick, for `town` (or all towns). */
export function metricSeries(result: Metrics, name: string, town?: string): Float64Array {
  const metricCount = result.metricNames.length;
  const metric = result.metricNames.indexOf(name);
  if (metric < 0) throw new Error(`no metric ${name}`);
  const rows = result.townNames.length + 1;
  const row = townRow(result, town);
  const out = new Float64Array(result.ticks);
  for (let tick = 0; tick < result.ticks; tick++)
    out[tick] = result.metrics[(tick * rows + row) * metricCount + metric];
  return out;
}

/** Metric `name` in December of each simulated year (index 0 = the first year). */
export function decemberSeries(result: Metrics, name: string, town?: string): Float64Array {
  const monthly = metricSeries(result, name, town);
  const years = Math.floor(result.ticks / 12);
  const out = new Float64Array(years);
  for (let year = 0; year < years; year++) out[year] = monthly[year * 12 + 11];
  return out;
}

/** Metric `name` at the last tick, for `town` (or all towns). */
export function finalValue(result: Metrics, name: string, town?: string): number {
  const series = metricSeries(result, name, town);
  return series[series.length - 1];
}

type EventOf<T extends SimEvent['type']> = Extract<SimEvent, { type: T }>;

/** The events of one type, typed. */
export function eventsOf<T extends SimEvent['type']>(result: Pick<RunResult, 'events'>, type: T): EventOf<T>[] {
  return result.events.filter((event): event is EventOf<T> => event.type === type);
}
