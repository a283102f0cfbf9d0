/**
 * results.duckdb and results.parquet, built from results.csv (so all three hold the
 * same values) and the run statuses. Each is made under a temp name and renamed into
 * place, so a reader never opens a half-built database.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api';
import type { FactorColumn, FactorValue } from '../types.js';
import { RESULTS_CSV, RESULTS_DUCKDB, RESULTS_PARQUET } from './layout.js';
import type { RunLine } from './runLines.js';
import {
  FACTOR_SQL_TYPE,
  RESULTS_LEADING_COLUMNS,
  RESULTS_TRAILING_COLUMNS,
  sqlIdentifier,
  sqlString,
  SQL_TYPE,
} from './tidyColumns.js';

export type RunStatus = { status: 'done' | 'missing'; error?: undefined } | { status: 'failed'; error: string };

function resultsColumnTypes(factors: readonly FactorColumn[]): [string, string][] {
  return [
    ...RESULTS_LEADING_COLUMNS.map((name): [string, string] => [name, SQL_TYPE[name]]),
    ...factors.map((factor): [string, string] => [factor.name, FACTOR_SQL_TYPE[factor.type]]),
    ...RESULTS_TRAILING_COLUMNS.map((name): [string, string] => [name, SQL_TYPE[name]]),
  ];
}

function runsColumnTypes(factors: readonly FactorColumn[]): [string, string][] {
  return [
    ['runKey', SQL_TYPE.runKey],
    ['seed', SQL_TYPE.seed],
    ['replicate', SQL_TYPE.replicate],
    ['point', SQL_TYPE.point],
    ...factors.map((factor): [string, string] => [factor.name, FACTOR_SQL_TYPE[factor.type]]),
    ['status', SQL_TYPE.status],
    ['error', SQL_TYPE.error],
  ];
}

/** results.csv as DuckDB reads it: declared types, no guessing; an unquoted empty field is NULL, `""` an empty string. */
function readCsvSql(csvPath: string, factors: readonly FactorColumn[]): string {
  const columns = resultsColumnTypes(factors)
    .map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
    .join(', ');
  return (
    `select * from read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"', ` +
    `escape = '"', nullstr = '', allow_quoted_nulls = false, columns = {${columns}})`
  );
}

function appendFactor(appender: DuckDBAppender, type: FactorColumn['type'], value: FactorValue | undefined): void {
  if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) appender.appendNull();
  else if (type === 'number') appender.appendDouble(Number(value));
  else if (type === 'boolean') appender.appendBoolean(Boolean(value));
  else appender.appendVarchar(String(value));
}

function appendRuns(
  appender: DuckDBAppender,
  factors: readonly FactorColumn[],
  runs: readonly RunLine[],
  statuses: readonly RunStatus[],
): void {
  runs.forEach((run, index) => {
    appender.appendVarchar(run.runKey);
    appender.appendBigInt(BigInt(run.seed));
    appender.appendInteger(run.replicate);
    appender.appendInteger(run.point);
    for (const factor of factors) appendFactor(appender, factor.type, run.factors[factor.name]);
    appender.appendVarchar(statuses[index].status);
    const error = statuses[index].error;
    if (error === undefined) appender.appendNull();
    else appender.appendVarchar(error);
    appender.endRow();
  });
  appender.flushSync();
}

/** Builds results.duckdb (tables results and runs) and results.parquet from results.csv; returns their paths. */
export async function buildDatabase(
  dir: string,
  factors: readonly FactorColumn[],
  runs: readonly RunLine[],
  statuses: readonly RunStatus[],
): Promise<string[]> {
  const tempSuffix = `.tmp-${process.pid}`;
  const databasePath = join(dir, RESULTS_DUCKDB);
  const parquetPath = join(dir, RESULTS_PARQUET);
  const tempDatabase = databasePath + tempSuffix;
  const tempParquet = parquetPath + tempSuffix;
  const removeTemps = () => {
    for (const path of [tempDatabase, `${tempDatabase}.wal`, tempParquet]) rmSync(path, { force: true });
  };
  removeTemps();
  const instance = await DuckDBInstance.create(tempDatabase);
  try {
    const connection = await instance.connect();
    try {
      await connection.run(`create table results as ${readCsvSql(join(dir, RESULTS_CSV), factors)}`);
      const runsColumns = runsColumnTypes(factors)
        .map(([name, type]) => `${sqlIdentifier(name)} ${type}`)
        .join(', ');
      await connection.run(`create table runs (${runsColumns})`);
      const appender = await connection.createAppender('runs');
      try {
        appendRuns(appender, factors, runs, statuses);
      } finally {
        appender.closeSync();
      }
      await connection.run(`copy results to ${sqlString(tempParquet)} (format parquet)`);
      await connection.run('checkpoint');
    } finally {
      connection.closeSync();
    }
  } catch (error) {
    instance.closeSync();
    removeTemps();
    throw error;
  }
  instance.closeSync();
  rmSync(`${tempDatabase}.wal`, { force: true });
  renameSync(tempParquet, parquetPath);
  renameSync(tempDatabase, databasePath);
  rmSync(`${databasePath}.wal`, { force: true });
  return [parquetPath, databasePath];
}
