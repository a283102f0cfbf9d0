/**
 * From design points to runs: each (point, replicate) gets its run key and seed.
 * Points whose resolved parameters are equal give the same run key for the same
 * replicate and are run once (a Morris design revisits grid points; a design file can
 * repeat a row); `point` records the first point that asked for it.
 */
import type { ModelParams } from '../../sim/params.js';
import { parameterHash } from '../output/provenance.js';
import { runKey, seedFor } from './runKey.js';
import type { FactorColumn, FactorValue, KeepSpec, RunSpec, SeedRuleName, SweepPlan } from './types.js';

export interface RunInput {
  params: ModelParams;
  replicate: number;
  point: number;
  factors: Record<string, FactorValue>;
  keep: KeepSpec;
  masterSeed: number;
  seedRule: SeedRuleName;
  codeVersion: string;
}

/** `parametersSha256` may be passed when known (hashing the parameters is the costly part of planning). */
export function makeRun(input: RunInput & { parametersSha256?: string }): RunSpec {
  const digest = input.parametersSha256 ?? parameterHash(input.params);
  return {
    runKey: runKey(digest, input.replicate, input.codeVersion),
    seed: seedFor(input.seedRule, input.masterSeed, digest, input.replicate),
    replicate: input.replicate,
    point: input.point,
    factors: input.factors,
    params: input.params,
    keep: input.keep,
  };
}

export interface PlannedPoint {
  params: ModelParams;
  factors: Record<string, FactorValue>;
  keep: KeepSpec;
}

export interface PlanInput {
  name: string;
  factors: FactorColumn[];
  points: readonly PlannedPoint[];
  replications: number;
  masterSeed: number;
  seedRule: SeedRuleName;
  codeVersion: string;
}

/**
 * The plan: points in design order, replicates inner (point 0 rep 0, point 0 rep 1,
 * ...), duplicates dropped. `runKeyOf[point][replicate]` maps every design cell to its
 * run, duplicates included, for analyses that need the design as it was drawn.
 */
export function planRuns(input: PlanInput): SweepPlan & { runKeyOf: string[][] } {
  const runs: RunSpec[] = [];
  const seen = new Set<string>();
  const runKeyOf = input.points.map((point, pointIndex) => {
    const parametersSha256 = parameterHash(point.params);
    const keys: string[] = [];
    for (let replicate = 0; replicate < input.replications; replicate++) {
      const run = makeRun({ ...point, parametersSha256, replicate, point: pointIndex, ...pick(input) });
      keys.push(run.runKey);
      if (seen.has(run.runKey)) continue;
      seen.add(run.runKey);
      runs.push(run);
    }
    return keys;
  });
  return {
    name: input.name,
    factors: input.factors,
    runs,
    masterSeed: input.masterSeed,
    seedRule: input.seedRule,
    codeVersion: input.codeVersion,
    runKeyOf,
  };
}

const pick = ({ masterSeed, seedRule, codeVersion }: PlanInput) => ({ masterSeed, seedRule, codeVersion });
