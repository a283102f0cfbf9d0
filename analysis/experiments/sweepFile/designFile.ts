/**
 * A design read from a CSV file (`design: { kind: file, file: design.csv }`): a
 * header row naming every factor (in any order, no other columns), then one row
 * per design point. Cells are numbers when they read as numbers, true/false as
 * booleans, else text (policy factors' cells are always text: `none` or specs
 * joined by commas, in double quotes). A value must lie in the factor's declared
 * domain, if it has one: one of its values/range/policies, or within min..max.
 * Errors name the CSV file and line.
 */
import { readFileSync } from 'node:fs';
import { UserInputError } from '../../../scenarios/errors.js';
import { didYouMean } from '../../../scenarios/didYouMean.js';
import { describeValue } from '../../../scenarios/zodIssues.js';
import type { FactorValue } from '../types.js';
import type { DesignRow, FactorDefinition } from './definition.js';
import { MAX_DESIGN_POINTS } from './schema.js';

interface CsvLine {
  cells: string[];
  line: number;
}

/** RFC 4180 CSV: fields in double quotes may hold commas, quotes ("") and newlines. Blank lines are skipped. */
export function parseCsv(text: string, shownAs: string): CsvLine[] {
  const rows: CsvLine[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let cellStarted = false;
  const endRow = () => {
    if (cellStarted || cells.length > 0 || cell.length > 0) {
      cells.push(cell);
      rows.push({ cells, line: rowLine });
    }
    cells = [];
    cell = '';
    cellStarted = false;
  };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell.trim().length === 0) {
      quoted = true;
      cell = '';
      cellStarted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      cellStarted = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new UserInputError(`${shownAs}:${rowLine}: malformed CSV: a quoted field is not closed`);
  endRow();
  return rows.map((row) => ({ ...row, cells: row.cells.map((c) => c.trim()) }));
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function cellValue(text: string, factor: FactorDefinition): FactorValue {
  if (factor.kind === 'policy') return text;
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

const typeName = (value: FactorValue) => (typeof value === 'string' ? 'string' : typeof value);

/** Why `value` lies outside `factor`'s declared domain, or undefined. */
function outsideDomain(factor: FactorDefinition, value: FactorValue): string | undefined {
  if (factor.levels) {
    if (factor.levels.some((level) => level === value)) return undefined;
    const where = `factor ${factor.name}'s ${factor.levelSource}`;
    return `expected one of ${factor.levels.map(String).join(', ')} (${where}), got ${describeValue(value)}`;
  }
  if (factor.min !== undefined && factor.max !== undefined) {
    if (typeof value === 'number' && value >= factor.min && value <= factor.max) return undefined;
    return `expected a number from ${factor.min} to ${factor.max} (factor ${factor.name}'s min..max), got ${describeValue(value)}`;
  }
  return undefined;
}

/**
 * The rows of the design file, values in factor order, and each column's type.
 * `factors` gives the columns' order, domains and (where declared) types.
 */
export function readDesignFile(
  file: string,
  shownAs: string,
  factors: readonly FactorDefinition[],
): { rows: DesignRow[]; types: FactorDefinition['type'][] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserInputError(
      `${shownAs}: cannot read the design file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  const lines = parseCsv(text, shownAs);
  if (lines.length === 0)
    throw new UserInputError(`${shownAs}: empty design file; expected a header row naming the factors`);
  const [header, ...body] = lines;
  const names = factors.map((factor) => factor.name);
  const at = (line: number) => `${shownAs}:${line}`;
  header.cells.forEach((column, index) => {
    if (!names.includes(column)) {
      const hint = didYouMean(column, names);
      throw new UserInputError(
        `${at(header.line)}: column "${column}" is not a factor of the sweep${hint ? ` (did you mean "${hint}"?)` : ''}; expected the factors' names: ${names.join(', ')}`,
      );
    }
    if (header.cells.indexOf(column) !== index)
      throw new UserInputError(`${at(header.line)}: column "${column}" appears twice`);
  });
  const missing = names.filter((name) => !header.cells.includes(name));
  if (missing.length > 0)
    throw new UserInputError(`${at(header.line)}: expected a column for every factor; missing: ${missing.join(', ')}`);
  if (body.length === 0) throw new UserInputError(`${at(header.line)}: expected at least one row after the header`);
  if (body.length > MAX_DESIGN_POINTS)
    throw new UserInputError(`${shownAs}: expected at most ${MAX_DESIGN_POINTS} rows, got ${body.length}`);

  const columnOf = names.map((name) => header.cells.indexOf(name));
  const rows = body.map(({ cells, line }) => {
    if (cells.length !== header.cells.length)
      throw new UserInputError(
        `${at(line)}: expected ${header.cells.length} cells (as the header), got ${cells.length}`,
      );
    const values = factors.map((factor, f) => {
      const text = cells[columnOf[f]];
      if (text.length === 0)
        throw new UserInputError(`${at(line)}: ${factor.name}: expected a value, got an empty cell`);
      return cellValue(text, factor);
    });
    return { values, line };
  });

  // One type per column: the factor's declared type, else the first row's.
  const types = factors.map((factor, f) => {
    const declared =
      factor.levels !== undefined || factor.min !== undefined ? factor.type : typeName(rows[0].values[f]);
    for (const { values, line } of rows) {
      const value = values[f];
      if (typeName(value) !== declared)
        throw new UserInputError(
          `${at(line)}: ${factor.name}: expected a ${declared} (as the column's other values), got ${describeValue(value)}`,
        );
      const problem = outsideDomain(factor, value);
      if (problem) throw new UserInputError(`${at(line)}: ${factor.name}: ${problem}`);
    }
    return declared as FactorDefinition['type'];
  });
  return { rows, types };
}
