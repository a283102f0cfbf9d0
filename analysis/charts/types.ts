/**
 * The contract between the chart builders and the report: a chart is a name (the
 * file stem of charts/<name>.vl.json and charts/<name>.svg), words for the report, and
 * a Vega-Lite spec that carries its own data, so each file renders on its own.
 */
import type { TopLevelSpec } from 'vega-lite';

export type { TopLevelSpec };

export interface NamedChart {
  /** File stem, kebab-case, unique within a report. */
  name: string;
  /** Shown above the chart in the report. */
  title: string;
  /** One or two sentences: what it shows and how to read it (units). */
  description: string;
  /** Data inline (data.values), $schema set, titles and axis titles with units, width and height set. */
  spec: TopLevelSpec;
}

/** One row of inline chart data: numbers already rounded (see spec.ts `round`), null where missing. */
export type DataRow = Record<string, string | number | boolean | null>;
