/**
 * Writing outputs so that nothing already written is damaged: every file goes to a
 * temporary name in the same folder first and is renamed over the target only when
 * all files of the batch are complete (rename is atomic within a file system).
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file's content: a string, or chunks written one after another (large files). */
export type FileContent = string | Iterable<string>;

function writeContent(path: string, content: FileContent): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of typeof content === 'string' ? [content] : content) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

export function writeFilesAtomically(dir: string, files: Record<string, FileContent>): string[] {
  mkdirSync(dir, { recursive: true });
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = join(dir, name);
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.tmp-${process.pid}`;
      staged.push({ temp, target });
      writeContent(temp, content);
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  return staged.map(({ target }) => target);
}
