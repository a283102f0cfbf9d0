/**
 * `clustersim results <dir>`: what a sweep's results folder holds, a SQL query against
 * its merged DuckDB database (merged first when missing or out of date), or a merge.
 */
import { isAbsolute, join, relative } from 'node:path';
import {
  formatQueryResult,
  mergeResults,
  openStoreForReading,
  queryDatabase,
  QUERY_FORMATS,
  RESULTS_DUCKDB,
  resultFileStates,
  type MergeSummary,
  type QueryFormat,
  type StoreReader,
} from '../../analysis/experiments/store/index.js';
import { UserInputError } from '../../scenarios/errors.js';
import { messages } from '../../scenarios/messages.js';
import { parseFlags } from '../args.js';
import type { CliIo } from '../io.js';

export const RESULTS_HELP = `clustersim results - look into a sweep's results folder

Usage:
  clustersim results <dir>                      what the folder holds: runs done,
                                                failed (with their errors), missing;
                                                which merged files are up to date
  clustersim results <dir> --sql "QUERY"        answer a SQL query (DuckDB)
  clustersim results <dir> --merge              (re)build the merged files

<dir> is the --out folder of clustersim sweep, compare or sensitivity.

Options:
  --sql QUERY        run QUERY against <dir>/results.duckdb, read-only; the folder
                     is merged first when the database is missing or older than
                     the newest run. Tables:
                       results  runKey, seed, <factors>, replicate, tick, town,
                                metric, value   (one row per kept sample)
                       runs     runKey, seed, replicate, point, <factors>,
                                status (done|failed|missing), error
                     Quote factor names with dots: "labour.quitProbabilityPerMonth"
  --format F         table (default), csv or json (one object per line)
  --merge            rebuild results.csv, results.parquet and results.duckdb
  --debug            show stack traces for errors
  -h, --help         show this help

Examples:
  clustersim results out/quit-rate
  clustersim results out/quit-rate --sql "select replicate, value from results
      where metric = 'firms' and town = 'all' and tick = 119 order by replicate"
  clustersim results out/quit-rate --format csv --sql "select * from runs
      where status <> 'done'"

Files: results.csv and results.parquet hold the tidy table (load them in R,
Python or any SQL engine); results.duckdb holds both tables.
`;

const RESULTS_OPTIONS = {
  sql: { type: 'string' },
  format: { type: 'string' },
  merge: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The folder as the store's messages should name it: relative to the process's
 * folder (what the user typed, in the CLI) when inside it, else absolute.
 */
function storeDir(io: CliIo, given: string): string {
  const absolute = isAbsolute(given) ? given : join(io.cwd, given);
  const rel = relative(process.cwd(), absolute);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}

function parseFormat(text: string | undefined): QueryFormat {
  if (text === undefined) return 'table';
  if ((QUERY_FORMATS as readonly string[]).includes(text)) return text as QueryFormat;
  throw new UserInputError(messages.badFlagValue('--format', `one of ${QUERY_FORMATS.join(', ')}`, `"${text}"`));
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function mergeLine(summary: MergeSummary): string {
  const parts = [`${summary.done} done`];
  if (summary.failed > 0) parts.push(`${summary.failed} failed`);
  if (summary.missing > 0) parts.push(`${summary.missing} missing`);
  return `merged ${plural(summary.runs, 'run')} (${parts.join(', ')}) into ${plural(summary.rows, 'row')}`;
}

const MAX_ERRORS_SHOWN = 5;

function statusReport(store: StoreReader, dir: string): string {
  const { manifest, runs } = store;
  const done = store.completedKeys().size;
  const failures = store.failures();
  const missing = runs.length - done - failures.length;
  const lines = [
    `${manifest.name} (${dir}): ${plural(runs.length, 'run')} planned; seeds ${manifest.seedRule}, master seed ${manifest.masterSeed}; code ${manifest.codeVersion}`,
    `  done     ${done}`,
    `  failed   ${failures.length}`,
  ];
  for (const failure of failures.slice(0, MAX_ERRORS_SHOWN))
    lines.push(`    ${failure.runKey.slice(0, 12)}  ${failure.error.split('\n')[0]}`);
  if (failures.length > MAX_ERRORS_SHOWN)
    lines.push(
      `    ... and ${failures.length - MAX_ERRORS_SHOWN} more (--sql "select runKey, error from runs where status = 'failed'")`,
    );
  lines.push(`  missing  ${missing}`);
  if (failures.length + missing > 0)
    lines.push(`Run the sweep again with --out ${dir} --resume to run the ${failures.length + missing} not done.`);
  lines.push('Merged files:');
  for (const file of resultFileStates(dir)) {
    const state = !file.exists
      ? `not yet written (clustersim results ${dir} --merge)`
      : file.stale
        ? `out of date: runs finished or failed since (clustersim results ${dir} --merge)`
        : 'up to date';
    lines.push(`  ${file.name.padEnd(16)} ${state}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function resultsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, RESULTS_OPTIONS);
  if (values.help) {
    io.stdout(RESULTS_HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UserInputError(
      `results: expected one results folder, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}; see clustersim results --help`,
    );
  if (values.format !== undefined && values.sql === undefined)
    throw new UserInputError('--format: applies to the answer of --sql; add --sql "QUERY"');
  const format = parseFormat(values.format);
  const dir = storeDir(io, positionals[0]);
  const store = openStoreForReading(dir);

  if (values.merge) {
    const summary = await mergeResults(dir);
    io.stdout(`${mergeLine(summary)}:\n${summary.files.map((file) => `  ${file}\n`).join('')}`);
  }
  if (values.sql === undefined) {
    if (!values.merge) io.stdout(statusReport(store, dir));
    return 0;
  }
  const database = resultFileStates(dir).find((file) => file.name === RESULTS_DUCKDB);
  if (!values.merge && (!database?.exists || database.stale)) {
    const summary = await mergeResults(dir);
    io.stderr(`clustersim: ${mergeLine(summary)} before the query\n`);
  }
  const result = await queryDatabase(join(dir, RESULTS_DUCKDB), values.sql);
  io.stdout(formatQueryResult(result, format));
  return 0;
}
