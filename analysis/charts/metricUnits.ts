/**
 * Units of the model's metrics by name, for axis titles of charts built from stored
 * results (a sweep folder, a sensitivity result) that carry names but no units. The
 * reporters' units do not depend on the scenario except for `vendors.<process>`, whose
 * unit is always 'vendors', so a catalogue without processes lists every other unit.
 */
import { reportersFor } from '../../sim/observe.js';
import type { ModelParams } from '../../sim/params.js';

const unitByName = new Map(
  reportersFor({ processes: [] } as unknown as ModelParams).map((reporter) => [reporter.name, reporter.unit]),
);

export function metricUnit(metric: string): string {
  if (metric.startsWith('vendors.')) return 'vendors';
  return unitByName.get(metric) ?? '';
}

/** `meanCapability` -> `meanCapability (capability [0,1])`. */
export function metricWithUnit(metric: string): string {
  const unit = metricUnit(metric);
  return unit ? `${metric} (${unit})` : metric;
}
