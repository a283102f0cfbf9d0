/**
 * A query's rows as text: an aligned table for reading (numbers right-aligned, NULL
 * shown), CSV (as results.csv writes values: numbers with up to 10 significant
 * digits, NULL empty) or JSON lines (one object per row; integers past 2^53 as strings).
 */
import { DuckDBDecimalValue, type DuckDBValue } from '@duckdb/node-api';
import { csvField, formatNumber } from '../../output/format.js';
import type { QueryResult } from './query.js';

export const QUERY_FORMATS = ['table', 'csv', 'json'] as const;
export type QueryFormat = (typeof QUERY_FORMATS)[number];

const isNumeric = (value: DuckDBValue) =>
  typeof value === 'number' || typeof value === 'bigint' || value instanceof DuckDBDecimalValue;

function cellText(value: DuckDBValue): string | null {
  if (value === null) return null;
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

function jsonValue(value: DuckDBValue): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  return String(value);
}

export function formatTable({ columns, rows }: QueryResult): string {
  // A line break inside a cell would break the alignment: shown as \n, as a string literal would be.
  const texts = rows.map((row) => row.map((value) => (cellText(value) ?? 'NULL').replace(/\r?\n/g, '\\n')));
  const widths = columns.map((name, column) => Math.max(name.length, ...texts.map((row) => row[column].length)));
  const rightAligned = columns.map(
    (_, column) => rows.length > 0 && rows.every((row) => row[column] === null || isNumeric(row[column])),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (rightAligned[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  const out = [line(columns), widths.map((width) => '-'.repeat(width)).join('  '), ...texts.map(line)];
  out.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return `${out.join('\n')}\n`;
}

export function formatCsv({ columns, rows }: QueryResult): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map((value) => csvField(cellText(value) ?? '')).join(','));
  return `${lines.join('\n')}\n`;
}

export function formatJsonLines({ columns, rows }: QueryResult): string {
  return rows
    .map(
      (row) => `${JSON.stringify(Object.fromEntries(columns.map((name, column) => [name, jsonValue(row[column])])))}\n`,
    )
    .join('');
}

export function formatQueryResult(result: QueryResult, format: QueryFormat): string {
  if (format === 'csv') return formatCsv(result);
  if (format === 'json') return formatJsonLines(result);
  return formatTable(result);
}
