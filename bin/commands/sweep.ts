/**
 * `clustersim sweep <file>`: plan the runs of a sweep file, run those without a result
 * on a pool of worker threads, and merge the results into results.csv,
 * results.parquet and results.duckdb. `--resume` finishes an interrupted sweep:
 * every finished run is a shard on disk, so only the missing keys run again.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { UserInputError } from '../../scenarios/errors.js';
import { messages } from '../../scenarios/messages.js';
import { designPoints, readSweepFile } from '../../analysis/experiments/sweepFile/index.js';
import { planSweep, sweepSources } from '../../analysis/experiments/sweepPlan.js';
import { sweepProvenance } from '../../analysis/experiments/provenance.js';
import { runPlan, runSlice, type RunPlanOutcome } from '../../analysis/experiments/runSweep.js';
import type { SweepPlan } from '../../analysis/experiments/types.js';
import { runQueuedSweep } from '../../analysis/experiments/queue/submit.js';
import { writeReport } from '../../analysis/report/index.js';
import { sweepReportInput } from '../../analysis/report/inputs/sweep.js';
import { integerFlag, parseFlags } from '../args.js';
import { createRunProgress } from '../runProgress.js';
import type { CliIo } from '../io.js';

export const SWEEP_HELP = `clustersim sweep - run a parameter sweep and merge its results

Usage:
  clustersim sweep <sweep-file> [options]

<sweep-file> is a YAML sweep file, or the name of one in scenarios/sweeps/: a base scenario, the
factors to vary (values, ranges, Latin hypercube or a design file), replications,
the metrics and times to keep.

Options:
  --workers N        worker threads, each running whole runs (default: the number
                     of CPUs, ${availableParallelism()} here); results do not depend on it
  --out DIR          results folder (default out/sweeps/<sweep-name>/)
  --resume           finish an interrupted sweep in DIR: run only the runs without
                     a result (the sweep file and code must be unchanged)
  --retries N        extra attempts for a run that throws (default 1)
  --shard I/N        run only slice I of N (0 <= I < N) of the plan: runs at plan
                     positions I, I+N, I+2N, ...; for array jobs (Slurm --array,
                     Kubernetes Indexed Jobs) writing into one shared --out. Slices
                     skip runs that have a result and do not merge: run
                     clustersim results DIR --merge when all are done
                     (templates: deploy/slurm/clustersim-sweep.sbatch,
                     deploy/kubernetes/clustersim-sweep-job.yaml)
  --queue URL        submit the runs without a result to Redis (redis://host:port)
                     instead of running them here; clustersim worker --queue URL
                     on any number of machines runs them. The results folder must
                     be on a filesystem every worker sees at the same path. Shows
                     progress until every run is done or failed, then merges
  --dry-run          plan and print the number of runs, run nothing
  --quiet            no progress output
  --debug            show stack traces for errors
  -h, --help         show this help

Results (in the results folder):
  manifest.json      the plan and its provenance: code version (git commit, dirty
                     flag, simulation code hash), lockfile hash, Node version,
                     files with hashes, design, seed rule
  runs.jsonl         one line per run: runKey, seed, replicate, design point, factors
  shards/            one JSON file per finished run (written once, atomically)
  results.csv        tidy table: runKey, seed, <factors>, replicate, tick, town,
  results.parquet    metric, value - the same rows in Parquet
  results.duckdb     tables results and runs; query with clustersim results DIR --sql
  report.html        charts of the results over the factors; opens offline
  charts/            each chart as <name>.vl.json (Vega-Lite) and <name>.svg

Exit codes: 0 every run done, 1 some runs failed (recorded; --resume retries
them), 2 bad input (one-line message).
`;

const SWEEP_OPTIONS = {
  workers: { type: 'string' },
  out: { type: 'string' },
  resume: { type: 'boolean' },
  retries: { type: 'string' },
  'dry-run': { type: 'boolean' },
  shard: { type: 'string' },
  queue: { type: 'string' },
  quiet: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--shard 3/8`: slice 3 of 8 (0-based). */
export function shardFlag(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!(Number.isSafeInteger(count) && count >= 1 && count <= 1_000_000 && index < count))
    throw new UserInputError(
      messages.badFlagValue('--shard', 'I/N with 0 <= I < N <= 1000000 (e.g. --shard 0/4)', `"${text}"`),
    );
  return { index, count };
}

export function workersFlag(text: string | undefined): number {
  return integerFlag('--workers', text, 1, 1024) ?? availableParallelism();
}

export function outDirFlag(io: CliIo, text: string | undefined, fallback: string): string {
  if (text === undefined) return join(io.cwd, fallback);
  return isAbsolute(text) ? text : join(io.cwd, text);
}

/** A path relative to the working folder, or the name of a bundled sweep (scenarios/sweeps/). */
export function sweepFileArgument(io: CliIo, text: string): string {
  const fromCwd = isAbsolute(text) ? text : join(io.cwd, text);
  return existsSync(fromCwd) ? fromCwd : text;
}

export function shown(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Run a plan with the progress line, and say what happened. */
export async function runPlanWithProgress(
  io: CliIo,
  quiet: boolean,
  ...[plan, dir, options]: Parameters<typeof runPlan>
): Promise<RunPlanOutcome> {
  const progress = createRunProgress(io, quiet);
  const started = performance.now();
  const outcome = await runPlan(plan, dir, {
    ...options,
    onStart: (runs) => progress.start(runs),
    onProgress: (p) => progress.update(p),
  });
  progress.finish();
  printOutcome(io, plan, dir, outcome, `${options.workers} worker${options.workers === 1 ? '' : 's'}`, started);
  return outcome;
}

/** A sweep through Redis (--queue): the same progress line and summary as a local sweep. */
async function runQueuedSweepWithProgress(
  io: CliIo,
  quiet: boolean,
  plan: SweepPlan,
  dir: string,
  options: { queue: string; retries: number | undefined; resume: boolean; provenance: Record<string, unknown> },
): Promise<RunPlanOutcome> {
  const progress = createRunProgress(io, quiet);
  const started = performance.now();
  const outcome = await runQueuedSweep(plan, dir, {
    queue: options.queue,
    attempts: options.retries === undefined ? undefined : options.retries + 1,
    resume: options.resume,
    provenance: options.provenance,
    onStart: (runs) => progress.start(runs),
    onProgress: (p) => progress.update(p),
    onNotice: (text) => io.stderr(`clustersim: ${text}\n`),
  });
  progress.finish();
  printOutcome(io, plan, dir, outcome, `the queue ${options.queue}`, started);
  return outcome;
}

function printOutcome(
  io: CliIo,
  plan: SweepPlan,
  dir: string,
  outcome: RunPlanOutcome,
  where: string,
  startedMs: number,
) {
  const seconds = (performance.now() - startedMs) / 1000;
  const { total, skipped, done, failed, merged } = outcome;
  io.stdout(
    `${plan.name}: ${total} runs (${skipped} already done, ${done} run now${failed ? `, ${failed} FAILED` : ''}) ` +
      `on ${where} in ${seconds.toFixed(1)} s\n` +
      `results in ${shown(io, dir)}/: ${merged.rows} rows of ${merged.done} runs` +
      `${merged.missing ? `, ${merged.missing} missing` : ''} (${merged.files.map((f) => shown(io, f).split('/').pop()).join(', ')})\n`,
  );
  if (failed) io.stderr(`clustersim: ${failed} run(s) failed; see clustersim results ${shown(io, dir)}\n`);
}

export async function sweepCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, SWEEP_OPTIONS);
  if (values.help) {
    io.stdout(SWEEP_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    if (positionals.length === 0) throw new UserInputError(messages.missingArgument('sweep', 'the sweep file'));
    throw new UserInputError(
      messages.badFlagValue('sweep', 'one sweep file', `${positionals.length}: ${positionals.join(' ')}`),
    );
  }
  const workers = workersFlag(values.workers);
  const retries = integerFlag('--retries', values.retries, 0, 100);
  shardFlag(values.shard); // a bad --shard is reported before the sweep file is read
  if (values.shard !== undefined && values.queue !== undefined)
    throw new UserInputError(
      messages.badFlagValue('--queue', 'no --shard with it (a queue hands out runs itself)', `--shard ${values.shard}`),
    );
  const def = readSweepFile(sweepFileArgument(io, positionals[0]));
  const plan = planSweep(def, designPoints(def));
  const dir = outDirFlag(io, values.out, join('out', 'sweeps', def.name));
  if (values['dry-run']) {
    io.stdout(
      `${def.name}: ${plan.runs.length} runs (${plan.runKeyOf.length} design points x ${def.replications} replications, duplicates run once)\n`,
    );
    return 0;
  }
  const { runKeyOf: _byCell, ...sweepPlan } = plan;
  const provenance = sweepProvenance({
    command: ['sweep', ...args].join(' '),
    plan: sweepPlan,
    sources: sweepSources(def),
    design: { kind: def.design.kind, points: plan.runKeyOf.length, replications: def.replications },
    startedAt: new Date().toISOString(),
  });
  const shard = shardFlag(values.shard);
  if (shard) return runSliceCommand(io, values.quiet ?? false, sweepPlan, dir, shard, { workers, retries, provenance });
  const started = performance.now();
  const common = { retries, resume: values.resume ?? false, provenance };
  const outcome = values.queue
    ? await runQueuedSweepWithProgress(io, values.quiet ?? false, sweepPlan, dir, { queue: values.queue, ...common })
    : await runPlanWithProgress(io, values.quiet ?? false, sweepPlan, dir, { workers, ...common });
  const wallSeconds = (performance.now() - started) / 1000;
  if (outcome.merged.done > 0) {
    const facts = { def, dir, sweepFile: def.file, designPoints: plan.runKeyOf.length, outcome, workers, wallSeconds };
    const [report] = await writeReport(dir, sweepReportInput({ ...facts, provenance }));
    io.stdout(`report: ${shown(io, report)}\n`);
  }
  return outcome.failed > 0 ? 1 : 0;
}

/** One slice of a sweep (--shard I/N): run its missing runs, say what is left to do. */
async function runSliceCommand(
  io: CliIo,
  quiet: boolean,
  plan: SweepPlan,
  dir: string,
  shard: { index: number; count: number },
  options: { workers: number; retries: number | undefined; provenance: Record<string, unknown> },
): Promise<number> {
  const progress = createRunProgress(io, quiet);
  const started = performance.now();
  const outcome = await runSlice(plan, dir, shard, {
    ...options,
    onStart: (runs) => progress.start(runs),
    onProgress: (p) => progress.update(p),
  });
  progress.finish();
  const { total, skipped, done, failed } = outcome;
  io.stdout(
    `${plan.name} slice ${shard.index}/${shard.count}: ${total} runs (${skipped} already done, ${done} run now` +
      `${failed ? `, ${failed} FAILED` : ''}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n` +
      `when every slice is done: clustersim results ${shown(io, dir)} --merge\n`,
  );
  return failed > 0 ? 1 : 0;
}
