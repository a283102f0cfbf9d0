/**
 * run.json: what a reader needs to reproduce a run - the scenario file and its
 * hash, the files it was composed from (extends, policies) with theirs, overrides, resolved parameters and their hash, seed, threads, code version
 * (package version and git commit with a dirty flag), Node version, wall time.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../scenarios/paths.js';
import type { ModelParams } from '../../sim/params.js';
import { canonicalJson } from './format.js';

export interface CodeVersion {
  package: string;
  gitCommit: string | null;
  gitDirty: boolean | null;
}

export function codeVersion(): CodeVersion {
  const root = packageRoot();
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  try {
    const git = (args: string[]) =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git(['rev-parse', 'HEAD']);
    const dirty = git(['status', '--porcelain', '--untracked-files=no']).length > 0;
    return { package: version, gitCommit: commit, gitDirty: dirty };
  } catch {
    return { package: version, gitCommit: null, gitDirty: null };
  }
}

export function parameterHash(params: ModelParams): string {
  return createHash('sha256').update(canonicalJson(params)).digest('hex');
}

export interface ProvenanceInput {
  scenarioFile: string;
  scenarioFileHash: string;
  /** Every file the scenario was composed from (extends chain, policy files), with hashes. */
  sources: { role: string; file: string; sha256: string }[];
  overrides: string[];
  params: ModelParams;
  seed: number;
  threads: number;
  startedAt: string;
  wallSeconds: number;
  outputs: string[];
}

export function buildProvenance(input: ProvenanceInput): Record<string, unknown> {
  return {
    tool: 'clustersim',
    code: codeVersion(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    scenario: {
      file: input.scenarioFile,
      fileSha256: input.scenarioFileHash,
      composedFrom: input.sources,
      name: input.params.name,
      overrides: input.overrides,
      parametersSha256: parameterHash(input.params),
    },
    seed: input.seed,
    threads: input.threads,
    ticks: input.params.years * 12,
    startedAt: input.startedAt,
    wallSeconds: input.wallSeconds,
    outputs: input.outputs,
    parameters: input.params,
  };
}
