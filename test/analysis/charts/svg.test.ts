/**
 * renderSvg on hand-built inputs (no simulation): an SVG with marks and the chart's
 * words, byte-identical across calls; and the text widths it lays out with.
 */
import { describe, expect, it } from 'vitest';
import { comparisonCharts, renderSvg, sensitivityCharts } from '../../../analysis/charts/index.js';
import { textWidth } from '../../../analysis/charts/textWidth.js';
import type { ComparisonResult } from '../../../analysis/experiments/compare/analyse.js';
import type { SensitivityResult } from '../../../analysis/experiments/sensitivityRun.js';
import { compileWarnings, schemaErrors } from './validate.js';

const interval = (lower: number, upper: number) => ({ lower, upper, width: upper - lower });

function armRow(arm: string, metric: string, difference: number, lower: number, upper: number) {
  return {
    arm,
    metric,
    pairs: 4,
    droppedPairs: 0,
    baselineMean: 10,
    armMean: 10 + difference,
    meanDifference: difference,
    sdDifference: 1,
    skewnessDifference: 0,
    confidence: 0.95,
    interval: interval(lower, upper),
    method: 't' as const,
    note: 'paired t interval',
    pairedT: interval(lower, upper),
    welch: interval(lower - 1, upper + 1),
    varianceReduction: 0.5,
    varianceRatio: 2,
    correlation: 0.5,
  };
}

const comparison = {
  format: 'clustersim-comparison/1',
  scenario: 'hand-built',
  year: 1971,
  seeding: 'common',
  seedRule: 'common-sha256-v1',
  masterSeed: 1,
  replications: 4,
  confidence: 0.95,
  arms: [
    { name: 'baseline', policies: [] },
    { name: 'training-centre', policies: ['training-centre'] },
  ],
  metrics: [
    { name: 'firms', kind: 'level', unit: 'firms', measured: 'December 1971' },
    { name: 'salesUnits', kind: 'flow', unit: 'units/year', measured: 'sum over 1971' },
  ],
  comparisons: [
    armRow('training-centre', 'firms', 2, 0.5, 3.5),
    armRow('training-centre', 'salesUnits', -150, -400, 100),
  ],
  values: {
    baseline: { firms: [10, 11, 9, 10], salesUnits: [1000, 1100, 900, 1000] },
    'training-centre': { firms: [12, 13, 11, 12], salesUnits: [850, 950, 750, 850] },
  },
  runs: [],
} as ComparisonResult;

const morris: SensitivityResult = {
  method: 'morris',
  name: 'hand-built',
  factors: [
    { name: 'quitRate', min: 0.005, max: 0.05 },
    { name: 'spinOff', min: 0.0001, max: 0.001 },
  ],
  designPoints: 12,
  replications: 1,
  design: { kind: 'morris' },
  outputs: [
    {
      output: 'firms 1971',
      metric: 'firms',
      town: 'all',
      tick: 143,
      morris: [
        { name: 'quitRate', mu: 3, muStar: 4, sigma: 2, effects: [1, 5, 6, 4] },
        { name: 'spinOff', mu: 0.5, muStar: 1, sigma: 1.5, effects: [0, 2, -1, 1] },
      ],
    },
  ],
};

describe('renderSvg', () => {
  it('draws the forest plot as an SVG with marks and its axis titles, the same bytes every time', async () => {
    const [forest] = comparisonCharts(comparison);
    expect(forest.name).toBe('policy-effects');
    expect(schemaErrors(forest.spec)).toEqual([]);
    expect(compileWarnings(forest.spec)).toEqual([]);
    const svg = await renderSvg(forest.spec);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<path|<line|<rect/);
    expect(svg).toContain('firms: difference (firms, December 1971)');
    expect(svg).toContain('training-centre');
    expect(await renderSvg(forest.spec)).toBe(svg);
  });

  it('draws a Morris chart with a label per factor, the same bytes every time', async () => {
    const [chart] = sensitivityCharts(morris);
    const svg = await renderSvg(chart.spec);
    expect(svg).toContain('quitRate');
    expect(svg).toContain('spinOff');
    expect(svg).toContain('<path');
    expect(await renderSvg(chart.spec)).toBe(svg);
  });

  it('leaves the spec it is given as it was (vega tags the rows it ingests; renderSvg works on a copy)', async () => {
    const [chart] = sensitivityCharts(morris);
    const before = JSON.stringify(chart.spec);
    await renderSvg(chart.spec);
    expect(JSON.stringify(chart.spec)).toBe(before);
    const rows = (chart.spec as { data: { values: object[] } }).data.values;
    for (const row of rows) expect(Object.getOwnPropertySymbols(row)).toEqual([]);
  });

  it('moves a Morris label aside when two factors sit close, so no two labels overlap', async () => {
    const close: SensitivityResult = {
      ...morris,
      outputs: [
        {
          ...morris.outputs[0],
          morris: [
            { name: 'spinOff', mu: 3, muStar: 4, sigma: 2, effects: [] },
            { name: 'spillover', mu: 3, muStar: 4.05, sigma: 2.05, effects: [] },
            { name: 'quitRate', mu: 3, muStar: 3.95, sigma: 1.98, effects: [] },
            { name: 'effortShare', mu: 0, muStar: 0.2, sigma: 0.1, effects: [] },
          ],
        },
      ],
    };
    const [chart] = sensitivityCharts(close);
    expect(schemaErrors(chart.spec)).toEqual([]);
    expect(compileWarnings(chart.spec)).toEqual([]);
    const places = (chart.spec as { data: { values: { labelPlace: string }[] } }).data.values.map(
      (row) => row.labelPlace,
    );
    expect(new Set(places.slice(0, 3)).size).toBe(3);
    // The drawn labels: each <text> of a factor at its translate(x,y); their boxes must not intersect.
    const svg = await renderSvg(chart.spec);
    const boxes = [
      ...svg.matchAll(/text-anchor="(start|end)" transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*>(\w+)<\/text>/g),
    ]
      .filter((match) => ['spinOff', 'spillover', 'quitRate', 'effortShare'].includes(match[4]))
      .map(([, anchor, x, y, text]) => {
        const width = textWidth(text, 11);
        const left = anchor === 'start' ? Number(x) : Number(x) - width;
        return { left, right: left + width, top: Number(y) - 9, bottom: Number(y) + 2 };
      });
    expect(boxes).toHaveLength(4);
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const apart =
          boxes[a].right <= boxes[b].left ||
          boxes[b].right <= boxes[a].left ||
          boxes[a].bottom <= boxes[b].top ||
          boxes[b].bottom <= boxes[a].top;
        expect(apart, `${a} and ${b}`).toBe(true);
      }
  });

  it('lays text out at Helvetica widths, not one width per character', () => {
    expect(textWidth('iiii', 10)).toBeCloseTo(8.88, 5);
    expect(textWidth('MMMM', 10)).toBeCloseTo(33.32, 5);
    expect(textWidth('Year', 12, true)).toBeGreaterThan(textWidth('Year', 12));
  });
});
