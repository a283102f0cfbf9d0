/**
 * A sweep's provenance (manifest.json): enough to rebuild every run - the code
 * (package version, git commit and dirty flag, the simulation code version that run
 * keys carry, the lockfile's hash), Node and platform, the files the design came
 * from with their hashes, the design, and the seed rule in words.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../scenarios/paths.js';
import { codeVersion as gitCodeVersion } from '../output/provenance.js';
import { SEED_RULES } from './runKey.js';
import type { SweepPlan } from './types.js';

export interface SweepProvenanceInput {
  command: string;
  plan: SweepPlan;
  /** Files the sweep was built from (sweep file, scenario chain, policy files, design CSV), with hashes. */
  sources: { role: string; file: string; sha256: string }[];
  /** What the design was, in data: kind and sizes, factor definitions. */
  design: Record<string, unknown>;
  startedAt: string;
}

function lockfileSha256(): string | null {
  const lockfile = join(packageRoot(), 'package-lock.json');
  return existsSync(lockfile) ? createHash('sha256').update(readFileSync(lockfile)).digest('hex') : null;
}

export function sweepProvenance(input: SweepProvenanceInput): Record<string, unknown> {
  return {
    tool: 'clustersim',
    command: input.command,
    code: { ...gitCodeVersion(), simulation: input.plan.codeVersion, lockfileSha256: lockfileSha256() },
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    sources: input.sources,
    design: input.design,
    seeds: {
      masterSeed: input.plan.masterSeed,
      rule: input.plan.seedRule,
      definition: SEED_RULES[input.plan.seedRule],
    },
    startedAt: input.startedAt,
  };
}

export const sha256Of = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
