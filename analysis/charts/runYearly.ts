/**
 * A single run's yearly charts: products made by complexity (from the December firm
 * panel's product masks), upgrading types (December tallies), entry by origin (entry
 * events) and the imitation-lag histogram (copy events).
 */
import type { RunResult } from '../../sim/runOne.js';
import { digestOf } from '../output/digest.js';
import { decemberTicks, runSeries } from './runSeries.js';
import { CHART_HEIGHT, CHART_WIDTH, namedChart, round } from './spec.js';
import type { DataRow, NamedChart } from './types.js';

const yearAxis = (count: number) => ({
  field: 'year',
  type: 'ordinal',
  title: 'Year',
  // An ordinal axis labels every band: up to 15 years fit level, up to 25 turned; beyond that every fifth year.
  axis:
    count > 25
      ? { labelAngle: 0, labelExpr: 'datum.value % 5 === 0 ? datum.label : ""' }
      : { labelAngle: count > 15 ? -90 : 0 },
});

/**
 * The body of a bar chart stacked by year: one bar per year, segments of `colorField`
 * in the order `domain` gives (the rows' `order` field), on the shared year axis.
 */
function stackedYearlyBars(options: {
  years: number;
  valueField: string;
  valueTitle: string;
  colorField: string;
  colorTitle: string;
  domain: readonly string[];
  colors: { range: string[] } | { scheme: string };
}) {
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    mark: { type: 'bar' },
    encoding: {
      x: yearAxis(options.years),
      y: { field: options.valueField, type: 'quantitative', stack: 'zero', title: options.valueTitle },
      color: {
        field: options.colorField,
        type: 'nominal',
        title: options.colorTitle,
        sort: [...options.domain],
        scale: { domain: [...options.domain], ...options.colors },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}

/** Complexity classes of products (complexity on the scenario's 0–1 scale), from simplest. */
export const COMPLEXITY_CLASSES = [
  { label: 'simple (complexity < 0.2)', below: 0.2 },
  { label: 'medium (0.2 to < 0.4)', below: 0.4 },
  { label: 'complex (≥ 0.4)', below: Number.POSITIVE_INFINITY },
] as const;

export function complexityClass(complexity: number): string {
  return COMPLEXITY_CLASSES.find((cls) => complexity < cls.below)!.label;
}

/**
 * Per December of the run and complexity class: products of the catalogue with at
 * least one maker among the firms alive then (the yearly panel's product masks, OR-ed).
 */
export function productsMadeByYear(result: RunResult): DataRow[] {
  const products = result.params.products;
  const madeByYear = digestOf(result).productsMaskByYear;
  const data: DataRow[] = [];
  const firstYear = result.params.startYear;
  for (let y = 0; y < Math.floor(result.ticks / 12); y++) {
    const year = firstYear + y;
    const mask = madeByYear.get(year) ?? 0;
    COMPLEXITY_CLASSES.forEach((cls, order) => {
      const made = products.filter(
        (product, p) => (mask >>> p) & 1 && complexityClass(product.complexity) === cls.label,
      );
      data.push({ year, complexity: cls.label, order, products: made.length });
    });
  }
  return data;
}

export function productsByComplexityChart(result: RunResult): NamedChart | null {
  if (digestOf(result).productsMaskByYear.size === 0 || result.params.products.length === 0) return null;
  const data = productsMadeByYear(result);
  return namedChart({
    name: 'products-by-complexity',
    title: 'Products made, by complexity',
    subtitle: 'Products of the catalogue with at least one maker in December, stacked by complexity class',
    description:
      `Each bar counts the products (of the scenario's ${result.params.products.length}) that at least one firm alive in ` +
      'December made, stacked by the complexity of the product (the capability it takes, 0–1). Taller and darker bars mean a broader, more complex product range.',
    data,
    body: stackedYearlyBars({
      years: data.length / COMPLEXITY_CLASSES.length,
      valueField: 'products',
      valueTitle: 'Products made (count)',
      colorField: 'complexity',
      colorTitle: 'Complexity',
      domain: COMPLEXITY_CLASSES.map((cls) => cls.label),
      colors: { range: ['#c6dbef', '#6baed6', '#08519c'] },
    }),
  });
}

/** The five upgrading types of the December tallies, in the order the model defines them. */
export const UPGRADING_TYPES = [
  { metric: 'upgradedProduct', label: 'product' },
  { metric: 'upgradedProcess', label: 'process' },
  { metric: 'upgradedFunctional', label: 'functional' },
  { metric: 'upgradedInterSectoral', label: 'inter-sectoral' },
  { metric: 'upgradedMarketingLinkages', label: 'marketing linkages' },
] as const;

export function upgradingData(result: RunResult): DataRow[] {
  const series = runSeries(result);
  const all = series.rows - 1;
  const data: DataRow[] = [];
  for (const tick of decemberTicks(result.ticks)) {
    UPGRADING_TYPES.forEach(({ metric, label }, order) => {
      if (series.has(metric))
        data.push({ year: series.calendarYear(tick), type: label, order, firms: round(series.at(tick, all, metric)) });
    });
  }
  return data;
}

export function upgradingChart(result: RunResult): NamedChart | null {
  const data = upgradingData(result);
  if (data.length === 0) return null;
  return namedChart({
    name: 'upgrading-types',
    title: 'Upgrading by type',
    subtitle: 'Firms that upgraded during the year, all towns, stacked by type',
    description:
      'For each calendar year, the number of firms with each type of upgrading (product, process, functional, ' +
      'inter-sectoral, marketing linkages). A firm with two types counts in both, so a bar is firm-types, not firms.',
    data,
    body: stackedYearlyBars({
      years: data.length / UPGRADING_TYPES.length,
      valueField: 'firms',
      valueTitle: 'Firms upgrading (count, by type)',
      colorField: 'type',
      colorTitle: 'Upgrading type',
      domain: UPGRADING_TYPES.map((t) => t.label),
      colors: { scheme: 'tableau10' },
    }),
  });
}

export const ENTRY_ORIGINS = ['spin-off', 'outsider founder'] as const;

/** Entries per calendar year by origin: a spin-off has a parent firm, an outsider's founder came from outside. */
export function entryData(result: RunResult): DataRow[] {
  const years = Math.floor(result.ticks / 12);
  const digest = digestOf(result);
  const counts = [digest.spinOffEntriesByYear, digest.outsiderEntriesByYear]; // in ENTRY_ORIGINS order
  const data: DataRow[] = [];
  for (let y = 0; y < years; y++)
    ENTRY_ORIGINS.forEach((origin, o) =>
      data.push({ year: result.params.startYear + y, origin, order: o, entries: counts[o][y] }),
    );
  return data;
}

export function entryByOriginChart(result: RunResult): NamedChart | null {
  const data = entryData(result);
  if (data.length === 0) return null;
  const founding = result.params.towns.reduce((sum, town) => sum + town.initialFirms, 0);
  return namedChart({
    name: 'entry-by-origin',
    title: 'Entry of new firms by origin',
    subtitle: 'New workshops per year, all towns: spin-offs of local firms vs founders from outside the cluster',
    description:
      'New firms opened each calendar year, split by origin: a spin-off is founded by a worker leaving a local firm (its parent); ' +
      `an outsider founder comes from outside the cluster. The ${founding} founding firms present at the start are not shown.`,
    data,
    body: stackedYearlyBars({
      years: distinctYears(data),
      valueField: 'entries',
      valueTitle: 'New firms (count per year)',
      colorField: 'origin',
      colorTitle: 'Origin',
      domain: ENTRY_ORIGINS,
      colors: { range: ['#54a24b', '#b279a2'] },
    }),
  });
}

const distinctYears = (data: DataRow[]) => new Set(data.map((row) => row.year)).size;

/** Lags (months from launch to copy) of the first local copies, in event order. */
export function firstLocalCopyLags(result: RunResult): number[] {
  return digestOf(result).firstLocalCopyLagMonths;
}

/** Bin width in months: 1, 3, 6 or 12, the narrowest that gives at most 40 bins. */
export function lagBinMonths(maxLag: number): number {
  return [1, 3, 6, 12].find((width) => maxLag / width <= 40) ?? Math.ceil(maxLag / 40 / 12) * 12;
}

export function lagHistogram(lags: readonly number[]): { width: number; bins: DataRow[] } {
  const maxLag = Math.max(0, ...lags);
  const width = lagBinMonths(maxLag);
  const count = Math.floor(maxLag / width) + 1;
  const counts = new Array<number>(count).fill(0);
  for (const lag of lags) counts[Math.floor(lag / width)]++;
  return { width, bins: counts.map((copies, i) => ({ fromMonths: i * width, toMonths: (i + 1) * width, copies })) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function imitationLagChart(result: RunResult): NamedChart | null {
  const lags = firstLocalCopyLags(result);
  if (lags.length === 0) return null;
  const { width, bins } = lagHistogram(lags);
  const lagMedian = median(lags);
  return namedChart({
    name: 'imitation-lag',
    title: 'Imitation lag',
    subtitle: `Months from a design's launch to its first copy in the originator's town (${lags.length} designs; median ${round(lagMedian)} months)`,
    description:
      `How long innovators kept a new design to themselves: months from launch to the first local copy, in bins of ${width} month${width === 1 ? '' : 's'}; ` +
      'the red line is the median. The first local copy ends the originator’s rent.',
    data: bins,
    body: {
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      layer: [
        {
          mark: { type: 'bar', color: '#4c78a8', stroke: '#fff', strokeWidth: 0.5 },
          encoding: {
            // Counted here, not by Vega-Lite's bin transform: the counts are the data a test can check.
            x: { field: 'fromMonths', bin: 'binned', type: 'quantitative', title: 'Imitation lag (months)' },
            x2: { field: 'toMonths' },
            y: { field: 'copies', type: 'quantitative', title: 'First local copies (designs)' },
          },
        },
        {
          mark: { type: 'rule', color: '#e45756', strokeWidth: 2 },
          encoding: { x: { datum: round(lagMedian), type: 'quantitative' } },
        },
      ],
    },
  });
}
