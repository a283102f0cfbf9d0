// Test entry: `clustersim sweep <file> --queue URL` from the build, until bin/commands/sweep.ts
// dispatches it. Usage: submitSweep.mjs <sweep-file> <out-dir> <redis-url> [options JSON]
// options: batchSize, attempts, backoffMs, pollMs, and badKeepRun (index of a run whose keep
// asks for a metric that does not exist, so it throws on every attempt).
import { designPoints, readSweepFile } from '../../dist/analysis/experiments/sweepFile/index.js';
import { planSweep } from '../../dist/analysis/experiments/sweepPlan.js';
import { runQueuedSweep } from '../../dist/analysis/experiments/queue/submit.js';

const [file, dir, queue, optionsJson] = process.argv.slice(2);
const { badKeepRun, ...options } = JSON.parse(optionsJson ?? '{}');
const def = readSweepFile(file);
const { runKeyOf: _cells, ...plan } = planSweep(def, designPoints(def));
if (badKeepRun !== undefined)
  plan.runs[badKeepRun] = {
    ...plan.runs[badKeepRun],
    keep: { ...plan.runs[badKeepRun].keep, metrics: ['noSuchMetric'] },
  };
const outcome = await runQueuedSweep(plan, dir, {
  ...options,
  queue,
  provenance: { test: 'queue' },
  onProgress: (p) => process.stderr.write(`progress ${JSON.stringify(p)}\n`),
  onNotice: (text) => process.stderr.write(`notice ${text}\n`),
});
process.stdout.write(`${JSON.stringify(outcome)}\n`);
process.exitCode = outcome.failed > 0 ? 1 : 0;
