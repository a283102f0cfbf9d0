/**
 * A metric over time for groups of replicated runs (comparison arms, sweep points):
 * the mean over replicates as a line, its 95% t interval as a band, one colour per
 * group. Built from stored shards, so it needs at least two sampled ticks.
 */
import type { ShardRecord } from '../experiments/types.js';
import { timeAxisTitle, timeAxisValue } from './time.js';
import { chartTown, shardValue, summariseReplicates } from './shardSeries.js';
import { CHART_HEIGHT, CHART_WIDTH, PANEL_HEIGHT, PANEL_WIDTH, TOWN_PALETTE, namedChart, round } from './spec.js';
import type { DataRow, NamedChart } from './types.js';

/** Up to this many groups share one panel, each its colour; more get a panel each. */
export const MAX_OVERLAID_GROUPS = 4;

export interface ReplicatedGroup {
  label: string;
  shards: ShardRecord[];
}

export interface ReplicatedSeriesOptions {
  name: string;
  title: string;
  subtitle: string;
  description: string;
  groups: ReplicatedGroup[];
  metric: string;
  /** y axis title, with unit. */
  valueTitle: string;
  groupTitle: string;
  /** Calendar year of tick 0, when known; else the axis counts simulated years. */
  startYear?: number;
}

export function replicatedSeriesChart(options: ReplicatedSeriesOptions): NamedChart | null {
  const first = options.groups.find((group) => group.shards.length > 0)?.shards[0];
  if (!first || !first.samples.metrics.includes(options.metric)) return null;
  const ticks = first.samples.ticks;
  if (ticks.length < 2) return null;
  const town = chartTown(first);
  const time = timeAxisValue(ticks, options.startYear);
  const data: DataRow[] = [];
  for (const group of options.groups) {
    for (const tick of ticks) {
      const summary = summariseReplicates(group.shards.map((shard) => shardValue(shard, tick, town, options.metric)));
      if (!summary) continue;
      data.push({
        group: group.label,
        year: round(time(tick)),
        mean: round(summary.mean),
        lower: round(summary.lower),
        upper: round(summary.upper),
        replicates: summary.replicates,
      });
    }
  }
  if (data.length === 0) return null;
  const labels = options.groups.map((group) => group.label);
  const x = {
    field: 'year',
    type: 'quantitative',
    title: timeAxisTitle(ticks, options.startYear),
    axis: { format: 'd', tickMinStep: 1 },
    scale: { nice: false, zero: false },
  };
  const color = {
    field: 'group',
    type: 'nominal',
    title: options.groupTitle,
    sort: labels,
    scale: { domain: labels, range: labels.map((_, i) => TOWN_PALETTE[i % TOWN_PALETTE.length]) },
  };
  const layers = (color: Record<string, unknown>) => [
    {
      mark: { type: 'area', opacity: 0.2, ...color },
      encoding: { y: { field: 'lower', type: 'quantitative', title: options.valueTitle }, y2: { field: 'upper' } },
    },
    { mark: { type: 'line', strokeWidth: 2, ...color }, encoding: { y: { field: 'mean', type: 'quantitative' } } },
  ];
  const words = {
    name: options.name,
    title: options.title,
    subtitle: options.subtitle,
    description: options.description,
  };
  // Overlapping bands stop reading beyond a few groups: then one small panel per group.
  if (labels.length > MAX_OVERLAID_GROUPS)
    return namedChart({
      ...words,
      data,
      body: {
        facet: { field: 'group', type: 'nominal', title: null, sort: labels, header: { labelLimit: 300 } },
        columns: 3,
        spec: { width: PANEL_WIDTH, height: PANEL_HEIGHT, encoding: { x }, layer: layers({ color: '#4c78a8' }) },
      },
    });
  return namedChart({
    ...words,
    data,
    body: { width: CHART_WIDTH, height: CHART_HEIGHT, encoding: { x, color }, layer: layers({}) },
  });
}
