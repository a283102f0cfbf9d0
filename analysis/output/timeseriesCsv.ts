/**
 * timeseries.csv: one row per tick per town, then an all-towns row (town = "all").
 * Columns: tick, year, month (1-12), town, then every metric of the run in order
 * (sim/observe.ts `reportersFor`: the names include the scenario's process names,
 * `vendors.<process>`, quoted when they hold a comma or a quote).
 */
import type { RunResult } from '../../sim/runOne.js';
import { csvField, formatNumber } from './format.js';

export const ALL_TOWNS = 'all';

/**
 * The file as chunks of whole lines, one tick per chunk, so a national run (tens of
 * thousands of rows) is streamed to disk rather than built as one string.
 */
export function* timeseriesCsvChunks(result: RunResult): Generator<string> {
  const { metricNames, townNames, metrics, ticks, params } = result;
  const rowsPerTick = townNames.length + 1;
  const metricCount = metricNames.length;
  yield `${['tick', 'year', 'month', 'town', ...metricNames].map(csvField).join(',')}\n`;
  const townFields = [...townNames, ALL_TOWNS].map(csvField);
  for (let tick = 0; tick < ticks; tick++) {
    const year = params.startYear + Math.floor(tick / 12);
    const month = (tick % 12) + 1;
    let chunk = '';
    for (let row = 0; row < rowsPerTick; row++) {
      const offset = (tick * rowsPerTick + row) * metricCount;
      let line = `${tick},${year},${month},${townFields[row]}`;
      for (let m = 0; m < metricCount; m++) line += `,${formatNumber(metrics[offset + m])}`;
      chunk += `${line}\n`;
    }
    yield chunk;
  }
}

export function timeseriesCsv(result: RunResult): string {
  return [...timeseriesCsvChunks(result)].join('');
}
