/**
 * Progress of a batch of runs (sweep, compare, sensitivity): runs done of the runs to
 * do, failures, runs per second and the time left. A redrawn line on a terminal, a
 * plain line every 10% otherwise (logs stay readable), nothing with --quiet. The rate
 * counts only runs finished in this invocation, so a resumed sweep's ETA is honest.
 */
import type { CliIo } from './io.js';
import type { ExecuteProgress } from '../analysis/experiments/executor.js';

export interface RunProgress {
  start(runs: { total: number; skipped: number; toRun: number }): void;
  update(progress: ExecuteProgress): void;
  finish(): void;
}

const BAR_WIDTH = 24;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** The progress line's text; `elapsedSeconds` since the first run started. */
export function progressLine(progress: ExecuteProgress, elapsedSeconds: number): string {
  const finished = progress.done + progress.failed;
  const rate = elapsedSeconds > 0 ? finished / elapsedSeconds : 0;
  const eta = rate > 0 ? (progress.total - finished) / rate : Number.NaN;
  const filled = progress.total > 0 ? Math.round((finished / progress.total) * BAR_WIDTH) : BAR_WIDTH;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${finished}/${progress.total} runs` +
    `${progress.failed > 0 ? ` (${progress.failed} failed)` : ''}, ${progress.running} running, ` +
    `${rate.toFixed(rate >= 10 ? 0 : 2)} runs/s, ETA ${formatDuration(eta)}`
  );
}

export function createRunProgress(io: CliIo, quiet: boolean, now: () => number = () => performance.now()): RunProgress {
  if (quiet) return { start() {}, update() {}, finish() {} };
  let startedMs = now();
  let lastDecile = -1;
  let drawn = false;
  return {
    start({ total, skipped, toRun }) {
      startedMs = now();
      io.stderr(
        skipped > 0 ? `${total} runs: ${skipped} already have results, running ${toRun}\n` : `${total} runs to do\n`,
      );
    },
    update(progress) {
      const line = progressLine(progress, (now() - startedMs) / 1000);
      if (io.isTty) {
        io.stderr(`\r${line}\x1b[K`);
        drawn = true;
        return;
      }
      const finished = progress.done + progress.failed;
      const decile = progress.total > 0 ? Math.floor((finished / progress.total) * 10) : 10;
      if (decile === lastDecile || decile === 0) return;
      lastDecile = decile;
      io.stderr(`progress: ${line}\n`);
    },
    finish() {
      if (drawn) io.stderr('\n');
    },
  };
}
