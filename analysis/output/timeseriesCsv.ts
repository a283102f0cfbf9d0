/**
 * timeseries.csv: one row per tick per town, then an all-towns row (town = "all").
 * Columns: tick, year, month (1-12), town, then every reporter in REPORTERS order.
 */
import type { RunResult } from '../../sim/runOne.js';
import { csvField, formatNumber } from './format.js';

export const ALL_TOWNS = 'all';

export function timeseriesCsv(result: RunResult): string {
  const { metricNames, townNames, metrics, ticks, params } = result;
  const rowsPerTick = townNames.length + 1;
  const metricCount = metricNames.length;
  const lines: string[] = [['tick', 'year', 'month', 'town', ...metricNames].join(',')];
  const townFields = [...townNames, ALL_TOWNS].map(csvField);
  for (let tick = 0; tick < ticks; tick++) {
    const year = params.startYear + Math.floor(tick / 12);
    const month = (tick % 12) + 1;
    for (let row = 0; row < rowsPerTick; row++) {
      const offset = (tick * rowsPerTick + row) * metricCount;
      const values: string[] = [String(tick), String(year), String(month), townFields[row]];
      for (let m = 0; m < metricCount; m++) values.push(formatNumber(metrics[offset + m]));
      lines.push(values.join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
