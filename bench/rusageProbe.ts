/**
 * Preloaded into a child `clustersim run` by the national benchmark
 * (`node --import <this file> dist/bin/clustersim.js run ...`): when the process
 * exits, it writes `process.resourceUsage()` (peak RSS of the whole process, worker
 * threads included, and CPU time) as JSON to the file named by CLUSTERSIM_RUSAGE_FILE.
 * Does nothing when that variable is unset.
 */
import { writeFileSync } from 'node:fs';

export const RUSAGE_FILE_ENV = 'CLUSTERSIM_RUSAGE_FILE';

const target = process.env[RUSAGE_FILE_ENV];
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify(process.resourceUsage()));
  });
}
