/**
 * The charts of one run (clustersim run), on a real 12-year Punjab run: each spec is
 * valid Vega-Lite that compiles without warnings, small, the same every time, and
 * holds the numbers it claims - checked against a second source where the run has
 * one (events against metric counts, the firm panel against December tallies).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSvg, runCharts, type NamedChart } from '../../../analysis/charts/index.js';
import { sampleTicks } from '../../../analysis/charts/runSeries.js';
import { ALL_TOWNS } from '../../../analysis/charts/spec.js';
import { COMPLEXITY_CLASSES, UPGRADING_TYPES } from '../../../analysis/charts/runYearly.js';
import type { DataRow } from '../../../analysis/charts/types.js';
import type { RunResult } from '../../../sim/runOne.js';
import { punjabRun, RUN_YEARS } from './fixtures.js';
import { compileWarnings, schemaErrors } from './validate.js';

let result: RunResult;
let charts: NamedChart[];

beforeAll(async () => {
  result = await punjabRun();
  charts = runCharts(result);
});

const chart = (name: string) => {
  const found = charts.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no chart ${name}`);
  return found;
};
const dataOf = (name: string) => (chart(name).spec as { data: { values: DataRow[] } }).data.values;

/** A metric of the all-towns row summed over the months of each calendar year. */
function yearlySum(metric: string): number[] {
  const towns = result.townNames.length;
  const m = result.metricNames.indexOf(metric);
  const sums = new Array<number>(RUN_YEARS).fill(0);
  for (let tick = 0; tick < result.ticks; tick++)
    sums[Math.floor(tick / 12)] += result.metrics[(tick * (towns + 1) + towns) * result.metricNames.length + m];
  return sums;
}

/** A metric of the all-towns row in December of each year. */
function december(metric: string): number[] {
  const towns = result.townNames.length;
  const m = result.metricNames.indexOf(metric);
  return Array.from(
    { length: RUN_YEARS },
    (_, y) => result.metrics[((y * 12 + 11) * (towns + 1) + towns) * result.metricNames.length + m],
  );
}

const byYear = (rows: DataRow[], value: string, filter: (row: DataRow) => boolean = () => true) => {
  const sums = new Map<number, number>();
  for (const row of rows.filter(filter))
    sums.set(row.year as number, (sums.get(row.year as number) ?? 0) + (row[value] as number));
  return Array.from({ length: RUN_YEARS }, (_, y) => sums.get(result.params.startYear + y) ?? 0);
};

describe('runCharts', () => {
  it('gives the seven charts of a run, in report order, with unique kebab-case names', () => {
    expect(charts.map((c) => c.name)).toEqual([
      'capability-by-town',
      'firms-workers-vendors',
      'fully-integrated-share',
      'products-by-complexity',
      'upgrading-types',
      'entry-by-origin',
      'imitation-lag',
    ]);
    for (const c of charts) {
      expect(c.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.description.length).toBeGreaterThan(40);
    }
  });

  it('every spec validates against the Vega-Lite schema and compiles without a warning', () => {
    for (const c of charts) {
      expect(schemaErrors(c.spec), c.name).toEqual([]);
      expect(compileWarnings(c.spec), c.name).toEqual([]);
    }
  });

  it('every spec carries its data inline, the schema URL and a title; each is well under 1 MB', () => {
    for (const c of charts) {
      const spec = c.spec as { $schema: string; data: { values: unknown[] }; title: unknown };
      expect(spec.$schema).toMatch(/vega-lite\/v6/);
      expect(spec.data.values.length).toBeGreaterThan(0);
      expect(spec.title).toBeTruthy();
      expect(JSON.stringify(c.spec).length, c.name).toBeLessThan(300_000);
    }
  });

  it('the same run gives the same spec JSON', () => {
    expect(JSON.stringify(runCharts(result))).toBe(JSON.stringify(charts));
  });

  it('every chart renders to an SVG with marks, no wider than a laptop report column; the same bytes again', async () => {
    for (const c of charts) {
      const svg = await renderSvg(c.spec);
      expect(svg.startsWith('<svg'), c.name).toBe(true);
      expect(svg, c.name).toMatch(/<path|<rect/);
      // The report column is about 1000 px on a laptop: the capability facets with their legend included.
      expect(Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]), c.name).toBeLessThanOrEqual(1000);
    }
    const histogram = chart('imitation-lag').spec;
    expect(await renderSvg(histogram)).toBe(await renderSvg(histogram));
  });

  it('capability fan: all towns first, P10 <= median <= P90 within [0, 1], no month of a town without firms', () => {
    const rows = dataOf('capability-by-town');
    expect(rows[0].town).toBe(ALL_TOWNS);
    expect(new Set(rows.map((row) => row.town))).toEqual(new Set([ALL_TOWNS, ...result.townNames]));
    for (const row of rows) {
      expect(row.p10 as number).toBeLessThanOrEqual(row.p50 as number);
      expect(row.p50 as number).toBeLessThanOrEqual(row.p90 as number);
      expect(row.p10 as number).toBeGreaterThan(0);
      expect(row.p90 as number).toBeLessThanOrEqual(1);
    }
    // A 12-year run of 9 rows is short enough to keep every month.
    expect(rows.filter((row) => row.town === ALL_TOWNS)).toHaveLength(RUN_YEARS * 12);
  });

  it('firms stacked by town add up to the all-towns firm count each month', () => {
    const rows = dataOf('firms-workers-vendors');
    const towns = result.townNames.length;
    const firms = result.metricNames.indexOf('firms');
    for (let tick = 0; tick < result.ticks; tick += 17) {
      const year = rows[tick].year;
      const stacked = rows.filter((row) => row.year === year).reduce((sum, row) => sum + (row.firms as number), 0);
      expect(stacked).toBe(result.metrics[(tick * (towns + 1) + towns) * result.metricNames.length + firms]);
    }
  });

  it('products by complexity: per year the classes add up to the December productsMade of all towns', () => {
    const rows = dataOf('products-by-complexity');
    expect(rows).toHaveLength(RUN_YEARS * COMPLEXITY_CLASSES.length);
    expect(byYear(rows, 'products')).toEqual(december('productsMade'));
    expect(byYear(rows, 'products').at(-1)).toBeGreaterThan(byYear(rows, 'products')[0]);
  });

  it('upgrading bars: each type per year equals the December tally and the firm panel count', () => {
    const rows = dataOf('upgrading-types');
    const { cols } = result.firmPanel;
    for (const { metric, label } of UPGRADING_TYPES) {
      const bars = byYear(rows, 'firms', (row) => row.type === label);
      expect(bars, metric).toEqual(december(metric));
      const panel = new Array<number>(RUN_YEARS).fill(0);
      for (let row = 0; row < result.firmPanel.rows; row++)
        panel[cols.year[row] - result.params.startYear] += cols[metric][row];
      expect(bars, metric).toEqual(panel);
    }
    expect(byYear(rows, 'firms').reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('entry by origin: spin-offs plus outsiders equal the entries metric each year, outsiders the outsiderEntries', () => {
    const rows = dataOf('entry-by-origin');
    expect(byYear(rows, 'entries')).toEqual(yearlySum('entries'));
    expect(byYear(rows, 'entries', (row) => row.origin === 'outsider founder')).toEqual(yearlySum('outsiderEntries'));
    expect(byYear(rows, 'entries', (row) => row.origin === 'spin-off').some((count) => count > 0)).toBe(true);
  });

  it('imitation-lag histogram: the counts add up to the first local copies the metrics counted', () => {
    const rows = dataOf('imitation-lag');
    const total = rows.reduce((sum, row) => sum + (row.copies as number), 0);
    expect(total).toBe(yearlySum('firstLocalCopies').reduce((a, b) => a + b, 0));
    expect(total).toBeGreaterThan(10);
    for (const row of rows) expect((row.toMonths as number) - (row.fromMonths as number)).toBe(rows[0].toMonths);
  });
});

describe('sampleTicks', () => {
  it('keeps every month of a short run, every third month of a longer one, Decembers of a longer one still', () => {
    expect(sampleTicks(144, 9)).toHaveLength(144);
    // The national scenario: 13 towns and all towns over 40 years.
    const quarterly = sampleTicks(480, 14);
    expect(quarterly.slice(0, 4)).toEqual([2, 5, 8, 11]);
    expect(quarterly).toHaveLength(160);
    const decembers = sampleTicks(720, 14);
    expect(decembers).toHaveLength(60);
    expect(decembers.every((tick) => tick % 12 === 11)).toBe(true);
  });
});
