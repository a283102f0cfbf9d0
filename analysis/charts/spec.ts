/**
 * What every chart shares: the $schema, one look (fonts, sizes, a palette that tells
 * up to 20 towns apart), rounding of inline data, and kebab-case names. Keeping the
 * look here means the report's charts match whichever builder made them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { DataRow, NamedChart } from './types.js';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Width and height of a single-panel chart, pixels; facets use the PANEL_ sizes. */
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 300;
export const PANEL_WIDTH = 210;
export const PANEL_HEIGHT = 130;

/** Label of the all-towns row in every chart (the metrics' last row, `all` in CSV files). */
export const ALL_TOWNS = 'All towns';

/** Tableau 20: distinct enough for the 13 towns of the national scenario. */
export const TOWN_PALETTE = [
  '#4c78a8',
  '#f58518',
  '#e45756',
  '#72b7b2',
  '#54a24b',
  '#eeca3b',
  '#b279a2',
  '#ff9da6',
  '#9d755d',
  '#bab0ac',
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** Font sizes a printed page can read; titles left-aligned with a subtitle for units. */
export const CHART_CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  title: { fontSize: 15, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555' },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', grid: true, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 320 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  view: { stroke: '#ccc' },
} as const;

/** 6 significant digits: small files, and no digit a chart could show is lost. Non-finite -> null. */
export function round(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  if (Number.isInteger(value)) return value;
  return Number(value.toPrecision(6)) + 0;
}

/** `meanCapability 1979` -> `mean-capability-1979`. */
export function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Names made unique in order: a second `x` becomes `x-2`. */
export function uniqueNames(charts: NamedChart[]): NamedChart[] {
  const seen = new Map<string, number>();
  return charts.map((chart) => {
    const count = (seen.get(chart.name) ?? 0) + 1;
    seen.set(chart.name, count);
    return count === 1 ? chart : { ...chart, name: `${chart.name}-${count}` };
  });
}

export interface ChartParts {
  name: string;
  title: string;
  /** Second title line, for units and what the numbers are. */
  subtitle?: string;
  description: string;
  data: DataRow[];
  /** The rest of the top-level spec (mark/encoding, layer, facet, vconcat ...), without data, title or config. */
  body: Record<string, unknown>;
}

/** A NamedChart whose spec has the schema, the title (and subtitle), the shared config and the data inline. */
export function namedChart(parts: ChartParts): NamedChart {
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: parts.subtitle ? { text: parts.title, subtitle: parts.subtitle } : parts.title,
    data: { values: parts.data },
    ...parts.body,
    config: CHART_CONFIG,
  } as unknown as TopLevelSpec;
  return { name: parts.name, title: parts.title, description: parts.description, spec };
}
