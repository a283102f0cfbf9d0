/**
 * Run keys and seeds.
 *
 * runKey = sha256(canonical JSON of { parametersSha256, replicate, codeVersion }), where
 * parametersSha256 is the hash run.json records for a single run (sha256 of the
 * canonical resolved parameters, analysis/output/provenance.ts). The key names a result, so it changes when anything that could change the result changes
 * - a resolved parameter (the scenario as composed, with its policies, overrides and
 * horizon), the replicate, or the simulation code.
 *
 * Seeds come from a named rule (recorded in the manifest), never `base + N`: nearby
 * integer seeds are fine for our counter-based streams, but a rule that hashes makes
 * a seed independent of run order, design size and resume, and says which runs
 * share random numbers:
 *  - per-run-sha256-v1: seed = first 32 bits of sha256("clustersim/seed/per-run/v1",
 *    masterSeed, runIdentity), runIdentity = sha256 of { parametersSha256, replicate } (the
 *    run key without the code version, so a code change keeps the seeds). Every run
 *    has its own random numbers.
 *  - common-sha256-v1: seed = first 32 bits of sha256("clustersim/seed/common/v1",
 *    masterSeed, replicate). Runs with the same replicate share random numbers across
 *    design points and policy arms (common random numbers), which is what makes a
 *    paired comparison tight.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '../output/format.js';
import type { SeedRuleName } from './types.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The run key without the code version: what the per-run seed rule hashes. */
export function runIdentity(parametersSha256: string, replicate: number): string {
  return sha256(canonicalJson({ parametersSha256, replicate }));
}

export function runKey(parametersSha256: string, replicate: number, codeVersion: string): string {
  return sha256(canonicalJson({ codeVersion, parametersSha256, replicate }));
}

function first32Bits(hex: string): number {
  return Number.parseInt(hex.slice(0, 8), 16);
}

export const SEED_RULES: Record<SeedRuleName, string> = {
  'per-run-sha256-v1':
    'seed = first 32 bits of sha256("clustersim/seed/per-run/v1\\0" + masterSeed + "\\0" + sha256(canonical {parametersSha256, replicate}))',
  'common-sha256-v1': 'seed = first 32 bits of sha256("clustersim/seed/common/v1\\0" + masterSeed + "\\0" + replicate)',
};

export function seedFor(rule: SeedRuleName, masterSeed: number, parametersSha256: string, replicate: number): number {
  if (rule === 'common-sha256-v1') return first32Bits(sha256(`clustersim/seed/common/v1\0${masterSeed}\0${replicate}`));
  return first32Bits(sha256(`clustersim/seed/per-run/v1\0${masterSeed}\0${runIdentity(parametersSha256, replicate)}`));
}

function listJsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listJsFiles(path);
      return /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
    });
}

let cachedCodeVersion: string | undefined;

/**
 * The simulation code's version: "sim-" + the first 16 hex digits of sha256 over
 * every file of sim/ (path and content, in path order) as this process loaded them
 * - the built .js files, or the .ts sources under tsx/vitest. Unlike a git commit it
 * is right for an uncommitted change and the same on every machine with the same
 * code; a change outside sim/ (output formatting, the CLI) keeps the keys.
 */
export function codeVersion(): string {
  if (cachedCodeVersion) return cachedCodeVersion;
  const simDir = fileURLToPath(new URL('../../sim/', import.meta.url));
  const hash = createHash('sha256');
  for (const file of listJsFiles(simDir)) {
    hash.update(relative(simDir, file).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  cachedCodeVersion = `sim-${hash.digest('hex').slice(0, 16)}`;
  return cachedCodeVersion;
}
