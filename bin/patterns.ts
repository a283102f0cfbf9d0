/**
 * `npm run patterns`: run every pattern check (analysis/patterns/), print each
 * measured statistic beside its expected band, and write the results table into
 * docs/SCENARIOS.md between its markers. The pattern tests fail when the table no
 * longer shows what they measure, so the table is never typed by hand.
 * `--check` writes nothing and exits 1 when the table is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../scenarios/paths.js';
import { PATTERNS } from '../analysis/patterns/index.js';
import { renderPatternTable, replacePatternTable, type PatternRow } from '../analysis/patterns/table.js';

const checkOnly = process.argv.includes('--check');
const docPath = join(packageRoot(), 'docs', 'SCENARIOS.md');
const rows: PatternRow[] = [];
const started = performance.now();
for (const check of PATTERNS) {
  const outcome = await check.measure();
  rows.push({ check, outcome });
  process.stdout.write(
    `pattern ${check.id} [${check.scenario}, ${check.replications} runs] ${check.title}: ` +
      `measured ${outcome.display}${outcome.detail ? ` (${outcome.detail})` : ''}; expected ${check.expected} -> ${outcome.pass ? 'pass' : 'FAIL'}\n`,
  );
}
const before = readFileSync(docPath, 'utf8');
// Formatted as `npm run lint` (prettier --check) expects; prettier is a dev dependency, as is this command.
const prettier = await import('prettier');
const after = await prettier.format(replacePatternTable(before, renderPatternTable(rows)), {
  ...(await prettier.resolveConfig(docPath)),
  filepath: docPath,
});
const failed = rows.filter((row) => !row.outcome.pass).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (checkOnly) {
  process.stdout.write(
    `${after === before ? 'table up to date' : 'table OUT OF DATE'}; ${failed} check(s) failing; ${seconds} s\n`,
  );
  process.exitCode = after === before ? 0 : 1;
} else {
  writeFileSync(docPath, after);
  process.stdout.write(`wrote the table of ${rows.length} checks (${failed} failing) to ${docPath} in ${seconds} s\n`);
}
