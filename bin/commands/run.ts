/** `clustersim run <scenario>`: load, simulate, write outputs, print where they are. */
import { existsSync, mkdirSync, rmdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { loadScenario } from '../../scenarios/load.js';
import { scenarioWarnings } from '../../scenarios/warnings.js';
import { UserInputError } from '../../scenarios/errors.js';
import { messages } from '../../scenarios/messages.js';
import { runOne } from '../../sim/runOne.js';
import { writeFilesAtomically } from '../../analysis/output/atomicWrite.js';
import { timeseriesCsvChunks } from '../../analysis/output/timeseriesCsv.js';
import { buildSummary } from '../../analysis/output/summary.js';
import {
  EVENTS_FILE,
  FIRMS_FILE,
  streamRunOutputs,
  type StreamedOutputs,
} from '../../analysis/output/streamedOutputs.js';
import type { DigestedRun } from '../../analysis/output/digest.js';
import { buildProvenance } from '../../analysis/output/provenance.js';
import { canonicalJson } from '../../analysis/output/format.js';
import { CHARTS_DIR, REPORT_FILE, removeStaleCharts, reportFiles } from '../../analysis/report/index.js';
import { runReportInput } from '../../analysis/report/inputs/run.js';
import { integerFlag, parseFlags } from '../args.js';
import { RUN_HELP } from '../help.js';
import { createProgress } from '../progress.js';
import type { CliIo } from '../io.js';

const RUN_OPTIONS = {
  seed: { type: 'string' },
  threads: { type: 'string' },
  years: { type: 'string' },
  out: { type: 'string' },
  set: { type: 'string', multiple: true },
  policy: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const DEFAULT_SEED = 1;

export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, RUN_OPTIONS);
  if (values.help) {
    io.stdout(RUN_HELP);
    return 0;
  }
  if (positionals.length === 0)
    throw new UserInputError(messages.missingArgument('run', 'the scenario (a YAML file or a scenario name)'));
  if (positionals.length > 1) {
    throw new UserInputError(
      messages.badFlagValue('run', 'one scenario', `${positionals.length}: ${positionals.join(' ')}`),
    );
  }
  const seed = integerFlag('--seed', values.seed, 0, 4294967295) ?? DEFAULT_SEED;
  const threads = integerFlag('--threads', values.threads, 1, 256) ?? 1;
  const years = integerFlag('--years', values.years, 1, 500);
  const scenarioArg = positionals[0];
  const scenario = loadScenario(isAbsolute(scenarioArg) ? scenarioArg : resolveFromCwd(io, scenarioArg), {
    policies: values.policy ?? [],
    set: values.set ?? [],
    years,
  });
  // A shortened horizon (--years) makes late policies and products moot on purpose.
  if (years === undefined)
    for (const warning of scenarioWarnings(scenario.params))
      io.stderr(`clustersim: warning: ${relativeOrAbsolute(io, scenario.file)}: ${warning}\n`);
  const outDir = values.out
    ? isAbsolute(values.out)
      ? values.out
      : join(io.cwd, values.out)
    : join(io.cwd, 'out', scenario.params.name);
  // Checked before the run: the folder, or the nearest part of its path that exists, must be a directory.
  if (!nearestExisting(outDir).isDirectory())
    throw new UserInputError(messages.outputNotDirectory(values.out ?? outDir, values.out !== undefined));

  const { params } = scenario;
  const progress = createProgress(io, values.quiet ?? false, (done) => {
    const year = params.startYear + Math.floor(Math.max(0, done - 1) / 12);
    return `year ${year} of ${params.startYear}-${params.startYear + params.years - 1}`;
  });
  const startedAt = new Date().toISOString();
  const started = performance.now();
  // events.jsonl and firms.csv are written while the run goes (staged, renamed with the
  // batch below): a national run would otherwise hold ~0.9 GB of events and panel rows.
  const createdOutDir = !existsSync(outDir);
  mkdirSync(outDir, { recursive: true });
  const streamed = streamRunOutputs(outDir, params);
  let result: DigestedRun;
  let staged: ReturnType<StreamedOutputs['finish']>;
  try {
    const kept = await runOne({
      params,
      seed,
      threads,
      sink: streamed.sink,
      onTick: (done, total) => progress.tick(done, total),
    });
    staged = streamed.finish();
    result = { ...kept, digest: staged.digest };
  } catch (error) {
    streamed.discard();
    if (createdOutDir) removeIfEmpty(outDir);
    throw error;
  }
  progress.finish();
  const wallSeconds = (performance.now() - started) / 1000;

  const outputs = [
    'timeseries.csv',
    'summary.json',
    'events.jsonl',
    'firms.csv',
    'run.json',
    REPORT_FILE,
    `${CHARTS_DIR}/`,
  ];
  const scenarioFile = relativeOrAbsolute(io, scenario.file);
  const provenance = buildProvenance({
    scenarioFile,
    scenarioFileHash: scenario.fileHash,
    sources: scenario.sources.map((source) => ({ ...source, file: relativeOrAbsolute(io, source.file) })),
    overrides: scenario.overrides,
    params,
    seed,
    threads,
    startedAt,
    wallSeconds,
    outputs,
  });
  let report: Awaited<ReturnType<typeof reportFiles>>;
  try {
    report = await reportFiles(
      runReportInput({ result, scenarioFile, overrides: scenario.overrides, wallSeconds, provenance }),
    );
    // One batch: the report and the data it was drawn from are replaced together or not at all.
    writeFilesAtomically(outDir, {
      ...report,
      'timeseries.csv': timeseriesCsvChunks(result),
      'summary.json': `${canonicalJson(buildSummary(result, params.name), 2)}\n`,
      [EVENTS_FILE]: staged.events,
      [FIRMS_FILE]: staged.firms,
      'run.json': `${JSON.stringify(provenance, null, 2)}\n`,
    });
  } catch (error) {
    for (const file of [staged.events, staged.firms]) rmSync(file.stagedPath, { force: true });
    throw error;
  }
  removeStaleCharts(outDir, report);
  const shownDir = relativeOrAbsolute(io, outDir);
  io.stdout(
    `${params.name}: ${params.years} years, seed ${seed}, ${threads} thread${threads === 1 ? '' : 's'}, ${wallSeconds.toFixed(2)} s\n` +
      `outputs in ${shownDir}/ (${outputs.join(', ')})\n` +
      `report: ${shownDir}/${REPORT_FILE}\n`,
  );
  return 0;
}

/** Remove a folder this run created, if nothing else was put in it meanwhile. */
function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (or already gone): leave it.
  }
}

function nearestExisting(path: string): Stats {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return statSync(current);
}

function resolveFromCwd(io: CliIo, path: string): string {
  const candidate = join(io.cwd, path);
  return existsSync(candidate) ? candidate : path;
}

function relativeOrAbsolute(io: CliIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
