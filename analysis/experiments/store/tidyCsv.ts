/**
 * results.csv as a stream of chunks: the header, then for each finished run in plan
 * order its samples in the shard's tick, town, metric order. Only one shard is in
 * memory at a time, so a sweep of 10^5 runs merges in constant memory.
 */
import { UserInputError } from '../../../scenarios/errors.js';
import { csvField } from '../../output/format.js';
import type { FactorColumn, ShardRecord } from '../types.js';
import type { RunLine } from './runLines.js';
import { factorField, numberField, resultsColumnNames } from './tidyColumns.js';

const CHUNK_CHARS = 1 << 20;

function checkSamples(shard: ShardRecord, where: string): void {
  const { ticks, towns, metrics, values } = shard.samples ?? {};
  if (!Array.isArray(ticks) || !Array.isArray(towns) || !Array.isArray(metrics) || !Array.isArray(values))
    throw new UserInputError(`${where}: samples: expected ticks, towns, metrics and values lists`);
  const expected = ticks.length * towns.length * metrics.length;
  if (values.length !== expected)
    throw new UserInputError(
      `${where}: samples.values: expected ${expected} values (ticks × towns × metrics), got ${values.length}`,
    );
}

/**
 * `doneRuns` are the runs with a shard, in plan order; `readShard` reads one; `onRows`
 * hears how many rows each run gave (so the caller can count without a second pass).
 */
export function* tidyCsvChunks(
  factors: readonly FactorColumn[],
  doneRuns: readonly RunLine[],
  readShard: (runKey: string) => ShardRecord,
  onRows: (rows: number) => void,
  shardName: (runKey: string) => string,
): Generator<string> {
  let parts: string[] = [`${resultsColumnNames(factors).map(csvField).join(',')}\n`];
  let chars = parts[0].length;
  for (const run of doneRuns) {
    const shard = readShard(run.runKey);
    checkSamples(shard, shardName(run.runKey));
    const { ticks, towns, metrics, values } = shard.samples;
    const factorText = factors.map((factor) => `${factorField(run.factors[factor.name])},`).join('');
    const runPrefix = `${run.runKey},${run.seed},${factorText}${run.replicate},`;
    const townFields = towns.map(csvField);
    const metricFields = metrics.map(csvField);
    let index = 0;
    for (const tick of ticks) {
      for (const town of townFields) {
        const rowPrefix = `${runPrefix}${tick},${town},`;
        for (const metric of metricFields) {
          const line = `${rowPrefix}${metric},${numberField(values[index++])}\n`;
          parts.push(line);
          chars += line.length;
        }
      }
    }
    onRows(index);
    if (chars >= CHUNK_CHARS) {
      yield parts.join('');
      parts = [];
      chars = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}
