/**
 * The columns of the merged tables and how a value is written in each. The tidy
 * table `results` is runKey, seed, <factors in plan order>, replicate, tick, town,
 * metric, value; the `runs` table is runKey, seed, replicate, point, <factors>, status,
 * error. Text in results.csv is the one source of every table: DuckDB reads the CSV
 * with these declared types, so the three files hold the same values.
 */
import { UserInputError } from '../../../scenarios/errors.js';
import { csvField, formatNumber } from '../../output/format.js';
import type { FactorColumn, FactorValue } from '../types.js';

export const RESULTS_LEADING_COLUMNS = ['runKey', 'seed'] as const;
export const RESULTS_TRAILING_COLUMNS = ['replicate', 'tick', 'town', 'metric', 'value'] as const;
const RUNS_ONLY_COLUMNS = ['point', 'status', 'error'] as const;
const RESERVED = [...RESULTS_LEADING_COLUMNS, ...RESULTS_TRAILING_COLUMNS, ...RUNS_ONLY_COLUMNS];

export const SQL_TYPE: Record<string, string> = {
  runKey: 'VARCHAR',
  seed: 'BIGINT',
  replicate: 'INTEGER',
  point: 'INTEGER',
  tick: 'INTEGER',
  town: 'VARCHAR',
  metric: 'VARCHAR',
  value: 'DOUBLE',
  status: 'VARCHAR',
  error: 'VARCHAR',
};

export const FACTOR_SQL_TYPE: Record<FactorColumn['type'], string> = {
  number: 'DOUBLE',
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
};

/** DuckDB's column names are case-insensitive: a factor may not share one with another column. */
export function checkFactorColumns(factors: readonly FactorColumn[]): void {
  const taken = new Map(RESERVED.map((name) => [name.toLowerCase(), `the results column ${name}`]));
  for (const factor of factors) {
    const clash = taken.get(factor.name.toLowerCase());
    if (clash)
      throw new UserInputError(
        `factor ${factor.name}: its name is also ${clash} (names ignore case); rename the factor`,
      );
    taken.set(factor.name.toLowerCase(), `the factor ${factor.name}`);
  }
}

export function resultsColumnNames(factors: readonly FactorColumn[]): string[] {
  return [...RESULTS_LEADING_COLUMNS, ...factors.map((factor) => factor.name), ...RESULTS_TRAILING_COLUMNS];
}

/** A number field: up to 10 significant digits; NaN, null and a missing value are an empty field (NULL). */
export function numberField(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : formatNumber(value);
}

/** A factor field; an empty string is written `""` so that it stays an empty string, not NULL. */
export function factorField(value: FactorValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return numberField(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value === '' ? '""' : csvField(value);
}

export const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;
export const sqlIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
