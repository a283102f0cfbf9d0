/**
 * Writing outputs so that nothing already written is damaged: every file goes to a
 * temporary name in the same folder first and is renamed over the target only when
 * all files of the batch are complete (rename is atomic within a file system).
 */
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file already written in full at its temporary name (`openStagedFile`); the batch only renames it. */
export interface StagedFile {
  readonly stagedPath: string;
}

/** A file's content: a string, chunks written one after another (large files), or a staged file. */
export type FileContent = string | Iterable<string> | StagedFile;

/** The temporary name a file of a batch is written under before the rename. */
function stagingPath(target: string): string {
  return `${target}.tmp-${process.pid}`;
}

function isStaged(content: FileContent): content is StagedFile {
  return typeof content === 'object' && 'stagedPath' in content;
}

function writeContent(path: string, content: string | Iterable<string>): void {
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
      if (isStaged(content)) {
        staged.push({ temp: content.stagedPath, target });
        continue;
      }
      const temp = stagingPath(target);
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

/** A file of a later batch written piece by piece while its data is produced (a streaming run). */
export interface StagedFileWriter {
  write(text: string): void;
  /** Flush and close; hand the result to `writeFilesAtomically`. */
  finish(): StagedFile;
  /** Close and delete (the batch will not happen). */
  discard(): void;
}

/** Text is gathered to this many characters before a write (fewer system calls, short-lived strings). */
const WRITE_BUFFER_CHARS = 1 << 16;

/** Whether a process with this id is running (signalling 0 only checks). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Delete temporaries of `name` left by runs that were killed (Ctrl-C, out of memory)
 * while streaming: their process is gone, so they can never be renamed into place.
 */
export function removeStaleStagedFiles(dir: string, name: string): string[] {
  const target = join(dir, name);
  const folder = dirname(target);
  const prefix = `${basename(target)}.tmp-`;
  const removed: string[] = [];
  for (const entry of readdirSync(folder)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || processRuns(pid)) continue;
    rmSync(join(folder, entry), { force: true });
    removed.push(entry);
  }
  return removed;
}

/** Open `name` in `dir` at its temporary name; the target is untouched until the batch renames it. */
export function openStagedFile(dir: string, name: string): StagedFileWriter {
  const target = join(dir, name);
  mkdirSync(dirname(target), { recursive: true });
  removeStaleStagedFiles(dir, name);
  const stagedPath = stagingPath(target);
  let fd: number | null = openSync(stagedPath, 'w');
  let buffered = '';
  const flush = () => {
    if (buffered && fd !== null) writeSync(fd, buffered);
    buffered = '';
  };
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    write(text) {
      if (fd === null) throw new Error(`${stagedPath}: written after it was finished`);
      buffered += text;
      if (buffered.length >= WRITE_BUFFER_CHARS) flush();
    },
    finish() {
      flush();
      close();
      return { stagedPath };
    },
    discard() {
      buffered = '';
      close();
      rmSync(stagedPath, { force: true });
    },
  };
}
