/** What a report shows: the contract between the commands, the chart builders and the report writer. */
import type { NamedChart } from '../charts/types.js';

export type { NamedChart };

export interface SummaryRow {
  label: string;
  value: string;
}

export interface ReportInput {
  /** The page's heading, e.g. "clustersim run: punjab-farm-equipment". */
  title: string;
  subtitle?: string;
  /** The scenario summary table: scenario, seeds, years, runs, wall time, ... */
  summary: SummaryRow[];
  /** Shown pretty-printed in a collapsed section at the end (run.json, manifest, ...). */
  provenance: Record<string, unknown>;
  charts: NamedChart[];
  /** Short remarks shown under the summary (warnings, missing runs). */
  notes?: string[];
}
