/** What machine a result came from, and a stable file-name id for that machine kind. */
import os from 'node:os';
import { execFileSync } from 'node:child_process';

export interface MachineInfo {
  cpuModel: string;
  logicalCores: number;
  totalMemoryBytes: number;
  nodeVersion: string;
  platform: string;
  arch: string;
}

export function describeMachine(): MachineInfo {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown cpu',
    logicalCores: os.availableParallelism(),
    totalMemoryBytes: os.totalmem(),
    nodeVersion: process.version,
    platform: process.platform,
    arch: process.arch,
  };
}

/** e.g. "intel-xeon-cpu-e5-2690-v4-2-60ghz-2c": same kind of machine, same file, so reruns overwrite. */
export function machineId(machine: MachineInfo): string {
  const cpu = machine.cpuModel
    .toLowerCase()
    .replace(/\((r|tm)\)/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${cpu || 'cpu'}-${machine.logicalCores}c`;
}

/** Paths the benchmarks write, left out of "uncommitted changes". */
const NOT_CODE = ['bench/results', 'docs/BENCHMARKS.md'];

/** The commit measured (and whether the tree had local changes to anything but NOT_CODE); null outside a git checkout. */
export function codeVersion(): { commit: string; dirty: boolean } | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    // The suite's own outputs (result files, the doc) do not make the measured code dirty.
    const status = execFileSync(
      'git',
      ['status', '--porcelain', '--', '.', ...NOT_CODE.map((path) => `:(exclude)${path}`)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return null;
  }
}

/** Where and when a result was measured: the fields every result file starts with. */
export interface Provenance {
  measuredAt: string;
  machineId: string;
  machine: MachineInfo;
  code: { commit: string; dirty: boolean } | null;
}

export function provenance(): Provenance {
  const machine = describeMachine();
  return { measuredAt: new Date().toISOString(), machineId: machineId(machine), machine, code: codeVersion() };
}
