/**
 * Determinism rule: no Math.random and no wall-clock in sim/ outside the thread
 * layer (sim/parallel). Every draw must come from the seeded streams.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const FORBIDDEN = [/\bMath\.random\s*\(/, /\bDate\.now\s*\(/, /\bnew\s+Date\s*\(/, /\bperformance\.now\s*\(/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

export function findForbidden(files: string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    const rel = relative(REPO_ROOT, file);
    if (rel.startsWith(join('sim', 'parallel'))) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (FORBIDDEN.some((pattern) => pattern.test(line))) hits.push(`${rel}:${index + 1}: ${line.trim()}`);
      });
  }
  return hits;
}

describe('sim/ has no randomness or clock outside the seeded streams', () => {
  it('finds no Math.random, Date.now, new Date or performance.now in sim/ (outside sim/parallel)', () => {
    expect(findForbidden(sourceFiles(join(REPO_ROOT, 'sim')))).toEqual([]);
  });

  it('the check itself catches each forbidden call', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'clustersim-lint-'));
    const file = join(dir, 'bad.ts');
    writeFileSync(file, 'const a = Math.random();\nconst b = Date.now();\nconst c = new Date();\nconst d = 1;\n');
    expect(findForbidden([file])).toHaveLength(3);
  });
});
