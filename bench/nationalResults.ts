/**
 * The national-scenario benchmark's JSON result (bench/results/national-<machine-id>.json)
 * and the "National scenario" section of docs/BENCHMARKS.md rendered from it.
 */
import { relative } from 'node:path';
import { readResultFiles, resultFilePath, writeResultFile } from './resultFiles.js';
import type { MachineInfo } from './machine.js';
import type { Summary } from './stats.js';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';
import { formatCount, formatMiB, formatMillions } from './format.js';

export const NATIONAL_RESULT_FORMAT = 'clustersim-bench-national/1';

/** The targets of issue 8 for the national run (docs/BENCHMARKS.md, bench/goal.ts). */
export const NATIONAL_TARGETS = { wallSeconds: 10, threads: 2, peakRssBytes: 400 * 2 ** 20 } as const;

/** One `clustersim run` as a child process. */
export interface NationalSample {
  threads: number;
  /** From spawning the child to its exit: Node start-up, loading, the run and writing every output. */
  wallSeconds: number;
  /** The run alone (`runOne`), as the CLI records it in run.json. */
  simulationSeconds: number;
  /** Peak resident set of the child process (worker threads share it), from its own resourceUsage(). */
  peakRssBytes: number;
  /** CPU time of the child, all threads, user + system. */
  cpuSeconds: number;
  /** Mean cores other processes kept busy during the run (machine busy time minus the child's CPU); null off Linux. */
  otherCoresBusy: number | null;
}

export interface NationalWork {
  ticks: number;
  firmsAtStart: number;
  workersAtStart: number;
  firmsAtEnd: number;
  workersAtEnd: number;
  /** Sum over months of firms trading + workers in the labour force (bench/measure.ts's definition). */
  agentTicks: number;
  /** Bytes of each output file. */
  outputBytes: Record<string, number>;
}

export interface NationalThreadResult {
  threads: number;
  wallSeconds: Summary;
  simulationSeconds: Summary;
  peakRssBytes: Summary;
  cpuSeconds: Summary;
  /** Agent-ticks over the median wall time (end to end). */
  agentTicksPerSecond: number;
  samples: NationalSample[];
}

export interface NationalBenchResult {
  format: typeof NATIONAL_RESULT_FORMAT;
  measuredAt: string;
  machineId: string;
  machine: MachineInfo;
  code: { commit: string; dirty: boolean } | null;
  config: {
    scenario: string;
    seed: number;
    years: number | null;
    runsPerThreadCount: number;
    command: string;
    /** Outputs left out of the identity check because they record wall time or threads (absent: run.json). */
    notCompared?: string[];
  };
  work: NationalWork;
  /** Whether every run, whatever its thread count, produced byte-identical outputs (config.notCompared aside). */
  identicalOutputs: boolean;
  results: NationalThreadResult[];
}

export function nationalResultPath(resultsDir: string, machineId: string): string {
  return resultFilePath(resultsDir, 'national', machineId);
}

export function writeNationalResult(resultsDir: string, result: NationalBenchResult): string {
  return writeResultFile(resultsDir, 'national', result);
}

export function readNationalResults(resultsDir: string): NationalBenchResult[] {
  return readResultFiles<NationalBenchResult>(resultsDir, 'national', NATIONAL_RESULT_FORMAT);
}

const mib = (bytes: number): number => bytes / 2 ** 20;

function verdict(met: boolean): string {
  return met ? 'met' : '**not met**';
}

function machineSection(result: NationalBenchResult): string {
  const { machine, work, config } = result;
  const code = result.code
    ? `commit \`${result.code.commit.slice(0, 10)}\`${result.code.dirty ? ' (with uncommitted changes)' : ''}`
    : 'an unknown commit';
  const file = relative(REPO_ROOT, nationalResultPath(RESULTS_DIR, result.machineId));
  const rows = result.results
    .map((r) => {
      const other = r.samples.map((s) => (s.otherCoresBusy === null ? 'n/a' : s.otherCoresBusy.toFixed(2))).join(', ');
      const cells = [
        r.threads,
        r.samples.length,
        r.wallSeconds.median.toFixed(1),
        r.simulationSeconds.median.toFixed(1),
        r.cpuSeconds.median.toFixed(1),
        formatMiB(r.peakRssBytes.median),
        formatMillions(r.agentTicksPerSecond),
        other,
      ];
      return `| ${cells.join(' | ')} |`;
    })
    .join('\n');
  const two = result.results.find((r) => r.threads === NATIONAL_TARGETS.threads);
  const targets = two
    ? `With ${NATIONAL_TARGETS.threads} threads: wall time ${two.wallSeconds.median.toFixed(1)} s against under ${NATIONAL_TARGETS.wallSeconds} s (${verdict(two.wallSeconds.median < NATIONAL_TARGETS.wallSeconds)}, ${(two.wallSeconds.median / NATIONAL_TARGETS.wallSeconds).toFixed(1)}x the budget); peak RSS ${formatMiB(two.peakRssBytes.median)} against under ${mib(NATIONAL_TARGETS.peakRssBytes).toFixed(0)} MiB (${verdict(two.peakRssBytes.median < NATIONAL_TARGETS.peakRssBytes)}, ${(two.peakRssBytes.median / NATIONAL_TARGETS.peakRssBytes).toFixed(1)}x).`
    : `No ${NATIONAL_TARGETS.threads}-thread run in this result.`;
  const sizes = Object.entries(work.outputBytes)
    .map(([name, bytes]) => `${name} ${formatMiB(bytes)}`)
    .join(', ');
  return `### ${machine.cpuModel}, ${machine.logicalCores} cores, ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${machine.nodeVersion} (${machine.platform}/${machine.arch})

Measured ${result.measuredAt} at ${code}; result file \`${file}\`.
Command: \`${config.command}\`, ${config.runsPerThreadCount} run(s) per thread count (medians), seed ${config.seed}.
Firms ${formatCount(work.firmsAtStart)} and workers ${formatCount(work.workersAtStart)} at the start (${work.ticks} monthly ticks), firms ${formatCount(work.firmsAtEnd)} and workers ${formatCount(work.workersAtEnd)} at the end; ${formatCount(work.agentTicks)} agent-ticks in all.
Outputs: ${sizes}; ${result.identicalOutputs ? 'byte-identical across every run and thread count' : '**not identical across runs or thread counts**'} (${(config.notCompared ?? ['run.json']).join(' and ')} aside: they record the run's time and threads).

| threads | runs | wall s | simulation s | CPU s | peak RSS | agent-ticks/s (wall) | other load (cores), per run |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows}

**Against the issue-8 targets** (under ${NATIONAL_TARGETS.wallSeconds} s with ${NATIONAL_TARGETS.threads} threads, peak RSS under ${mib(NATIONAL_TARGETS.peakRssBytes).toFixed(0)} MiB): ${targets}
`;
}

/** The generated section (without its markers). */
export function nationalSection(results: readonly NationalBenchResult[]): string {
  const machines =
    results.length > 0 ? results.map(machineSection).join('\n') : '_No results yet: run `npm run bench:national`._\n';
  return `## National scenario, \`clustersim run\` end to end (\`npm run bench -- --only national\` or \`npm run bench:national\`)

**What is measured.** \`clustersim run bangladesh-le-sector\` end to end, as a user runs it: the national light-engineering sector of Bangladesh (\`scenarios/bangladesh-le-sector.yaml\`, 13 clusters, about 60,000 firms and 600,000 workers, 1972–2011 monthly), each run a child process (\`bench/national.ts\`).
_Wall s_ is from spawning the child to its exit (Node start-up, loading the scenario, the run, writing all five outputs); _simulation s_ is the run alone as the CLI records it in \`run.json\`; _CPU s_ is the child's CPU time over all threads; _peak RSS_ is the child's own \`process.resourceUsage().maxRSS\` at exit (worker threads share the process), read through a preloaded probe (\`bench/rusageProbe.ts\`).
_Agent-ticks_ are summed over the months of the run's \`timeseries.csv\` (all-towns firms + workers), as in the engine section; _agent-ticks/s_ divides them by the median wall time.
_Other load_ is the cores other processes kept busy during each run (machine busy time from \`/proc/stat\` minus the child's CPU time); this machine is shared, so read the times with it.

**Reproduce:**

\`\`\`sh
npm run bench:national                  # 1 and 2 threads, one run each; writes bench/results/national-<machine>.json and this section
npm run bench:national -- --runs 3      # medians of 3; see npm run bench:national -- --help
\`\`\`

${machines}`;
}
