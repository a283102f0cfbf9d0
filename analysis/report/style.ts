/** The report's stylesheet: system fonts only (nothing to download), readable line length, print-friendly. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --rule: #d9e2ec; --panel: #f5f7fa; --accent: #2f6f9f; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; padding-bottom: 12px; border-bottom: 1px solid var(--rule); }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 12px; }
h3 { font-size: 16px; margin: 0 0 4px; }
.subtitle { margin: 0; color: var(--muted); }
table.summary { border-collapse: collapse; min-width: 50%; }
table.summary th, table.summary td { text-align: left; padding: 5px 14px 5px 0; border-bottom: 1px solid var(--rule);
  vertical-align: top; }
table.summary th { font-weight: 600; white-space: nowrap; color: var(--muted); }
table.summary td { font-variant-numeric: tabular-nums; }
ul.notes { background: #fff8e6; border-left: 4px solid #e0a800; padding: 8px 16px 8px 32px; }
nav.contents ol { columns: 2; column-gap: 32px; padding-left: 20px; margin: 0; }
nav.contents a, figcaption a { color: var(--accent); }
figure.chart { margin: 0 0 28px; padding: 16px; border: 1px solid var(--rule); border-radius: 6px; background: #fff;
  break-inside: avoid; }
figure.chart .description { margin: 0 0 12px; color: var(--muted); max-width: 75ch; }
.chart-view { overflow-x: auto; min-height: 40px; }
.chart-view .error { color: #b00020; white-space: pre-wrap; }
figcaption { margin-top: 8px; font-size: 13px; color: var(--muted); }
details.provenance { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; }
details.provenance summary { cursor: pointer; font-weight: 600; }
details.provenance pre { overflow-x: auto; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
footer { max-width: 1240px; margin: 32px auto; padding: 0 24px; color: var(--muted); font-size: 13px; }
@media print { details.provenance pre { white-space: pre-wrap; } nav.contents { display: none; } }
`;
