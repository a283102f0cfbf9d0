/**
 * `clustersim compare <scenario> --policy SPEC [...]`: the baseline and each policy arm
 * on the same seeds (common random numbers), then for each key metric the mean
 * difference with a 95% interval and the variance reduction pairing gave. The runs are
 * stored like a sweep's (resumable, queryable with clustersim results); the comparison
 * adds comparison.json and comparison.csv to the folder.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { analyseComparison, type ComparisonResult } from '../../analysis/experiments/compare/analyse.js';
import { planComparison, type CompareDesign } from '../../analysis/experiments/compare/plan.js';
import { comparisonCsv, comparisonTable } from '../../analysis/experiments/compare/report.js';
import { DEFAULT_KEY_METRICS } from '../../analysis/experiments/compare/keyMetrics.js';
import type { Seeding } from '../../analysis/experiments/compare/pairedComparison.js';
import { sweepProvenance } from '../../analysis/experiments/provenance.js';
import { codeVersion } from '../../analysis/experiments/runKey.js';
import { runPlan } from '../../analysis/experiments/runSweep.js';
import { openStoreForReading } from '../../analysis/experiments/store/index.js';
import { writeFilesAtomically } from '../../analysis/output/atomicWrite.js';
import { REPORT_FILE, removeStaleCharts, reportFiles } from '../../analysis/report/index.js';
import { compareReportInput } from '../../analysis/report/inputs/compare.js';
import { scenarioWarnings } from '../../scenarios/warnings.js';
import { UserInputError } from '../../scenarios/errors.js';
import { messages } from '../../scenarios/messages.js';
import { integerFlag, parseFlags } from '../args.js';
import { createRunProgress } from '../runProgress.js';
import type { CliIo } from '../io.js';

export const COMPARE_HELP = `clustersim compare - paired policy comparison on common random numbers

Usage:
  clustersim compare <scenario> --policy SPEC [--policy SPEC ...] [options]

Runs the baseline (the scenario as it is) and each policy arm for --reps
replicates; replicate r of every arm runs on the same seed, so the founding
draws, demand shocks and moves that the seed decides are the same and the
difference arm - baseline shows the policy's effect with the seed's noise
removed. For each key metric prints the baseline and arm means, the mean
difference with a 95% confidence interval on the paired differences (a t
interval; a BCa bootstrap when the differences are skewed: |skewness| > 1 with
10 or more replicates), the width Welch's interval would have on the same
numbers without pairing, and the variance reduction pairing gave,
1 - var(difference) / (var(baseline) + var(arm)).

Options:
  --policy SPEC      one arm; repeatable. SPEC as in clustersim run --policy; join
                     specs with commas for one arm with several policies:
                       --policy training-centre --policy training-centre,association
  --reps N           replicates per arm, at least 2 (default 10)
  --seed N           master seed (default 1); run seeds are derived from it
  --seeds RULE       common (default) or independent: every run its own seed and
                     Welch intervals - what an unpaired design gives
  --workers N        runs at a time on worker threads (default 1)
  --years N          override the scenario's horizon in years
  --set PATH=VALUE   override a scenario value, in every arm; repeatable
  --metric NAME      compare this metric; repeatable (default: ${DEFAULT_KEY_METRICS.join(', ')})
  --at YEAR          the year compared (default: the last year): levels in
                     December, flows (sales, entries, ...) summed over the year
  --out DIR          results folder (default out/compare-<scenario-name>/, with
                     -independent appended for --seeds independent)
  --resume           finish a comparison in --out that was interrupted
  --quiet            no progress output
  --debug            show stack traces for errors
  -h, --help         show this help

Outputs (in the results folder):
  comparison.json    every number per arm and metric (difference, lower, upper,
                     method, Welch interval, variance reduction, correlation),
                     each run's value, the runs' seeds, provenance
  comparison.csv     one row per arm and metric
  report.html        forest plot of the differences with their intervals, and
                     the runs' charts; opens offline
  charts/            each chart as <name>.vl.json (Vega-Lite) and <name>.svg
  results.csv ...    the runs as a sweep stores them (clustersim results DIR --sql)

Example:
  clustersim compare punjab-farm-equipment --years 12 --policy training-centre

Exit codes: 0 success, 2 bad input (one-line message), 1 runs failed or internal error.
`;

const COMPARE_OPTIONS = {
  policy: { type: 'string', multiple: true },
  reps: { type: 'string' },
  seed: { type: 'string' },
  seeds: { type: 'string' },
  workers: { type: 'string' },
  years: { type: 'string' },
  set: { type: 'string', multiple: true },
  metric: { type: 'string', multiple: true },
  at: { type: 'string' },
  out: { type: 'string' },
  resume: { type: 'boolean' },
  quiet: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const DEFAULT_REPLICATIONS = 10;
const DEFAULT_MASTER_SEED = 1;

function parseSeeding(text: string | undefined): Seeding {
  if (text === undefined || text === 'common') return 'common';
  if (text === 'independent') return 'independent';
  throw new UserInputError(messages.badFlagValue('--seeds', 'common or independent', `"${text}"`));
}

function yearFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text.trim()))
    throw new UserInputError(messages.badFlagValue('--at', 'a calendar year, e.g. 1990', `"${text}"`));
  return Number(text);
}

/**
 * The results folder as the store opens it and names it in messages: relative to the
 * process's folder (what the user typed, in the CLI) when inside it, else absolute.
 */
function storeDir(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}

/** A path as the user should see it: relative to their folder when inside it. */
function shown(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function resolveScenario(io: CliIo, given: string): string {
  if (isAbsolute(given)) return given;
  const candidate = join(io.cwd, given);
  return existsSync(candidate) ? candidate : given;
}

function designRecord(design: CompareDesign, io: CliIo): Record<string, unknown> {
  return {
    kind: 'compare',
    scenario: design.scenarioName,
    scenarioFile: shown(io, design.scenarioFile),
    arms: design.arms,
    replications: design.replications,
    seeding: design.seeding,
    year: design.year,
    horizon: design.horizon,
    metrics: design.metrics,
  };
}

export async function compareCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, COMPARE_OPTIONS);
  if (values.help) {
    io.stdout(COMPARE_HELP);
    return 0;
  }
  if (positionals.length === 0)
    throw new UserInputError(messages.missingArgument('compare', 'the scenario (a YAML file or a scenario name)'));
  if (positionals.length > 1)
    throw new UserInputError(
      messages.badFlagValue('compare', 'one scenario', `${positionals.length}: ${positionals.join(' ')}`),
    );
  if (!values.policy || values.policy.length === 0)
    throw new UserInputError(messages.missingArgument('compare', 'a --policy to compare with the baseline'));
  const replications = integerFlag('--reps', values.reps, 2, 100000) ?? DEFAULT_REPLICATIONS;
  const masterSeed = integerFlag('--seed', values.seed, 0, 4294967295) ?? DEFAULT_MASTER_SEED;
  const workers = integerFlag('--workers', values.workers, 1, 256) ?? 1;
  const years = integerFlag('--years', values.years, 1, 500);
  const atYear = yearFlag(values.at);
  const seeding = parseSeeding(values.seeds);

  const design = planComparison(
    {
      scenario: resolveScenario(io, positionals[0]),
      arms: values.policy,
      replications,
      masterSeed,
      seeding,
      years,
      set: values.set ?? [],
      metrics: values.metric,
      atYear,
    },
    codeVersion(),
  );
  for (const warning of design.warnings) io.stderr(`clustersim: warning: ${warning}\n`);
  // As clustersim run does: a shortened horizon (--years) makes late policies and products moot on purpose.
  if (years === undefined)
    for (const warning of scenarioWarnings(design.plan.runs[0].params))
      io.stderr(`clustersim: warning: ${shown(io, design.scenarioFile)}: ${warning}\n`);

  const defaultOut = join('out', `${design.name}${seeding === 'independent' ? '-independent' : ''}`);
  const outGiven = values.out ?? defaultOut;
  const outAbsolute = isAbsolute(outGiven) ? outGiven : join(io.cwd, outGiven);
  const outDir = storeDir(outAbsolute);
  const outShown = shown(io, outAbsolute);
  const provenance = sweepProvenance({
    command: 'compare',
    plan: design.plan,
    sources: design.sources.map((source) => ({ ...source, file: shown(io, source.file) })),
    design: designRecord(design, io),
    startedAt: new Date().toISOString(),
  });
  const progress = createRunProgress(io, values.quiet ?? false);
  const started = performance.now();
  const outcome = await runPlan(design.plan, outDir, {
    workers,
    resume: values.resume ?? false,
    provenance,
    onStart: (runs) => progress.start(runs),
    onProgress: (update) => progress.update(update),
  });
  progress.finish();
  const wallSeconds = (performance.now() - started) / 1000;

  const store = openStoreForReading(outDir);
  const completed = store.completedKeys();
  const result: ComparisonResult = analyseComparison(design, (runKey) =>
    completed.has(runKey) ? store.readShard(runKey) : undefined,
  );
  const report = await reportFiles(
    compareReportInput({
      result,
      dir: outDir,
      scenarioFile: shown(io, design.scenarioFile),
      horizon: design.horizon,
      runs: { total: outcome.total, done: completed.size },
      workers,
      wallSeconds,
      provenance,
      warnings: design.warnings,
    }),
  );
  writeFilesAtomically(outDir, {
    'comparison.json': `${JSON.stringify({ ...result, provenance }, null, 2)}\n`,
    'comparison.csv': comparisonCsv(result),
    ...report,
  });
  removeStaleCharts(outDir, report);
  io.stdout(comparisonTable(result));
  io.stdout(
    `\noutputs in ${outShown}/ (comparison.json, comparison.csv; runs: clustersim results ${outShown} --sql ...)\n` +
      `report: ${outShown}/${REPORT_FILE}\n`,
  );
  const notDone = outcome.total - completed.size;
  if (notDone > 0) {
    io.stderr(
      `clustersim: ${notDone} of ${outcome.total} runs have no result (their pairs are dropped); see clustersim results ${outShown}, then rerun with --resume\n`,
    );
    return 1;
  }
  return 0;
}
