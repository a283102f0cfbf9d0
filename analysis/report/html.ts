/**
 * report.html as one string: everything it needs is inside it (styles, the chart
 * specs with their data, vega, vega-lite and vega-embed), so it opens offline from a
 * laptop's disk. Pure: the same input and libraries give the same bytes.
 */
import { CLIENT_SCRIPT } from './clientScript.js';
import { escapeHtml, jsonForScript } from './escape.js';
import type { InlinedLibrary } from './libraries.js';
import { REPORT_CSS } from './style.js';
import type { NamedChart, ReportInput } from './types.js';

/** File stems become element ids and file names: kebab-case keeps both plain. */
const CHART_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function checkChartNames(charts: NamedChart[]): void {
  const seen = new Set<string>();
  for (const { name } of charts) {
    if (!CHART_NAME.test(name)) throw new Error(`report: chart name "${name}" is not kebab-case`);
    if (seen.has(name)) throw new Error(`report: two charts are named "${name}"`);
    seen.add(name);
  }
}

export const chartContainerId = (name: string): string => `chart-${name}`;

function summaryTable(rows: ReportInput['summary']): string {
  const body = rows
    .map(({ label, value }) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  return `<table class="summary">\n${body}\n</table>`;
}

function chartFigure(chart: NamedChart): string {
  const name = escapeHtml(chart.name);
  return [
    `<figure class="chart" id="figure-${name}">`,
    `<h3>${escapeHtml(chart.title)}</h3>`,
    `<p class="description">${escapeHtml(chart.description)}</p>`,
    `<div class="chart-view" id="${chartContainerId(name)}" data-chart="${name}"></div>`,
    `<figcaption>Files: <a href="charts/${name}.svg">charts/${name}.svg</a> · ` +
      `<a href="charts/${name}.vl.json">charts/${name}.vl.json</a> (Vega-Lite)</figcaption>`,
    `</figure>`,
  ].join('\n');
}

function chartsSection(charts: NamedChart[]): string {
  if (charts.length === 0) return `<section class="charts"><h2>Charts</h2><p>No charts for this output.</p></section>`;
  const contents = charts
    .map((chart) => `<li><a href="#figure-${escapeHtml(chart.name)}">${escapeHtml(chart.title)}</a></li>`)
    .join('\n');
  return [
    `<nav class="contents"><h2>Charts</h2><ol>\n${contents}\n</ol></nav>`,
    `<section class="charts">`,
    ...charts.map(chartFigure),
    `</section>`,
  ].join('\n');
}

export function renderReportHtml(input: ReportInput, libraries: InlinedLibrary[]): string {
  checkChartNames(input.charts);
  const specs = input.charts.map(({ name, spec }) => ({ name, spec }));
  const notes = input.notes?.length
    ? `<ul class="notes">\n${input.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('\n')}\n</ul>`
    : '';
  const libraryNames = libraries.map(({ name, version }) => `${name} ${version}`).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="clustersim">
<title>${escapeHtml(input.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(input.title)}</h1>
${input.subtitle ? `<p class="subtitle">${escapeHtml(input.subtitle)}</p>` : ''}
</header>
<main>
<section class="overview">
<h2>Summary</h2>
${summaryTable(input.summary)}
${notes}
</section>
${chartsSection(input.charts)}
<section>
<h2>Provenance</h2>
<details class="provenance">
<summary>What produced these results (code, scenario files with hashes, seeds, parameters)</summary>
<pre>${escapeHtml(JSON.stringify(input.provenance, null, 2))}</pre>
</details>
</section>
</main>
<footer>Written by clustersim. Charts drawn in the browser by ${escapeHtml(libraryNames)}, inlined in this file; no network is used.</footer>
<noscript><p>The charts need JavaScript; the same charts are in charts/*.svg beside this file.</p></noscript>
<script type="application/json" id="chart-specs">${jsonForScript(specs)}</script>
${libraries.map((library) => `<script data-library="${escapeHtml(library.name)}">${library.scriptText}</script>`).join('\n')}
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
