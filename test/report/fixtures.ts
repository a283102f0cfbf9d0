/** A small report input for the report tests: two tiny charts and text that needs escaping. */
import type { ReportInput } from '../../analysis/report/index.js';

export function tinyReport(): ReportInput {
  return {
    title: 'clustersim run: test <scenario> & "quotes"',
    subtitle: 'Two small charts',
    summary: [
      { label: 'Scenario', value: 'tiny' },
      { label: 'Seed', value: '7' },
    ],
    provenance: { tool: 'clustersim', trap: '</script><script>alert(1)</script>', url: 'https://example.org' },
    notes: ['A note with <b>markup</b> that must stay text'],
    charts: [
      {
        name: 'firms-over-time',
        title: 'Firms over time',
        description: 'Number of firms (count) by year.',
        spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
          title: 'Firms',
          width: 300,
          height: 150,
          data: {
            values: [
              { year: 1960, firms: 3, label: '</script>' },
              { year: 1961, firms: 5, label: '<!--' },
            ],
          },
          mark: 'line',
          encoding: {
            x: { field: 'year', type: 'quantitative', title: 'Year' },
            y: { field: 'firms', type: 'quantitative', title: 'Firms (count)' },
          },
        },
      },
      {
        name: 'effect-interval',
        title: 'An interval',
        description: 'A difference with its 95% interval (firms).',
        spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
          width: 300,
          height: 60,
          data: { values: [{ metric: 'firms', low: -1, high: 2, mean: 0.5 }] },
          layer: [
            {
              mark: 'rule',
              encoding: {
                y: { field: 'metric', type: 'nominal', title: 'Metric' },
                x: { field: 'low', type: 'quantitative', title: 'Difference (firms)' },
                x2: { field: 'high' },
              },
            },
            {
              mark: 'point',
              encoding: { y: { field: 'metric', type: 'nominal' }, x: { field: 'mean', type: 'quantitative' } },
            },
          ],
        },
      },
    ],
  };
}
