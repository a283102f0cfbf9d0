/**
 * The charts of compare, sweep and sensitivity, on real results made as the commands
 * make them (fixtures.ts): every spec is valid Vega-Lite that compiles without
 * warnings and is the same every time, and each chart holds the numbers of its source -
 * the forest plot the comparison's intervals, a sweep cell the mean of its replicates'
 * stored values, a Morris or Sobol chart the indices of the result.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  comparisonCharts,
  sensitivityCharts,
  sweepCharts,
  sweepFactorTitles,
  sweepStartYear,
  type NamedChart,
} from '../../../analysis/charts/index.js';
import { parameterDescription } from '../../../analysis/charts/sweepFactors.js';
import type { SweepDefinition } from '../../../analysis/experiments/sweepFile/index.js';
import type { DataRow } from '../../../analysis/charts/types.js';
import type { ComparisonResult } from '../../../analysis/experiments/compare/analyse.js';
import type { SensitivityResult } from '../../../analysis/experiments/sensitivityRun.js';
import { openStoreForReading } from '../../../analysis/experiments/store/index.js';
import { punjabComparison, runSweepFile, sensitivityResult, SWEEP_FILES, workFolder } from './fixtures.js';
import { compileWarnings, schemaErrors } from './validate.js';

const work = workFolder();
let comparison: ComparisonResult;
const sweeps: Record<string, { dir: string; def: SweepDefinition; startYear: number; charts: NamedChart[] }> = {};
const sensitivity: Partial<Record<'morris' | 'sobol', SensitivityResult>> = {};

beforeAll(async () => {
  comparison = await punjabComparison(join(work.dir, 'compare'));
  for (const [name, lines] of Object.entries(SWEEP_FILES)) {
    const { def, startYear } = await runSweepFile(lines, work.dir, name);
    const dir = join(work.dir, name);
    // As the sweep report asks for them (analysis/report/inputs/sweep.ts).
    const options = { startYear: sweepStartYear(def), factorTitles: sweepFactorTitles(def) };
    sweeps[name] = { dir, def, startYear, charts: sweepCharts(dir, options) };
  }
  sensitivity.morris = await sensitivityResult(work.dir, 'morris');
  sensitivity.sobol = await sensitivityResult(work.dir, 'sobol');
}, 120_000);

afterAll(work.cleanup);

/** Chart data keeps 6 significant digits. */
const sig6 = (value: number) => Number(value.toPrecision(6));
const dataOf = (chart: NamedChart) => (chart.spec as { data: { values: DataRow[] } }).data.values;
const named = (charts: NamedChart[], name: string) => {
  const found = charts.find((chart) => chart.name === name);
  if (!found) throw new Error(`no chart ${name} in ${charts.map((chart) => chart.name).join(', ')}`);
  return found;
};
const compareCharts = () => comparisonCharts(comparison, join(work.dir, 'compare'));
const allCharts = (): [string, NamedChart][] => [
  ...compareCharts().map((chart): [string, NamedChart] => ['compare', chart]),
  ...Object.entries(sweeps).flatMap(([name, sweep]) =>
    sweep.charts.map((chart): [string, NamedChart] => [name, chart]),
  ),
  ...sensitivityCharts(sensitivity.morris!).map((chart): [string, NamedChart] => ['morris', chart]),
  ...sensitivityCharts(sensitivity.sobol!).map((chart): [string, NamedChart] => ['sobol', chart]),
];

describe('every experiment chart', () => {
  it('validates against the Vega-Lite schema and compiles without a warning', () => {
    const charts = allCharts();
    // 3 comparison + 3 + 1 + 3 + 1 sweep + 2 Morris + 2 Sobol.
    expect(charts).toHaveLength(15);
    for (const [source, chart] of charts) {
      expect(schemaErrors(chart.spec), `${source}: ${chart.name}`).toEqual([]);
      expect(compileWarnings(chart.spec), `${source}: ${chart.name}`).toEqual([]);
    }
  });

  it('is the same spec when built again from the same results', () => {
    expect(JSON.stringify(allCharts())).toBe(JSON.stringify(allCharts()));
  });
});

describe('comparisonCharts', () => {
  it('gives the forest plot, the replicate values and capability over time per arm (Decembers kept)', () => {
    expect(compareCharts().map((chart) => chart.name)).toEqual([
      'policy-effects',
      'replicate-values',
      'capability-by-arm',
    ]);
  });

  it('forest plot: one row per arm and metric holding the comparison interval, lower <= difference <= upper', () => {
    const rows = dataOf(named(compareCharts(), 'policy-effects'));
    expect(rows).toHaveLength(2 * comparison.metrics.length);
    rows.forEach((row, i) => {
      const source = comparison.comparisons[i];
      expect([row.arm, row.metric]).toEqual([source.arm, source.metric]);
      expect(row.difference).toBe(sig6(source.meanDifference!));
      expect([row.lower, row.upper]).toEqual([sig6(source.interval.lower!), sig6(source.interval.upper!)]);
      expect(row.lower as number).toBeLessThanOrEqual(row.difference as number);
      expect(row.difference as number).toBeLessThanOrEqual(row.upper as number);
    });
    // One panel per metric, each with a zero line.
    const panels = (named(compareCharts(), 'policy-effects').spec as { vconcat: { layer: unknown[] }[] }).vconcat;
    expect(panels).toHaveLength(comparison.metrics.length);
    for (const panel of panels) expect(JSON.stringify(panel.layer[0])).toContain('"datum":0');
  });

  it('replicate values: every run value of every arm and metric', () => {
    const rows = dataOf(named(compareCharts(), 'replicate-values'));
    expect(rows).toHaveLength(3 * comparison.metrics.length * comparison.replications);
    const firms = rows.filter((row) => row.metric === 'firms' && row.arm === 'training-centre');
    expect(firms.map((row) => row.value)).toEqual(comparison.values['training-centre'].firms);
  });
});

/** Mean over replicates of a metric at the last stored tick, all towns, per design point (read straight from the shards). */
function pointMeans(dir: string, metric: string): number[] {
  const store = openStoreForReading(dir);
  const byPoint = new Map<number, number[]>();
  for (const run of store.runs) {
    const { samples } = store.readShard(run.runKey);
    const t = samples.ticks.length - 1;
    const value =
      samples.values[
        (t * samples.towns.length + samples.towns.indexOf('all')) * samples.metrics.length +
          samples.metrics.indexOf(metric)
      ]!;
    byPoint.set(run.point, [...(byPoint.get(run.point) ?? []), value]);
  }
  return [...byPoint.keys()]
    .sort((a, b) => a - b)
    .map((point) => {
      const values = byPoint.get(point)!;
      return values.reduce((a, b) => a + b, 0) / values.length;
    });
}

describe('sweepCharts', () => {
  it('draws each kept metric and, where a time series is kept, the capability over time', () => {
    const names = (sweep: string) => sweeps[sweep].charts.map((chart) => chart.name);
    expect(names('one-number')).toEqual(['sweep-mean-capability', 'sweep-firms', 'sweep-mean-capability-over-time']);
    expect(names('one-policy')).toEqual(['sweep-firms']);
    expect(names('grid')).toEqual([
      'sweep-mean-capability',
      'sweep-fully-integrated-share',
      'sweep-mean-capability-over-time',
    ]);
    expect(names('lhs')).toEqual(['sweep-firms']);
  });

  it('one numeric factor: a line over its values with a 95% band around the mean of the replicates', () => {
    const rows = dataOf(named(sweeps['one-number'].charts, 'sweep-firms'));
    expect(rows.map((row) => row.x)).toEqual([0.005, 0.02, 0.05]);
    rows.forEach((row, i) => {
      expect(row.mean).toBe(sig6(pointMeans(sweeps['one-number'].dir, 'firms')[i]));
      expect(row.replicates).toBe(2);
      expect(row.lower as number).toBeLessThanOrEqual(row.mean as number);
      expect(row.mean as number).toBeLessThanOrEqual(row.upper as number);
    });
  });

  it('one policy factor: a dot with an error bar per policy, in the order of the sweep file', () => {
    const chart = named(sweeps['one-policy'].charts, 'sweep-firms');
    expect(dataOf(chart).map((row) => row.x)).toEqual(['none', 'training-centre']);
    expect(JSON.stringify(chart.spec)).toContain('"type":"nominal"');
  });

  it('two factors on a grid: a heatmap cell per combination holding the mean of its replicates', () => {
    const chart = named(sweeps.grid.charts, 'sweep-mean-capability');
    const rows = dataOf(chart);
    expect(rows).toHaveLength(6);
    expect(rows.map((row) => [row.x, row.y])).toEqual([
      ['none', 8000],
      ['none', 16000],
      ['none', 32000],
      ['training-centre', 8000],
      ['training-centre', 16000],
      ['training-centre', 32000],
    ]);
    const means = pointMeans(sweeps.grid.dir, 'meanCapability');
    rows.forEach((row, i) => expect(row.mean).toBe(sig6(means[i])));
    expect(JSON.stringify(chart.spec)).toContain('"type":"rect"');
  });

  it('a Latin hypercube: a scatter of the design points coloured by the metric', () => {
    const chart = named(sweeps.lhs.charts, 'sweep-firms');
    expect(dataOf(chart)).toHaveLength(13);
    expect((chart.spec as { mark: { type: string } }).mark.type).toBe('point');
  });

  it('titles a parameter factor with what the scenario schema says it is, and the time words in calendar years', () => {
    // A title longer than its axis comes as lines: read them as one.
    const titles = (chart: NamedChart) =>
      Object.fromEntries(
        Object.entries((chart.spec as { encoding: Record<string, { title: string | string[] }> }).encoding).map(
          ([channel, { title }]) => [channel, [title].flat().join(' ')],
        ),
      );
    const scatter = titles(named(sweeps.lhs.charts, 'sweep-firms'));
    expect(scatter.x).toBe('quitRate: monthly probability that an employee quits');
    expect(scatter.y).toBe('spinOff: monthly probability that a qualified journeyman founds a workshop');
    // A policy factor's levels speak for themselves; the heatmap's numeric factor gets its description too.
    const heatmap = titles(named(sweeps.grid.charts, 'sweep-mean-capability'));
    expect(heatmap.x).toBe('policy');
    expect(heatmap.y).toBe('designCost: design work needed to reverse-engineer a frontier product, money');
    for (const [name, sweep] of Object.entries(sweeps)) expect(sweepStartYear(sweep.def), name).toBe(sweep.startYear);
    const subtitle = JSON.stringify(named(sweeps['one-number'].charts, 'sweep-firms').spec);
    expect(subtitle).toContain(`December ${sweeps['one-number'].startYear + 3}`);
    expect(subtitle).not.toContain('simulated year');
  });

  it('finds a parameter description through a list item by name, index or *, and none for an unknown path', () => {
    const byStar = parameterDescription('towns.*.initialFirms');
    expect(byStar).toBe('Firms at the start of the run');
    expect(parameterDescription('towns.Daska.initialFirms')).toBe(byStar);
    expect(parameterDescription('towns.0.initialFirms')).toBe(byStar);
    expect(parameterDescription('labour.noSuchParameter')).toBeUndefined();
  });

  it('over time: a line and band per design point, at the calendar years of the Decembers kept', () => {
    const rows = dataOf(named(sweeps['one-number'].charts, 'sweep-mean-capability-over-time'));
    const { startYear } = sweeps['one-number'];
    expect(new Set(rows.map((row) => row.year))).toEqual(new Set([0, 1, 2, 3].map((y) => startYear + y)));
    expect(new Set(rows.map((row) => row.group)).size).toBe(3);
    for (const row of rows) expect(row.lower as number).toBeLessThanOrEqual(row.upper as number);
    // Six design points do not share one panel: small multiples.
    expect(named(sweeps.grid.charts, 'sweep-mean-capability-over-time').spec).toHaveProperty('facet');
  });
});

describe('sensitivityCharts', () => {
  it('Morris: a mu*-sigma chart per output with a labelled dot per factor', () => {
    const result = sensitivity.morris!;
    const charts = sensitivityCharts(result);
    expect(charts.map((chart) => chart.name)).toEqual(['morris-firms-1961', 'morris-mean-capability-1961']);
    charts.forEach((chart, i) => {
      const rows = dataOf(chart);
      expect(rows.map((row) => row.factor)).toEqual(['quitRate', 'spinOff']);
      rows.forEach((row, f) => {
        expect(row.muStar).toBe(sig6(result.outputs[i].morris![f].muStar));
        expect(row.sigma).toBe(sig6(result.outputs[i].morris![f].sigma));
      });
    });
  });

  it('Sobol: S1 and ST bars per factor with their bootstrap intervals', () => {
    const result = sensitivity.sobol!;
    const charts = sensitivityCharts(result);
    expect(charts.map((chart) => chart.name)).toEqual(['sobol-firms-1961', 'sobol-mean-capability-1961']);
    const rows = dataOf(charts[0]);
    expect(rows).toHaveLength(4);
    const quit = result.outputs[0].sobol!.find((index) => index.name === 'quitRate')!;
    const st = rows.find((row) => row.factor === 'quitRate' && row.index === 'ST (total)')!;
    expect([st.value, st.low, st.high]).toEqual(
      [quit.st, quit.stLow, quit.stHigh].map((v) => Number(v.toPrecision(6))),
    );
    for (const row of rows) expect(row.low as number).toBeLessThanOrEqual(row.high as number);
  });
});
