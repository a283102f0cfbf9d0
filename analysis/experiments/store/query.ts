/** Answering one SQL query (or several; the last one's result is shown) against a merged results.duckdb, read-only. */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { UserInputError } from '../../../scenarios/errors.js';

export interface QueryResult {
  columns: string[];
  rows: DuckDBValue[][];
}

/** DuckDB's message without the bindings' prefix, first line only ("Parser Error: syntax error at ..."). */
function duckdbFirstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .replace(/^Failed to extract statements: /, '')
    .split('\n')[0]
    .trim();
}

export async function queryDatabase(databasePath: string, sql: string): Promise<QueryResult> {
  if (sql.trim().replace(/;/g, '') === '') throw new UserInputError('--sql: expected a query, got nothing');
  const instance = await DuckDBInstance.create(databasePath, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    try {
      // With a values list, the bindings run every statement and return the last one's result.
      const reader = await connection.runAndReadAll(sql, []);
      return { columns: reader.columnNames(), rows: reader.getRows() };
    } catch (error) {
      throw new UserInputError(`--sql: ${duckdbFirstLine(error)}`);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
