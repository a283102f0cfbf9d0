/** Pieces every generated section of docs/BENCHMARKS.md shares: headings, provenance lines, tables. */
import { relative } from 'node:path';
import type { MachineInfo, Provenance } from './machine.js';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';
import { resultFilePath } from './resultFiles.js';

export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function machineHeading(machine: MachineInfo): string {
  const gibibytes = (machine.totalMemoryBytes / 2 ** 30).toFixed(1);
  return `### ${machine.cpuModel}, ${machine.logicalCores} cores, ${gibibytes} GiB, Node ${machine.nodeVersion} (${machine.platform}/${machine.arch})`;
}

export function codeText(code: Provenance['code']): string {
  return code
    ? `commit \`${code.commit.slice(0, 10)}\`${code.dirty ? ' (with uncommitted changes)' : ''}`
    : 'an unknown commit';
}

/** "Measured <date> at <commit>; result file `bench/results/<kind>-<machine>.json`." */
export function measuredLine(kind: string, result: Provenance): string {
  const file = relative(REPO_ROOT, resultFilePath(RESULTS_DIR, kind, result.machineId));
  return `Measured ${result.measuredAt} at ${codeText(result.code)}; result file \`${file}\`.`;
}

export function markdownTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export const ratio = (value: number): string => `${value.toFixed(2)}x`;
