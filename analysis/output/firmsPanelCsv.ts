/**
 * firms.csv: the yearly firm panel - one row per firm alive at the end of each
 * simulated year (December), in year then firm-id order. Columns: year, firm (id),
 * town (name), parent (-1 for the founding generation), birthYear, ageMonths
 * (months since the firm's founding month), headcount, apprentices, meanSkill,
 * capability, cash, salesUnits (December's), revenue, profit, effort, utilisation.
 * Head-count, apprentices and mean skill are as of December's production; cash,
 * capability and the accounts are end-of-month (see sim/model/phases/annualPanel.ts).
 */
import type { RunResult } from '../../sim/runOne.js';
import { PANEL_COLUMN_NAMES } from '../../sim/model/phases/annualPanel.js';
import { csvField, formatNumber } from './format.js';

export function firmsPanelCsv(result: Pick<RunResult, 'firmPanel' | 'townNames'>): string {
  const { rows, cols } = result.firmPanel;
  const townFields = result.townNames.map(csvField);
  const columns = PANEL_COLUMN_NAMES.map((name) => cols[name]);
  const townColumn = PANEL_COLUMN_NAMES.indexOf('town');
  const chunks: string[] = [`${PANEL_COLUMN_NAMES.join(',')}\n`];
  let chunk = '';
  for (let row = 0; row < rows; row++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const value = columns[c][row];
      if (c > 0) line += ',';
      line += c === townColumn ? townFields[value] : formatNumber(value);
    }
    chunk += `${line}\n`;
    // Join in chunks so a national panel (millions of rows) does not build one huge rope.
    if ((row & 4095) === 4095) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  chunks.push(chunk);
  return chunks.join('');
}
