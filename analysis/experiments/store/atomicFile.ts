/**
 * One file written so that a reader sees either nothing or the whole of it: the text
 * goes to `<name>.tmp-<pid>-<n>` in the same folder, is flushed to disk, and is then
 * renamed over the name. A sweep killed mid-write leaves at most a temp file, which
 * no reader takes for a result and `removeLeftoverTempFiles` clears.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tempFileWriterPid } from './layout.js';

let tempCounter = 0;

export function writeFileDurably(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}-${tempCounter++}`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, text);
      // A rename that reaches the disk before the data would leave an empty "result" after a power cut.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the temp files in `dir` whose writer is no longer running (a killed sweep's
 * half-written shard). A live writer's temp files are left alone. Returns the names removed.
 */
export function removeLeftoverTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempFileWriterPid(name);
    if (pid === undefined || isRunning(pid)) continue;
    rmSync(join(dir, name), { force: true, recursive: true });
    removed.push(name);
  }
  return removed;
}
