/**
 * The report a command leaves in its output folder: report.html (self-contained, see
 * html.ts) and every chart as charts/<name>.vl.json (the Vega-Lite spec with its data)
 * and charts/<name>.svg (drawn in Node). `reportFiles` gives the files so a command can
 * write them in one atomic batch with its other outputs; `writeReport` writes them alone.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { renderSvg } from '../charts/svg.js';
import { writeFilesAtomically } from '../output/atomicWrite.js';
import { checkChartNames, renderReportHtml } from './html.js';
import { inlinedLibraries } from './libraries.js';
import type { ReportInput } from './types.js';

export type { NamedChart, ReportInput, SummaryRow } from './types.js';

export const REPORT_FILE = 'report.html';
export const CHARTS_DIR = 'charts';

/** The report's files by path relative to the output folder, report.html first. */
export async function reportFiles(input: ReportInput): Promise<Record<string, string>> {
  checkChartNames(input.charts);
  const files: Record<string, string> = { [REPORT_FILE]: renderReportHtml(input, inlinedLibraries()) };
  for (const chart of input.charts) {
    files[`${CHARTS_DIR}/${chart.name}.vl.json`] = `${JSON.stringify(chart.spec, null, 2)}\n`;
    // A copy: vega tags the data rows it ingests (a Symbol key), and the caller's spec is not ours to change.
    files[`${CHARTS_DIR}/${chart.name}.svg`] = await renderSvg(structuredClone(chart.spec));
  }
  return files;
}

/**
 * Chart files left in charts/ by an earlier report that this one does not have (a
 * rerun with other policies, say) would pass for this report's: remove them.
 */
export function removeStaleCharts(dir: string, files: Record<string, unknown>): void {
  const chartsDir = join(dir, CHARTS_DIR);
  if (!existsSync(chartsDir)) return;
  for (const name of readdirSync(chartsDir))
    if (/\.(vl\.json|svg)$/.test(name) && !(`${CHARTS_DIR}/${name}` in files)) rmSync(join(chartsDir, name));
}

/** Write report.html and charts/ into `dir` atomically; returns the paths written, report.html first. */
export async function writeReport(dir: string, input: ReportInput): Promise<string[]> {
  const files = await reportFiles(input);
  const written = writeFilesAtomically(dir, files);
  removeStaleCharts(dir, files);
  return written;
}
