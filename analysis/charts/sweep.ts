/**
 * Charts of a sweep's results folder: for each kept metric (up to MAX_SWEEP_METRICS),
 * its mean over replications at the last sampled tick (the all-towns row) against the
 * factors that vary - a heatmap over the first two, a line with a 95% band over one
 * numeric factor, dots with 95% error bars over one categorical factor, or a scatter
 * coloured by the metric where two factors take many values (a Latin hypercube) - and,
 * when the runs keep a time series, the metric over time per design point.
 */
import { openStoreForReading } from '../experiments/store/index.js';
import type { FactorColumn, FactorValue, ShardRecord } from '../experiments/types.js';
import type { RunLine } from '../experiments/store/index.js';
import { metricWithUnit } from './metricUnits.js';
import { replicatedSeriesChart } from './replicatedSeries.js';
import { chartTown, shardValue, summariseReplicates, type ReplicateSummary } from './shardSeries.js';
import { CHART_HEIGHT, CHART_WIDTH, kebab, namedChart, round } from './spec.js';
import { textWidth } from './textWidth.js';
import type { DataRow, NamedChart } from './types.js';

export const MAX_SWEEP_METRICS = 6;
/** A factor with more distinct values than this is drawn as a scatter, not heatmap cells. */
export const MAX_HEATMAP_LEVELS = 12;
/** The over-time chart draws one line per design point, up to this many. */
export const MAX_SERIES_POINTS = 12;
/** A continuous factor axis: few ticks, and a label that would touch its neighbour dropped. */
const NUMBER_FACTOR_AXIS = { tickCount: 6, labelOverlap: 'greedy', labelSeparation: 6 };

export interface SweepChartOptions {
  /** Calendar year of tick 0 (the scenario's start year), for time labels; stored runs do not record it. */
  startYear?: number;
  /**
   * Axis title per factor name, saying what the factor sets and its unit (sweepFactors.ts
   * makes them from the sweep definition); a factor without one is titled by its name.
   */
  factorTitles?: Record<string, string>;
}

interface StoredRun {
  line: RunLine;
  shard: ShardRecord;
}

/** Factors in manifest order that take more than one value among the runs. */
function varyingFactors(factors: FactorColumn[], runs: StoredRun[]): FactorColumn[] {
  return factors.filter((factor) => new Set(runs.map((run) => String(run.line.factors[factor.name]))).size > 1);
}

/** Distinct values of a factor in plan order (numbers ascending). */
function levelsOf(factor: FactorColumn, runs: StoredRun[]): FactorValue[] {
  const seen = new Map<string, FactorValue>();
  for (const run of runs) {
    const value = run.line.factors[factor.name];
    if (value !== undefined && !seen.has(String(value))) seen.set(String(value), value);
  }
  const levels = [...seen.values()];
  return factor.type === 'number' ? levels.sort((a, b) => (a as number) - (b as number)) : levels;
}

const asDatum = (value: FactorValue | undefined): string | number | null =>
  value === undefined ? null : typeof value === 'number' ? round(value) : String(value);

/** Summaries per distinct combination of the given factors' values, in plan order of first appearance. */
function summariseBy(
  factors: FactorColumn[],
  runs: StoredRun[],
  value: (run: StoredRun) => number | null,
): { values: (FactorValue | undefined)[]; summary: ReplicateSummary }[] {
  const groups = new Map<string, { values: (FactorValue | undefined)[]; samples: (number | null)[] }>();
  for (const run of runs) {
    const values = factors.map((factor) => run.line.factors[factor.name]);
    const key = JSON.stringify(values);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { values, samples: [] }));
    group.samples.push(value(run));
  }
  return [...groups.values()].flatMap(({ values, samples }) => {
    const summary = summariseReplicates(samples);
    return summary ? [{ values, summary }] : [];
  });
}

function readRuns(dir: string): { factors: FactorColumn[]; runs: StoredRun[] } {
  const store = openStoreForReading(dir);
  const completed = store.completedKeys();
  const runs = store.runs
    .filter((line) => completed.has(line.runKey))
    .map((line) => ({ line, shard: store.readShard(line.runKey) }));
  return { factors: store.manifest.factors, runs };
}

function whenWords(tick: number, startYear: number | undefined): string {
  const month = (tick % 12) + 1;
  const year = Math.floor(tick / 12);
  const monthName = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return startYear === undefined ? `${monthName} of simulated year ${year + 1}` : `${monthName} ${startYear + year}`;
}

const townWords = (town: string) => (town === 'all' ? 'all towns' : town);

const factorTitle = (factor: FactorColumn, options: SweepChartOptions) =>
  options.factorTitles?.[factor.name] ?? factor.name;

/** Shortest line a wrapped axis title is broken to: a short heatmap axis would otherwise stack one word a line. */
const MIN_TITLE_LINE_PX = 240;

/** Axis titles are 12 px; a title longer than its axis is broken into lines at spaces rather than run past the chart. */
export function wrapTitle(title: string, axisLengthPx: number): string | string[] {
  const lengthPx = Math.max(axisLengthPx, MIN_TITLE_LINE_PX);
  if (textWidth(title, 12) <= lengthPx) return title;
  const lines: string[] = [];
  for (const word of title.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth(`${lines[last]} ${word}`, 12) <= lengthPx) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Labels are 11 px and stand level while the longest fits its cell; then they turn. */
function levelLabelAngle(levels: FactorValue[], cellPx: number): number {
  const widest = Math.max(...levels.map((level) => textWidth(String(asDatum(level)), 11)));
  return widest <= cellPx - 6 ? 0 : -35;
}

interface AxisPlace {
  field: 'x' | 'y';
  /** Length of the axis, pixels. */
  lengthPx: number;
  /** Many numeric values (a Latin hypercube): a continuous axis, not one band per value. */
  many: boolean;
  /** Cells of a heatmap: no grid lines through them. */
  heatmap?: boolean;
}

function factorAxis(factor: FactorColumn, levels: FactorValue[], place: AxisPlace, options: SweepChartOptions) {
  const { field, lengthPx, many } = place;
  const title = wrapTitle(factorTitle(factor, options), lengthPx);
  if (factor.type === 'number' && many)
    return { field, type: 'quantitative', title, scale: { zero: false }, axis: NUMBER_FACTOR_AXIS };
  const axis = {
    labelLimit: 200,
    ...(field === 'x' ? { labelAngle: levelLabelAngle(levels, lengthPx / Math.max(1, levels.length)) } : {}),
    ...(place.heatmap ? { grid: false } : {}),
  };
  return {
    field,
    type: factor.type === 'number' ? 'ordinal' : 'nominal',
    title,
    sort: levels.map(asDatum),
    axis,
  };
}

function metricChart(
  metric: string,
  factors: FactorColumn[],
  runs: StoredRun[],
  options: SweepChartOptions,
): NamedChart | null {
  const first = runs[0].shard;
  const town = chartTown(first);
  const tick = first.samples.ticks[first.samples.ticks.length - 1];
  const value = (run: StoredRun) => shardValue(run.shard, tick, town, metric);
  const valueTitle = metricWithUnit(metric);
  const when = whenWords(tick, options.startYear);
  const base = {
    name: `sweep-${kebab(metric)}`,
    title: `${metric} across the sweep`,
    subtitle: `${valueTitle}, ${townWords(town)}, ${when}: mean over replications`,
  };
  const [fx, fy] = factors;
  if (factors.length === 1) {
    const levels = levelsOf(fx, runs);
    const data: DataRow[] = summariseBy([fx], runs, value).map(({ values, summary }) => ({
      x: asDatum(values[0]),
      mean: round(summary.mean),
      lower: round(summary.lower),
      upper: round(summary.upper),
      replicates: summary.replicates,
    }));
    if (data.length === 0) return null;
    const numeric = fx.type === 'number';
    const x = numeric
      ? {
          field: 'x',
          type: 'quantitative',
          title: wrapTitle(factorTitle(fx, options), CHART_WIDTH),
          scale: { zero: false },
          axis: NUMBER_FACTOR_AXIS,
        }
      : factorAxis(fx, levels, { field: 'x', lengthPx: CHART_WIDTH, many: false }, options);
    const y = { field: 'mean', type: 'quantitative', title: valueTitle, scale: { zero: false } };
    return namedChart({
      ...base,
      description:
        `Mean of ${metric} over the replications of each value of ${fx.name} (${townWords(town)}, ${when}), ` +
        `with its 95% confidence interval as a ${numeric ? 'band' : 'bar'}.`,
      data,
      body: {
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        encoding: { x },
        layer: numeric
          ? [
              {
                mark: { type: 'area', opacity: 0.25, color: '#4c78a8' },
                encoding: { y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
              },
              { mark: { type: 'line', color: '#4c78a8', point: true }, encoding: { y } },
            ]
          : [
              {
                mark: { type: 'rule', color: '#4c78a8', strokeWidth: 2 },
                encoding: { y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
              },
              { mark: { type: 'point', filled: true, size: 80, color: '#4c78a8' }, encoding: { y } },
            ],
      },
    });
  }
  const xLevels = levelsOf(fx, runs);
  const yLevels = levelsOf(fy, runs);
  const data: DataRow[] = summariseBy([fx, fy], runs, value).map(({ values, summary }) => ({
    x: asDatum(values[0]),
    y: asDatum(values[1]),
    mean: round(summary.mean),
    replicates: summary.replicates,
  }));
  if (data.length === 0) return null;
  const others = factors.slice(2).map((factor) => factor.name);
  const averaged = others.length > 0 ? ` Averaged over ${others.join(', ')}.` : '';
  const color = { field: 'mean', type: 'quantitative', title: metric, scale: { scheme: 'viridis' } };
  const grid = xLevels.length <= MAX_HEATMAP_LEVELS && yLevels.length <= MAX_HEATMAP_LEVELS;
  if (!grid) {
    return namedChart({
      ...base,
      description:
        `Each dot is a design point at its values of ${fx.name} and ${fy.name}, coloured by the mean of ${metric} ` +
        `over its replications (${townWords(town)}, ${when}).${averaged}`,
      data,
      body: {
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        mark: { type: 'point', filled: true, size: 110, stroke: '#333', strokeWidth: 0.5 },
        encoding: {
          x: factorAxis(fx, xLevels, { field: 'x', lengthPx: CHART_WIDTH, many: true }, options),
          y: factorAxis(fy, yLevels, { field: 'y', lengthPx: CHART_HEIGHT, many: true }, options),
          color,
          tooltip: [
            { field: 'x', title: fx.name },
            { field: 'y', title: fy.name },
            { field: 'mean', title: metric },
          ],
        },
      },
    });
  }
  const means = data.map((row) => row.mean as number);
  const middle = round((Math.min(...means) + Math.max(...means)) / 2);
  const cell = Math.max(28, Math.min(80, Math.floor(CHART_WIDTH / xLevels.length)));
  const width = cell * xLevels.length;
  const height = Math.max(28, Math.min(60, cell)) * yLevels.length;
  return namedChart({
    ...base,
    description:
      `Each cell is the mean of ${metric} over the replications at that combination of ${fx.name} and ${fy.name} ` +
      `(${townWords(town)}, ${when}); darker is lower, yellow higher.${averaged}`,
    data,
    body: {
      width,
      height,
      encoding: {
        x: factorAxis(fx, xLevels, { field: 'x', lengthPx: width, many: false, heatmap: true }, options),
        y: factorAxis(fy, yLevels, { field: 'y', lengthPx: height, many: false, heatmap: true }, options),
      },
      layer: [
        { mark: { type: 'rect' }, encoding: { color } },
        {
          mark: { type: 'text', fontSize: 11 },
          encoding: {
            text: { field: 'mean', type: 'quantitative', format: '.3~g' },
            color: { condition: { test: `datum.mean < ${middle}`, value: 'white' }, value: 'black' },
          },
        },
      ],
    },
  });
}

function overTimeChart(factors: FactorColumn[], runs: StoredRun[], options: SweepChartOptions): NamedChart | null {
  const first = runs[0].shard;
  if (first.samples.ticks.length < 2) return null;
  const metric = first.samples.metrics.includes('meanCapability') ? 'meanCapability' : first.samples.metrics[0];
  const points = new Map<number, StoredRun[]>();
  for (const run of runs) points.set(run.line.point, [...(points.get(run.line.point) ?? []), run]);
  if (points.size > MAX_SERIES_POINTS || points.size === 0) return null;
  const label = (run: StoredRun) =>
    factors.length === 0
      ? 'all runs'
      : factors.map((factor) => `${factor.name}=${String(run.line.factors[factor.name])}`).join(', ');
  const groups = [...points.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, group]) => ({ label: label(group[0]), shards: group.map((run) => run.shard) }));
  const valueTitle = metricWithUnit(metric);
  return replicatedSeriesChart({
    name: `sweep-${kebab(metric)}-over-time`,
    title: `${metric} over time by design point`,
    subtitle: `${valueTitle}, ${townWords(chartTown(first))}: mean over replications with 95% interval`,
    description:
      `${metric} over the run for each design point of the sweep: the line is the mean over its replications, ` +
      'the band the 95% confidence interval of that mean.',
    groups,
    metric,
    valueTitle,
    groupTitle: 'Design point',
    startYear: options.startYear,
  });
}

export function sweepChartsOf(dir: string, options: SweepChartOptions = {}): NamedChart[] {
  const { factors, runs } = readRuns(dir);
  if (runs.length === 0) return [];
  const varying = varyingFactors(factors, runs);
  const charts: (NamedChart | null)[] = [];
  if (varying.length > 0)
    for (const metric of runs[0].shard.samples.metrics.slice(0, MAX_SWEEP_METRICS))
      charts.push(metricChart(metric, varying, runs, options));
  charts.push(overTimeChart(varying, runs, options));
  return charts.filter((chart): chart is NamedChart => chart !== null);
}
