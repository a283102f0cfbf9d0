/**
 * Runs one pattern check, prints the measured statistic beside its band, and asserts
 * (a) it lies in the band and (b) docs/SCENARIOS.md's generated table shows the same
 * figure (runs are deterministic, so a stale table means `npm run patterns` was not run).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { packageRoot } from '../../scenarios/paths.js';
import { measuredInTable } from '../../analysis/patterns/table.js';
import type { PatternCheck } from '../../analysis/patterns/types.js';

export async function expectPattern(check: PatternCheck): Promise<void> {
  const outcome = await check.measure();
  const line =
    `pattern ${check.id} [${check.scenario}, ${check.replications} runs] ${check.title}: ` +
    `measured ${outcome.display}${outcome.detail ? ` (${outcome.detail})` : ''}; expected ${check.expected} -> ${outcome.pass ? 'pass' : 'FAIL'}`;
  console.log(line);
  expect(outcome.pass, line).toBe(true);
  const docs = readFileSync(join(packageRoot(), 'docs', 'SCENARIOS.md'), 'utf8');
  expect(
    measuredInTable(docs).get(check.id),
    `docs/SCENARIOS.md's pattern table is out of date for check ${check.id}: run \`npm run patterns\``,
  ).toBe(outcome.display);
}
