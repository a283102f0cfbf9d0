/** Outputs are written whole or not at all: temp files, then renames. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { openStagedFile, removeStaleStagedFiles, writeFilesAtomically } from '../../../analysis/output/atomicWrite.js';

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

describe('staged files (a run streamed to disk)', () => {
  it('are written piece by piece at a temporary name and renamed with the batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustersim-atomic-'));
    writeFileSync(join(dir, 'events.jsonl'), 'old\n');
    const staged = openStagedFile(dir, 'events.jsonl');
    for (let i = 0; i < 20_000; i++) staged.write(`${i}\n`);
    expect(readFileSync(join(dir, 'events.jsonl'), 'utf8')).toBe('old\n');
    writeFilesAtomically(dir, { 'events.jsonl': staged.finish(), 'a.txt': 'new a' });
    const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(20_000);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'events.jsonl']);
  });

  it('removes temporaries a killed run left, keeping those of a process still running', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustersim-atomic-'));
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dir, `events.jsonl.tmp-${deadPid}`), 'left by a killed run');
    writeFileSync(join(dir, `events.jsonl.tmp-${process.ppid}`), 'a run still going');
    writeFileSync(join(dir, `firms.csv.tmp-${deadPid}`), 'another file: not ours to judge');
    expect(removeStaleStagedFiles(dir, 'events.jsonl')).toEqual([`events.jsonl.tmp-${deadPid}`]);
    const staged = openStagedFile(dir, 'events.jsonl');
    staged.discard();
    expect(readdirSync(dir).sort()).toEqual([`events.jsonl.tmp-${process.ppid}`, `firms.csv.tmp-${deadPid}`].sort());
  });
});
