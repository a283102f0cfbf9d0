/**
 * manifest.json: what a results folder holds - the plan's metadata (not its runs,
 * which are in runs.jsonl), a digest of its run keys in order, and the caller's
 * provenance. Resume compares the digest, the factors and the seed rule: a folder can
 * only be finished by the plan that started it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../../../scenarios/errors.js';
import type { FactorColumn, SeedRuleName, SweepPlan } from '../types.js';
import { MANIFEST_FILE, SWEEP_FORMAT } from './layout.js';

export interface SweepManifest {
  format: typeof SWEEP_FORMAT;
  name: string;
  factors: FactorColumn[];
  masterSeed: number;
  seedRule: SeedRuleName;
  codeVersion: string;
  /** Number of unique runs (lines of runs.jsonl). */
  runs: number;
  /** sha256 hex of the run keys in plan order, each followed by "\n". */
  planSha256: string;
  provenance: Record<string, unknown>;
}

export function planDigest(runKeys: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const key of runKeys) hash.update(`${key}\n`);
  return hash.digest('hex');
}

export function manifestFor(plan: SweepPlan, provenance: Record<string, unknown>): SweepManifest {
  return {
    format: SWEEP_FORMAT,
    name: plan.name,
    factors: plan.factors.map(({ name, type }) => ({ name, type })),
    masterSeed: plan.masterSeed,
    seedRule: plan.seedRule,
    codeVersion: plan.codeVersion,
    runs: plan.runs.length,
    planSha256: planDigest(plan.runs.map((run) => run.runKey)),
    provenance,
  };
}

export function readManifest(dir: string): SweepManifest {
  const path = join(dir, MANIFEST_FILE);
  let manifest: Partial<SweepManifest>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Partial<SweepManifest>;
  } catch (error) {
    throw new UserInputError(`${path}: unreadable sweep manifest (${(error as Error).message.split('\n')[0]})`);
  }
  if (manifest?.format !== SWEEP_FORMAT)
    throw new UserInputError(`${path}: format: expected "${SWEEP_FORMAT}", got ${JSON.stringify(manifest?.format)}`);
  return manifest as SweepManifest;
}

const describeFactors = (factors: readonly FactorColumn[]) =>
  factors.length === 0 ? 'none' : factors.map((factor) => `${factor.name} (${factor.type})`).join(', ');

/**
 * What keeps `plan` from finishing the folder described by `existing` (whose run keys,
 * in order, `readExistingKeys` reads - only when they differ), as clauses for one line;
 * empty when it may resume.
 */
export function planDifferences(
  existing: SweepManifest,
  readExistingKeys: () => readonly string[],
  plan: SweepPlan,
): string[] {
  const differences: string[] = [];
  if (describeFactors(existing.factors) !== describeFactors(plan.factors))
    differences.push(
      `the factors are now ${describeFactors(plan.factors)}, the folder's ${describeFactors(existing.factors)}`,
    );
  if (existing.seedRule !== plan.seedRule || existing.masterSeed !== plan.masterSeed)
    differences.push(
      `the seeds now come from ${plan.seedRule} with master seed ${plan.masterSeed}, the folder's from ${existing.seedRule} with master seed ${existing.masterSeed}`,
    );
  const keys = plan.runs.map((run) => run.runKey);
  if (planDigest(keys) !== existing.planSha256) {
    const existingKeys = readExistingKeys();
    const before = new Set(existingKeys);
    const now = new Set(keys);
    // A run key the other side lacks, counted on the side with more of them: 40 runs over 36 is 4, not 4 + 0.
    const differing = Math.max(
      keys.filter((key) => !before.has(key)).length,
      existingKeys.filter((key) => !now.has(key)).length,
    );
    const cause =
      existing.codeVersion !== plan.codeVersion
        ? `the simulation code changed: ${plan.codeVersion}, the folder's ${existing.codeVersion}`
        : 'was the sweep file or the code changed?';
    differences.push(
      differing === 0
        ? `the sweep has the folder's ${keys.length} runs in another order`
        : `the sweep now has ${keys.length} runs, the folder's has ${existingKeys.length}; ${differing} run keys differ (${cause})`,
    );
  }
  return differences;
}
