/**
 * Charts of a paired policy comparison (comparison.json): the forest plot of each
 * arm's effect per metric with its 95% interval, the replicate values behind it, and -
 * when the stored runs keep more than one year - a metric over time per arm.
 *
 * Forest plot scale: one row per metric with its own x axis in the metric's own unit,
 * not one shared axis of % of the baseline mean. A relative scale would put unlike
 * metrics side by side, but it is undefined where the baseline mean is 0 (vendors or
 * upgrading early in a run), and dividing the interval's ends by the baseline mean
 * treats that mean as known, so the drawn interval would not be the one computed.
 * Rows in natural units show exactly the interval in comparison.json; the zero line in
 * each row says whether it excludes "no effect".
 */
import { openStoreForReading } from '../experiments/store/index.js';
import type { ComparisonResult } from '../experiments/compare/analyse.js';
import { replicatedSeriesChart, type ReplicatedGroup } from './replicatedSeries.js';
import { TOWN_PALETTE, namedChart, round } from './spec.js';
import type { DataRow, NamedChart } from './types.js';

const FOREST_WIDTH = 420;
const ROW_HEIGHT_PER_ARM = 26;

/** Row label of a metric: name, then unit and how it was measured (split into lines at '|'). */
const metricLabel = (metric: ComparisonResult['metrics'][number]) =>
  `${metric.name}|${metric.unit}, ${metric.measured}`;

const armColor = (arms: string[]) => ({
  field: 'arm',
  type: 'nominal',
  title: 'Arm',
  sort: arms,
  scale: { domain: arms, range: arms.map((_, i) => TOWN_PALETTE[i % TOWN_PALETTE.length]) },
});

const rowFacet = (labels: string[]) => ({
  row: {
    field: 'metric',
    type: 'nominal',
    sort: labels,
    title: null,
    header: {
      labelAngle: 0,
      labelAlign: 'left',
      labelAnchor: 'middle',
      labelExpr: "split(datum.value, '|')",
      labelLimit: 260,
    },
  },
});

export function forestData(comparison: ComparisonResult): DataRow[] {
  const metricByName = new Map(comparison.metrics.map((metric) => [metric.name, metric]));
  return comparison.comparisons.map((row) => {
    const metric = metricByName.get(row.metric);
    const baseline = row.baselineMean;
    return {
      metric: metric ? metricLabel(metric) : row.metric,
      arm: row.arm,
      difference: row.meanDifference === null ? null : round(row.meanDifference),
      lower: row.interval.lower === null ? null : round(row.interval.lower),
      upper: row.interval.upper === null ? null : round(row.interval.upper),
      baselineMean: baseline === null ? null : round(baseline),
      armMean: row.armMean === null ? null : round(row.armMean),
      relativePercent:
        row.meanDifference === null || !baseline ? null : round((100 * row.meanDifference) / Math.abs(baseline)),
      pairs: row.pairs,
      method: row.method,
    };
  });
}

export function forestPlot(comparison: ComparisonResult): NamedChart | null {
  const data = forestData(comparison);
  if (data.length === 0) return null;
  const labels = comparison.metrics.map(metricLabel);
  const arms = comparison.arms.slice(1).map((arm) => arm.name);
  const confidence = Math.round(comparison.confidence * 100);
  const y = {
    field: 'arm',
    type: 'nominal',
    sort: arms,
    title: null,
    axis: arms.length > 1 ? {} : { labels: false, ticks: false },
  };
  const tooltip = [
    { field: 'arm', type: 'nominal' },
    { field: 'difference', type: 'quantitative', title: 'difference' },
    { field: 'lower', type: 'quantitative', title: `${confidence}% lower` },
    { field: 'upper', type: 'quantitative', title: `${confidence}% upper` },
    { field: 'baselineMean', type: 'quantitative', title: 'baseline mean' },
    { field: 'relativePercent', type: 'quantitative', title: '% of baseline mean' },
    { field: 'method', type: 'nominal', title: 'interval' },
  ];
  return namedChart({
    name: 'policy-effects',
    title: 'Policy effects',
    subtitle: `Mean difference arm − baseline over ${comparison.replications} paired replicates with its ${confidence}% interval, in each metric's unit`,
    description:
      `For each metric (one row, its own scale, in the unit shown at the left) and policy arm: the dot is the mean difference ` +
      `from the baseline in ${comparison.year} and the bar its ${confidence}% confidence interval. An interval that does not ` +
      'cross the dashed zero line is an effect distinguishable from seed noise.',
    data,
    body: {
      facet: rowFacet(labels),
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: FOREST_WIDTH,
        height: Math.max(ROW_HEIGHT_PER_ARM, ROW_HEIGHT_PER_ARM * arms.length),
        layer: [
          {
            mark: { type: 'rule', color: '#666', strokeDash: [4, 3] },
            encoding: { x: { datum: 0, type: 'quantitative' } },
          },
          {
            mark: { type: 'rule', strokeWidth: 2.5 },
            encoding: {
              x: { field: 'lower', type: 'quantitative', title: 'Difference from baseline (metric unit)' },
              x2: { field: 'upper' },
              y,
              color: armColor(arms),
            },
          },
          {
            mark: { type: 'point', filled: true, size: 70, opacity: 1 },
            encoding: { x: { field: 'difference', type: 'quantitative' }, y, color: armColor(arms), tooltip },
          },
        ],
      },
    },
  });
}

export function replicateValuesData(comparison: ComparisonResult): DataRow[] {
  const data: DataRow[] = [];
  for (const metric of comparison.metrics)
    for (const arm of comparison.arms)
      (comparison.values[arm.name]?.[metric.name] ?? []).forEach((value, replicate) => {
        if (value !== null && Number.isFinite(value))
          data.push({ metric: metricLabel(metric), arm: arm.name, replicate, value: round(value) });
      });
  return data;
}

export function replicateValuesChart(comparison: ComparisonResult): NamedChart | null {
  const data = replicateValuesData(comparison);
  if (data.length === 0) return null;
  const labels = comparison.metrics.map(metricLabel);
  const arms = comparison.arms.map((arm) => arm.name);
  const y = { field: 'arm', type: 'nominal', sort: arms, title: null };
  return namedChart({
    name: 'replicate-values',
    title: 'Replicate values by arm',
    subtitle: `Each run's value (dots) and the arm mean (bar) in ${comparison.year}, in each metric's unit`,
    description:
      'The numbers behind the policy effects: for each metric (one row, its own scale) every replicate of every arm as a dot ' +
      'and the arm’s mean as a vertical bar. Replicate r of each arm ran on the same seed when seeds are common.',
    data,
    body: {
      facet: rowFacet(labels),
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: FOREST_WIDTH,
        height: ROW_HEIGHT_PER_ARM * arms.length,
        layer: [
          {
            mark: { type: 'point', opacity: 0.6, size: 30 },
            encoding: {
              x: { field: 'value', type: 'quantitative', title: 'Value (metric unit)', scale: { zero: false } },
              y,
              color: armColor(arms),
              tooltip: [
                { field: 'arm', type: 'nominal' },
                { field: 'replicate', type: 'quantitative' },
                { field: 'value', type: 'quantitative' },
              ],
            },
          },
          {
            mark: { type: 'tick', thickness: 2.5, color: '#222' },
            encoding: { x: { aggregate: 'mean', field: 'value', type: 'quantitative' }, y },
          },
        ],
      },
    },
  });
}

/** Calendar year of tick 0, if comparison.json carries it (provenance.design.horizon.firstYear). */
function firstYearOf(comparison: ComparisonResult): number | undefined {
  const provenance = (comparison as { provenance?: { design?: { horizon?: { firstYear?: unknown } } } }).provenance;
  const firstYear = provenance?.design?.horizon?.firstYear;
  return typeof firstYear === 'number' ? firstYear : undefined;
}

/**
 * Mean capability per arm over time, with a band across replicates, when the stored
 * runs keep more than one year (compare keeps only the compared year's months now,
 * so today this returns null; see /work/sections/charts-notes.md).
 */
export function armCapabilityChart(comparison: ComparisonResult, dir: string): NamedChart | null {
  const store = openStoreForReading(dir);
  const completed = store.completedKeys();
  const groups: ReplicatedGroup[] = comparison.arms.map((arm) => ({
    label: arm.name,
    shards: comparison.runs
      .filter((run) => run.arm === arm.name && run.status === 'done' && completed.has(run.runKey))
      .map((run) => store.readShard(run.runKey)),
  }));
  const ticks = groups.find((group) => group.shards.length > 0)?.shards[0].samples.ticks ?? [];
  const years = new Set(ticks.map((tick) => Math.floor(tick / 12)));
  if (years.size < 2) return null;
  return replicatedSeriesChart({
    name: 'capability-by-arm',
    title: 'Capability accumulation by arm',
    subtitle: `Mean capability of firms (0–1 scale), mean over ${comparison.replications} replicates with 95% interval`,
    description:
      'Mean technological capability of firms (all towns, 0–1 scale) over time for the baseline and each policy arm: ' +
      'the line is the mean over replicates, the band its 95% confidence interval.',
    groups,
    metric: 'meanCapability',
    valueTitle: 'Mean capability (0–1)',
    groupTitle: 'Arm',
    startYear: firstYearOf(comparison),
  });
}
