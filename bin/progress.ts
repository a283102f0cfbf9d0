/**
 * Progress of a run: a redrawn bar on a terminal, a plain line every 10% otherwise
 * (logs stay readable), nothing with --quiet.
 */
import type { CliIo } from './io.js';

export interface Progress {
  tick(done: number, total: number): void;
  finish(): void;
}

const BAR_WIDTH = 30;

export function createProgress(io: CliIo, quiet: boolean, label: (done: number) => string): Progress {
  if (quiet) return { tick() {}, finish() {} };
  let lastShown = -1;
  if (io.isTty) {
    let drawn = false;
    return {
      tick(done, total) {
        const percent = Math.floor((done / total) * 100);
        if (percent === lastShown) return;
        lastShown = percent;
        const filled = Math.round((done / total) * BAR_WIDTH);
        io.stderr(
          `\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}% ${label(done)}`,
        );
        drawn = true;
      },
      finish() {
        if (drawn) io.stderr('\n');
      },
    };
  }
  return {
    tick(done, total) {
      const decile = Math.floor((done / total) * 10);
      if (decile === lastShown || decile === 0) return;
      lastShown = decile;
      io.stderr(`progress: ${decile * 10}% (${label(done)})\n`);
    },
    finish() {},
  };
}
