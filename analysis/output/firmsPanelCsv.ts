/**
 * firms.csv: the yearly firm panel - one row per firm alive at the end of each
 * simulated year (December), in year then firm-id order. Columns: year, firm (id),
 * town (name), parent (-1 for the founding generation), birthYear, ageMonths
 * (months since the firm's founding month), headcount, apprentices, meanSkill,
 * capability, cash, salesUnits (December's), revenue, profit, effort, utilisation;
 * then products (how many it makes), productsMask (bit p = product p of the
 * scenario's catalogue), inHouseProcesses (machines owned), machineValue (book
 * value after December's depreciation), debt, netWorth (cash - debt + machine
 * value), exportSalesUnits (December's), launches and copies (designs over the
 * firm's life), kinGroup; and the firm's upgrading in that calendar year, 0 or 1:
 * upgradedProduct, upgradedProcess, upgradedFunctional, upgradedInterSectoral,
 * upgradedMarketingLinkages, upgraded (any of the five), downgraded.
 * Head-count, apprentices and mean skill are as of December's production; cash,
 * capability and the accounts are end-of-month (see sim/model/phases/annualPanel.ts
 * and sim/model/phases/upgrading.ts for the classification).
 */
import type { RunResult } from '../../sim/runOne.js';
import { PANEL_COLUMN_NAMES, type PanelColumns } from '../../sim/model/phases/annualPanel.js';
import { csvField, formatNumber } from './format.js';

/**
 * The file as chunks of 256 whole rows: a national panel (60,000 firms x 40 years,
 * ~300 MB of text) is streamed to disk instead of built as one string near V8's limit.
 * Chunks are kept small so that a chunk's field strings die young: with 4,096 rows
 * they outlived the young generation and a 10-year national run's peak RSS rose by
 * ~120 MB while writing this file (about 20 MB with 256).
 */
export function* firmsPanelCsvChunks(result: Pick<RunResult, 'firmPanel' | 'townNames'>): Generator<string> {
  yield FIRMS_PANEL_CSV_HEADER;
  yield* firmsPanelRowChunks(result.firmPanel, result.townNames);
}

/** The header line of firms.csv. */
export const FIRMS_PANEL_CSV_HEADER = `${PANEL_COLUMN_NAMES.join(',')}\n`;

/** The lines of panel rows [0, rows) (a whole run's, or one December's of a streaming run), in chunks of 256. */
export function* firmsPanelRowChunks(
  panel: Readonly<{ rows: number; cols: PanelColumns }>,
  townNames: readonly string[],
): Generator<string> {
  const { rows, cols } = panel;
  const townFields = townNames.map(csvField);
  const columns = PANEL_COLUMN_NAMES.map((name) => cols[name]);
  const townColumn = PANEL_COLUMN_NAMES.indexOf('town');
  let chunk = '';
  for (let row = 0; row < rows; row++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const value = columns[c][row];
      if (c > 0) line += ',';
      line += c === townColumn ? townFields[value] : formatNumber(value);
    }
    chunk += `${line}\n`;
    if ((row & 255) === 255) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function firmsPanelCsv(result: Pick<RunResult, 'firmPanel' | 'townNames'>): string {
  return [...firmsPanelCsvChunks(result)].join('');
}
