/** Outputs are written whole or not at all: temp files, then renames. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../../../analysis/output/atomicWrite.js';

describe('writeFilesAtomically', () => {
  it('writes strings and streamed chunks alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustersim-atomic-'));
    function* chunks() {
      for (let i = 0; i < 1000; i++) yield `${i}\n`;
    }
    writeFilesAtomically(dir, { 'a.txt': 'hello\n', 'b.csv': chunks() });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('hello\n');
    const lines = readFileSync(join(dir, 'b.csv'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(lines.at(-1)).toBe('999');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.csv']);
  });

  it('leaves existing files untouched and no temp files when producing a later file fails midway', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustersim-atomic-'));
    writeFileSync(join(dir, 'a.txt'), 'old a');
    writeFileSync(join(dir, 'b.csv'), 'old b');
    function* failing() {
      yield 'partial\n';
      throw new Error('disk full');
    }
    expect(() => writeFilesAtomically(dir, { 'a.txt': 'new a', 'b.csv': failing() })).toThrow('disk full');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('old b');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.csv']);
  });
});
