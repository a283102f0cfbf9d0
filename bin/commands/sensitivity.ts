/**
 * `clustersim sensitivity <file> --method morris|sobol`: draw the design over the
 * sweep file's factor intervals (Morris trajectories with Campolongo selection, or a
 * Saltelli matrix), run it like a sweep (resumable, results queryable), average each
 * output over the replications at every design point, and estimate Morris mu*, sigma
 * or Sobol S1 and ST with bootstrap intervals (analysis/sensitivity/).
 */
import { join } from 'node:path';
import { UserInputError } from '../../scenarios/errors.js';
import { messages } from '../../scenarios/messages.js';
import { readSweepFile, sensitivityFactors } from '../../analysis/experiments/sweepFile/index.js';
import { sensitivityAnalysis, type SensitivityMethod } from '../../analysis/experiments/sensitivityRun.js';
import { integerFlag, parseFlags } from '../args.js';
import { outDirFlag, runPlanWithProgress, shown, sweepFileArgument, workersFlag } from './sweep.js';
import { formatSensitivityTables } from '../../analysis/experiments/sensitivityReport.js';
import { writeReport } from '../../analysis/report/index.js';
import { sensitivityReportInput } from '../../analysis/report/inputs/sweep.js';
import type { CliIo } from '../io.js';

export const SENSITIVITY_HELP = `clustersim sensitivity - Morris screening or Sobol indices of scenario outputs

Usage:
  clustersim sensitivity <sweep-file> --method morris|sobol [options]

The sweep file's factors must be intervals (min, max); its sensitivity section
names the outputs (metric, town, year) and the design sizes:
  sensitivity:
    outputs: [{ metric: meanCapability, year: 1994 }]
    morris: { trajectories: 10, levels: 4 }       # r (k+1) design points
    sobol: { baseSamples: 64, bootstrap: 500 }    # N (k+2) design points
Each design point runs the file's replications; an output is their mean.

Options:
  --method M         morris (elementary effects: mu, mu*, sigma; Campolongo 2007
                     trajectories) or sobol (first-order S1, Saltelli 2010, and
                     total ST, Jansen 1999, with bootstrap confidence intervals)
  --workers N        worker threads running whole runs (default: the number of CPUs)
  --out DIR          results folder (default out/sensitivity/<sweep-name>-<method>/)
  --resume           finish an interrupted analysis in DIR
  --quiet            no progress output
  --debug            show stack traces for errors
  -h, --help         show this help

Writes sensitivity.json and sensitivity.csv beside the sweep results (results.csv,
results.parquet, results.duckdb: clustersim results DIR --sql ...), and report.html
with the charts of the indices (each also as charts/<name>.vl.json and .svg).
`;

const SENSITIVITY_OPTIONS = {
  method: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string' },
  resume: { type: 'boolean' },
  retries: { type: 'string' },
  quiet: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const METHODS: readonly SensitivityMethod[] = ['morris', 'sobol'];

export async function sensitivityCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, SENSITIVITY_OPTIONS);
  if (values.help) {
    io.stdout(SENSITIVITY_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UserInputError(messages.missingArgument('sensitivity', 'the sweep file'));
  if (positionals.length > 1)
    throw new UserInputError(
      messages.badFlagValue('sensitivity', 'one sweep file', `${positionals.length}: ${positionals.join(' ')}`),
    );
  const method = values.method as SensitivityMethod | undefined;
  if (method === undefined || !METHODS.includes(method))
    throw new UserInputError(
      messages.badFlagValue('--method', 'morris or sobol', method === undefined ? 'nothing' : `"${method}"`),
    );
  const workers = workersFlag(values.workers);
  const retries = integerFlag('--retries', values.retries, 0, 100);
  const def = readSweepFile(sweepFileArgument(io, positionals[0]));
  sensitivityFactors(def); // reports a factor without an interval before anything runs
  const analysis = sensitivityAnalysis(def, method);
  const dir = outDirFlag(io, values.out, join('out', 'sensitivity', `${def.name}-${method}`));
  const provenance = analysis.provenance(['sensitivity', ...args].join(' '));
  const started = performance.now();
  const outcome = await runPlanWithProgress(io, values.quiet ?? false, analysis.plan, dir, {
    workers,
    retries,
    resume: values.resume ?? false,
    provenance,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (outcome.failed > 0 || outcome.merged.missing > 0) {
    io.stderr(`clustersim: sensitivity: indices need every run; rerun with --resume to retry the failed runs\n`);
    return 1;
  }
  const result = analysis.analyse(dir);
  const written = analysis.write(dir, result);
  io.stdout(formatSensitivityTables(result));
  io.stdout(`indices in ${written.map((path) => shown(io, path)).join(', ')}\n`);
  const facts = { def, dir, sweepFile: def.file, designPoints: result.designPoints, outcome, workers, wallSeconds };
  const [report] = await writeReport(dir, sensitivityReportInput({ ...facts, provenance }, result));
  io.stdout(`report: ${shown(io, report)}\n`);
  return 0;
}
