/**
 * A single run's time-series charts, per town: the capability fan across firms, the
 * firms, workers and vendors stacked by town, and the share of fully integrated
 * producers. Months where a town has no firms are left out (the model reports 0 for a
 * mean over no firms, which would read as a collapse).
 */
import type { RunResult } from '../../sim/runOne.js';
import { runSeries, sampleTicks, samplingWords, type RunSeries } from './runSeries.js';
import {
  ALL_TOWNS,
  CHART_HEIGHT,
  CHART_WIDTH,
  PANEL_HEIGHT,
  PANEL_WIDTH,
  TOWN_PALETTE,
  namedChart,
  round,
} from './spec.js';
import { timeAxisValue } from './time.js';
import type { DataRow, NamedChart } from './types.js';

const TIME_AXIS = { title: 'Year', format: 'd', tickMinStep: 1 };
const timeField = { field: 'year', type: 'quantitative', axis: TIME_AXIS, scale: { nice: false, zero: false } };

/** Sampled ticks of the run and the time axis value of each (see time.ts). */
function sampled(series: RunSeries): { ticks: number[]; time: (tick: number) => number } {
  const ticks = sampleTicks(series.result.ticks, series.rows);
  return { ticks, time: timeAxisValue(ticks, series.result.params.startYear) };
}

function rowsWithFirms(series: RunSeries, rowOrder: number[], metrics: Record<string, string>): DataRow[] {
  const { ticks, time } = sampled(series);
  const data: DataRow[] = [];
  for (const row of rowOrder) {
    for (const tick of ticks) {
      if (!(series.at(tick, row, 'firms') > 0)) continue;
      const point: DataRow = { town: series.rowLabels[row], year: round(time(tick)) };
      for (const [key, metric] of Object.entries(metrics)) point[key] = round(series.at(tick, row, metric));
      data.push(point);
    }
  }
  return data;
}

/** All towns first (the headline), then the towns in scenario order. */
const allTownsFirst = (series: RunSeries) => [series.rows - 1, ...Array.from({ length: series.rows - 1 }, (_, i) => i)];

export function capabilityFanChart(result: RunResult): NamedChart | null {
  const series = runSeries(result);
  const needed = ['capabilityP10', 'capabilityP50', 'capabilityP90', 'meanCapability'];
  if (!needed.every((metric) => series.has(metric))) return null;
  const order = allTownsFirst(series);
  const data = rowsWithFirms(series, order, {
    p10: 'capabilityP10',
    p50: 'capabilityP50',
    p90: 'capabilityP90',
    mean: 'meanCapability',
  });
  if (data.length === 0) return null;
  const y = { type: 'quantitative', title: 'Capability (0–1)', scale: { domain: [0, 1] } };
  // Each layer names its series with a calculated field: the schema allows a colour scale
  // (and so one legend for band, median and mean) only on a field, not on a datum.
  const seriesNamed = (name: string) => [{ calculate: JSON.stringify(name), as: 'series' }];
  const color = {
    field: 'series',
    type: 'nominal',
    title: 'Across firms',
    scale: { domain: ['10th–90th percentile', 'median', 'mean'], range: ['#9ecae9', '#1f5fa8', '#e45756'] },
  };
  return namedChart({
    name: 'capability-by-town',
    title: 'Capability accumulation by town',
    subtitle: `Technological capability of firms (0–1 scale), ${samplingWords(result.ticks, series.rows)}`,
    description:
      'For each town (and all towns pooled), the shaded band spans the 10th to 90th percentile of firm capability, ' +
      'the dark line is the median firm and the red line the mean; capability is on a 0–1 scale. ' +
      'Months without firms in a town are left blank.',
    data,
    body: {
      facet: { field: 'town', type: 'nominal', title: null, sort: order.map((row) => series.rowLabels[row]) },
      // Three columns: All towns and Punjab's 8 towns fill 3 x 3, and with the legend the chart
      // stays under ~900 px, inside a laptop's report column (13 towns make 5 rows).
      columns: 3,
      spec: {
        width: PANEL_WIDTH,
        height: PANEL_HEIGHT,
        layer: [
          {
            mark: { type: 'area', opacity: 0.6 },
            transform: seriesNamed('10th–90th percentile'),
            encoding: {
              x: timeField,
              y: { field: 'p10', ...y },
              y2: { field: 'p90' },
              color,
            },
          },
          {
            mark: { type: 'line', strokeWidth: 2 },
            transform: seriesNamed('median'),
            encoding: { x: timeField, y: { field: 'p50', ...y }, color },
          },
          {
            mark: { type: 'line', strokeWidth: 1.5, strokeDash: [4, 2] },
            transform: seriesNamed('mean'),
            encoding: { x: timeField, y: { field: 'mean', ...y }, color },
          },
        ],
      },
    },
  });
}

const townColor = (towns: string[], withAll: boolean) => ({
  field: 'town',
  type: 'nominal',
  title: 'Town',
  sort: withAll ? [...towns, ALL_TOWNS] : towns,
  scale: {
    domain: withAll ? [...towns, ALL_TOWNS] : towns,
    range: withAll
      ? [...towns.map((_, i) => TOWN_PALETTE[i % 20]), '#000000']
      : towns.map((_, i) => TOWN_PALETTE[i % 20]),
  },
});

/** Firms, workers and vendors, each stacked by town so the top edge is the all-towns total. */
export function firmsWorkersVendorsChart(result: RunResult): NamedChart | null {
  const series = runSeries(result);
  const panels = [
    { metric: 'firms', title: 'Firms (count)' },
    { metric: 'workers', title: 'Workers (people)' },
    { metric: 'vendors', title: 'Specialist vendors (count)' },
  ].filter((panel) => series.has(panel.metric));
  if (panels.length === 0) return null;
  const towns = result.townNames;
  const { ticks, time } = sampled(series);
  const data: DataRow[] = [];
  for (let row = 0; row < towns.length; row++) {
    for (const tick of ticks) {
      const point: DataRow = { town: towns[row], year: round(time(tick)) };
      for (const { metric } of panels) point[metric] = round(series.at(tick, row, metric));
      data.push(point);
    }
  }
  return namedChart({
    name: 'firms-workers-vendors',
    title: 'Firms, workers and specialist vendors',
    subtitle: `Stacked by town: the top edge is the all-towns total, ${samplingWords(result.ticks, series.rows)}`,
    description:
      'Three panels: firms trading, the labour force (employed and unemployed, people) and specialist vendors in business, ' +
      'each stacked by town so that the height of a colour is that town and the top edge is the cluster total.',
    data,
    body: {
      vconcat: panels.map(({ metric, title }) => ({
        width: CHART_WIDTH,
        height: Math.round(CHART_HEIGHT * 0.6),
        mark: { type: 'area' },
        encoding: {
          x: timeField,
          y: { field: metric, type: 'quantitative', stack: 'zero', title },
          color: townColor(towns, false),
          order: { field: 'townOrder', type: 'quantitative' },
        },
      })),
      transform: [{ calculate: `indexof(${JSON.stringify(towns)}, datum.town)`, as: 'townOrder' }],
    },
  });
}

export function integratedShareChart(result: RunResult): NamedChart | null {
  const series = runSeries(result);
  if (!series.has('fullyIntegratedShare')) return null;
  const order = Array.from({ length: series.rows }, (_, i) => i);
  const data = rowsWithFirms(series, order, { share: 'fullyIntegratedShare' });
  if (data.length === 0) return null;
  return namedChart({
    name: 'fully-integrated-share',
    title: 'Share of fully integrated producers',
    subtitle: `Firms doing every process of their products in-house, % of firms trading, ${samplingWords(result.ticks, series.rows)}`,
    description:
      'Per town (thin lines) and for all towns pooled (thick black line): the percentage of trading firms that do every ' +
      'process of their products in-house rather than buying it from specialist vendors. A falling line is a deepening division of labour.',
    data,
    body: {
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      mark: { type: 'line' },
      encoding: {
        x: timeField,
        y: {
          field: 'share',
          type: 'quantitative',
          title: 'Fully integrated firms (% of firms)',
          axis: { format: '.0%' },
          scale: { domain: [0, 1] },
        },
        color: townColor(result.townNames, true),
        strokeWidth: { condition: { test: `datum.town === '${ALL_TOWNS}'`, value: 3 }, value: 1.2 },
      },
    },
  });
}
