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
 * Panels in natural units show exactly the interval in comparison.json; the zero line in
 * each panel says whether it excludes "no effect".
 */
import { openStoreForReading } from '../experiments/store/index.js';
import type { ComparisonResult } from '../experiments/compare/analyse.js';
import { replicatedSeriesChart, type ReplicatedGroup } from './replicatedSeries.js';
import { TOWN_PALETTE, namedChart, round } from './spec.js';
import type { DataRow, NamedChart } from './types.js';

const FOREST_WIDTH = 440;
const ROW_HEIGHT_PER_ARM = 26;
/**
 * Value axis of a panel: few ticks, and any label that would touch its neighbour
 * dropped ('greedy', not every other one), so "-0.03" and "-0.02" never run together
 * where a browser measures the text wider than Node does or the report column is narrow.
 * Format `r` (significant digits, trailing zeros trimmed): Vega gives it the digits the
 * tick step needs, where `g` would print a step of 200 as "2e+2".
 */
const FOREST_VALUE_AXIS = { format: ',~r', tickCount: 5, labelOverlap: 'greedy', labelSeparation: 6 };

type KeyMetric = ComparisonResult['metrics'][number];

/** x axis title of a metric's row: what is compared, in its unit. */
const metricAxisTitle = (metric: KeyMetric, what: string) =>
  `${metric.name}: ${what} (${metric.unit}, ${metric.measured})`;

const armColor = (arms: string[]) => ({
  field: 'arm',
  type: 'nominal',
  title: 'Arm',
  sort: arms,
  scale: { domain: arms, range: arms.map((_, i) => TOWN_PALETTE[i % TOWN_PALETTE.length]) },
});

const armAxis = (arms: string[]) => ({
  field: 'arm',
  type: 'nominal',
  sort: arms,
  title: null,
  axis: { labelLimit: 220 },
});

/** One panel per metric, stacked: each its own x scale and an axis title in the metric's unit. */
const metricPanels = (metrics: KeyMetric[], panel: (metric: KeyMetric) => Record<string, unknown>) =>
  metrics.map((metric) => ({
    transform: [{ filter: { field: 'metric', equal: metric.name } }],
    ...panel(metric),
  }));

export function forestData(comparison: ComparisonResult): DataRow[] {
  return comparison.comparisons.map((row) => {
    const baseline = row.baselineMean;
    return {
      metric: row.metric,
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
  const arms = comparison.arms.slice(1).map((arm) => arm.name);
  const confidence = Math.round(comparison.confidence * 100);
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
    subtitle: `Mean difference arm − baseline over ${comparison.replications} paired replicates, with its ${confidence}% confidence interval`,
    description:
      `For each metric (one panel, its own scale, in the unit of its axis title) and policy arm: the dot is the mean ` +
      `difference from the baseline in ${comparison.year} and the bar its ${confidence}% confidence interval. An interval ` +
      'that does not cross the dashed zero line is an effect distinguishable from seed noise.',
    data,
    body: {
      spacing: 14,
      vconcat: metricPanels(comparison.metrics, (metric) => ({
        width: FOREST_WIDTH,
        height: ROW_HEIGHT_PER_ARM * Math.max(1, arms.length),
        layer: [
          {
            mark: { type: 'rule', color: '#666', strokeDash: [4, 3] },
            encoding: { x: { datum: 0, type: 'quantitative' } },
          },
          {
            mark: { type: 'rule', strokeWidth: 2.5 },
            encoding: {
              x: {
                field: 'lower',
                type: 'quantitative',
                title: metricAxisTitle(metric, 'difference'),
                axis: FOREST_VALUE_AXIS,
              },
              x2: { field: 'upper' },
              y: armAxis(arms),
              color: armColor(arms),
            },
          },
          {
            mark: { type: 'point', filled: true, size: 70, opacity: 1 },
            encoding: {
              x: { field: 'difference', type: 'quantitative' },
              y: armAxis(arms),
              color: armColor(arms),
              tooltip,
            },
          },
        ],
      })),
    },
  });
}

export function replicateValuesData(comparison: ComparisonResult): DataRow[] {
  const data: DataRow[] = [];
  for (const metric of comparison.metrics)
    for (const arm of comparison.arms)
      (comparison.values[arm.name]?.[metric.name] ?? []).forEach((value, replicate) => {
        if (value !== null && Number.isFinite(value))
          data.push({ metric: metric.name, arm: arm.name, replicate, value: round(value) });
      });
  return data;
}

export function replicateValuesChart(comparison: ComparisonResult): NamedChart | null {
  const data = replicateValuesData(comparison);
  if (data.length === 0) return null;
  const arms = comparison.arms.map((arm) => arm.name);
  return namedChart({
    name: 'replicate-values',
    title: 'Replicate values by arm',
    subtitle: `Each run's value (dots) and the arm mean (bar) in ${comparison.year}`,
    description:
      'The numbers behind the policy effects: for each metric (one panel, its own scale) every replicate of every arm as a ' +
      'dot and the arm’s mean as a black bar. With common seeds, replicate r of each arm ran on the same seed.',
    data,
    body: {
      spacing: 14,
      vconcat: metricPanels(comparison.metrics, (metric) => ({
        width: FOREST_WIDTH,
        height: ROW_HEIGHT_PER_ARM * arms.length,
        layer: [
          {
            mark: { type: 'point', opacity: 0.7, size: 30 },
            encoding: {
              x: {
                field: 'value',
                type: 'quantitative',
                title: metricAxisTitle(metric, 'value'),
                scale: { zero: false },
                axis: FOREST_VALUE_AXIS,
              },
              y: armAxis(arms),
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
            encoding: { x: { aggregate: 'mean', field: 'value', type: 'quantitative' }, y: armAxis(arms) },
          },
        ],
      })),
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
