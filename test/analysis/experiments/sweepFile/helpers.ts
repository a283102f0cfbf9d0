/** A temporary folder for sweep, scenario and design files, and a reader of sweep text placed in it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { parseSweepText, type SweepDefinition } from '../../../../analysis/experiments/sweepFile/index.js';

export function sweepFolder(): {
  dir: string;
  write(name: string, text: string): string;
  parse(text: string, name?: string): SweepDefinition;
} {
  const dir = mkdtempSync(join(tmpdir(), 'clustersim-sweep-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return { dir, write, parse: (text, name = 'x.yaml') => parseSweepText(text, join(dir, name)) };
}

/** A small scenario: two towns, five years (loads and composes in milliseconds). */
export const TINY_SCENARIO = `name: tiny
startYear: 1990
years: 5
towns:
  - name: Alpha
    initialFirms: 3
    workersPerFirm: { min: 1, max: 3 }
    demand: { unitsPerMonth: 10, growthPerYear: 0.05 }
  - name: Beta
    initialFirms: 4
    workersPerFirm: { min: 1, max: 3 }
    demand: { unitsPerMonth: 12, growthPerYear: 0.04 }
`;
