/**
 * runs.jsonl: one line per unique run in plan order - everything the merged tables
 * need about a run besides its samples. Merging reads the order from here, never from
 * the order shards were written in, so resumed and parallel sweeps merge identically.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../../../scenarios/errors.js';
import type { FactorValue, SweepPlan } from '../types.js';
import { RUNS_FILE } from './layout.js';

export interface RunLine {
  runKey: string;
  seed: number;
  replicate: number;
  point: number;
  factors: Record<string, FactorValue>;
}

export function* runLinesText(plan: SweepPlan): Generator<string> {
  for (const { runKey, seed, replicate, point, factors } of plan.runs)
    yield `${JSON.stringify({ runKey, seed, replicate, point, factors })}\n`;
}

export function readRunLines(dir: string): RunLine[] {
  const path = join(dir, RUNS_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserInputError(
      `${path}: missing; the folder's plan is incomplete (start the sweep again with another --out)`,
    );
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, index) => {
    try {
      const run = JSON.parse(line) as RunLine;
      if (typeof run.runKey !== 'string' || typeof run.seed !== 'number') throw new Error('expected runKey and seed');
      return run;
    } catch (error) {
      throw new UserInputError(`${path}:${index + 1}: not a run line (${(error as Error).message.split('\n')[0]})`);
    }
  });
}
