/**
 * What each run keeps (`keep:`) and what a sensitivity analysis reads
 * (`sensitivity.outputs`), resolved against a run's parameters: metric names
 * against the metrics the run reports, towns against its towns, years against its
 * horizon. Errors name the sweep file's line and field, with a did-you-mean.
 */
import type { ModelParams } from '../../../sim/params.js';
import { metricNamesFor } from '../../../sim/observe.js';
import { UserInputError } from '../../../scenarios/errors.js';
import { messages } from '../../../scenarios/messages.js';
import { didYouMean } from '../../../scenarios/didYouMean.js';
import { describeValue, formatPath, type PathSegment } from '../../../scenarios/zodIssues.js';
import { ALL_TOWNS_LABEL, type KeepSpec } from '../types.js';
import type { SweepDefinition } from './definition.js';
import { locateField } from './lines.js';
import { DEFAULT_SENSITIVITY_METRICS } from './schema.js';

const MONTHS = 12;

function fail(def: SweepDefinition, path: PathSegment[], expectation: string): never {
  throw new UserInputError(
    messages.invalidField(locateField(def.file, def.lines, path), formatPath(path), expectation),
  );
}

function checkMetric(def: SweepDefinition, path: PathSegment[], metric: string, known: readonly string[]): void {
  if (known.includes(metric)) return;
  const hint = didYouMean(metric, known);
  fail(
    def,
    path,
    `unknown metric "${metric}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected a column of timeseries.csv: ${known.join(', ')}`,
  );
}

function checkTown(def: SweepDefinition, path: PathSegment[], town: string, params: ModelParams): void {
  const names = params.towns.map((t) => t.name);
  if (town === ALL_TOWNS_LABEL || names.includes(town)) return;
  const hint = didYouMean(town, names);
  fail(
    def,
    path,
    `unknown town "${town}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected ${ALL_TOWNS_LABEL} or a town of ${params.name}: ${names.join(', ')}`,
  );
}

/** The December tick of `year`, after checking it lies in the run. */
function decemberOf(def: SweepDefinition, path: PathSegment[], year: number, params: ModelParams): number {
  const last = params.startYear + params.years - 1;
  if (!(year >= params.startYear && year <= last))
    fail(
      def,
      path,
      `expected a year from ${params.startYear} to ${last} (the run's horizon), got ${describeValue(year)}`,
    );
  return (year - params.startYear) * MONTHS + MONTHS - 1;
}

function noDuplicates(def: SweepDefinition, path: PathSegment[], items: readonly (string | number)[]): void {
  const twice = items.findIndex((item, i) => items.indexOf(item) !== i);
  if (twice >= 0) fail(def, [...path, twice], `${describeValue(items[twice])} is listed twice`);
}

export function resolveKeep(def: SweepDefinition, params: ModelParams): KeepSpec {
  const known = metricNamesFor(params);
  const { keep } = def;
  let metrics: string[];
  if (keep.metrics === 'all') {
    metrics = [...known];
  } else {
    keep.metrics.forEach((metric, i) => checkMetric(def, ['keep', 'metrics', i], metric, known));
    noDuplicates(def, ['keep', 'metrics'], keep.metrics);
    metrics = [...keep.metrics];
  }
  if (Array.isArray(keep.towns)) {
    keep.towns.forEach((town, i) => checkTown(def, ['keep', 'towns', i], town, params));
    noDuplicates(def, ['keep', 'towns'], keep.towns);
  }
  const ticks = params.years * MONTHS;
  let sampleTicks: number[];
  if (keep.samples === 'monthly') sampleTicks = Array.from({ length: ticks }, (_, t) => t);
  else if (keep.samples === 'end') sampleTicks = [ticks - 1];
  else if (keep.samples === 'december') sampleTicks = Array.from({ length: params.years }, (_, y) => y * MONTHS + 11);
  else {
    const { years } = keep.samples;
    noDuplicates(def, ['keep', 'samples', 'years'], years);
    sampleTicks = years
      .map((year, i) => decemberOf(def, ['keep', 'samples', 'years', i], year, params))
      .sort((a, b) => a - b);
  }
  const towns = Array.isArray(keep.towns) ? [...keep.towns] : keep.towns;
  return { metrics, towns, sampleTicks };
}

export interface SensitivityOutput {
  metric: string;
  /** A town name, or ALL_TOWNS_LABEL. */
  town: string;
  /** 0-based tick (December of the output's year). */
  tick: number;
  /** For tables: `meanCapability 1994`, `firms Daska 1994`. */
  label: string;
}

/** The outputs a sensitivity analysis reads: `sensitivity.outputs`, or the defaults in the last year. */
export function resolveSensitivityOutputs(def: SweepDefinition, params: ModelParams): SensitivityOutput[] {
  const known = metricNamesFor(params);
  const written = def.sensitivity?.outputs;
  const outputs = written ?? DEFAULT_SENSITIVITY_METRICS.map((metric) => ({ metric, town: ALL_TOWNS_LABEL }));
  const lastYear = params.startYear + params.years - 1;
  const resolved = outputs.map((output: { metric: string; town: string; year?: number }, i) => {
    const at: PathSegment[] = ['sensitivity', 'outputs', i];
    checkMetric(def, [...at, 'metric'], output.metric, known);
    checkTown(def, [...at, 'town'], output.town, params);
    const year = output.year ?? lastYear;
    const tick = decemberOf(def, [...at, 'year'], year, params);
    const town = output.town === ALL_TOWNS_LABEL ? '' : ` ${output.town}`;
    return { metric: output.metric, town: output.town, tick, label: `${output.metric}${town} ${year}` };
  });
  const labels = resolved.map((output) => output.label);
  noDuplicates(def, ['sensitivity', 'outputs'], labels);
  return resolved;
}
