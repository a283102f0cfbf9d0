/**
 * Benchmark result files: one JSON file per kind of benchmark and machine
 * (`<kind>-<machine id>.json` in bench/results/), read back in file-name order so
 * the generated docs are stable; files of another format version are skipped.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function resultFilePath(resultsDir: string, kind: string, machineId: string): string {
  return join(resultsDir, `${kind}-${machineId}.json`);
}

export function writeResultFile(resultsDir: string, kind: string, result: { machineId: string }): string {
  mkdirSync(resultsDir, { recursive: true });
  const path = resultFilePath(resultsDir, kind, result.machineId);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

export function readResultFiles<T extends { format: string }>(resultsDir: string, kind: string, format: string): T[] {
  let names: string[];
  try {
    names = readdirSync(resultsDir);
  } catch {
    return [];
  }
  const pattern = new RegExp(`^${kind}-.+\\.json$`);
  return names
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(resultsDir, name), 'utf8')) as T)
    .filter((result) => result.format === format);
}
