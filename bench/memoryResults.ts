/** The memory section's JSON result (bench/results/memory-<machine-id>.json) and its part of the doc. */
import type { Provenance } from './machine.js';
import type { MemoryChildReport } from './memoryChild.js';
import { formatCount, formatMiB } from './format.js';
import { machineHeading, markdownTable, measuredLine, plural } from './docParts.js';

export const MEMORY_RESULT_FORMAT = 'clustersim-bench-memory/1';

export interface MemoryBenchResult extends Provenance {
  format: typeof MEMORY_RESULT_FORMAT;
  config: { scenario: string; years: number; seed: number; command: string };
  /** A child that loaded the modules and the scenario and ran nothing. */
  baseline: MemoryChildReport;
  /** One child per thread count. */
  results: MemoryChildReport[];
}

export interface MemoryPerAgent {
  rssBytesPerAgent: number;
  /** (peak RSS - the baseline's) per agent: what the run itself adds. */
  rssAboveBaselineBytesPerAgent: number;
  heapAndArrayBuffersBytesPerAgent: number;
}

export function memoryPerAgent(report: MemoryChildReport, baseline: MemoryChildReport): MemoryPerAgent {
  const agents = report.peakAliveAgents;
  return {
    rssBytesPerAgent: report.peakRssBytes / agents,
    rssAboveBaselineBytesPerAgent: (report.peakRssBytes - baseline.peakRssBytes) / agents,
    heapAndArrayBuffersBytesPerAgent: report.peakHeapAndArrayBuffersBytes / agents,
  };
}

function machineSection(result: MemoryBenchResult): string {
  const rows = result.results.map((r) => {
    const perAgent = memoryPerAgent(r, result.baseline);
    return [
      r.threads,
      formatMiB(r.peakRssBytes),
      formatMiB(r.peakHeapAndArrayBuffersBytes),
      formatCount(r.peakAliveAgents),
      formatCount(perAgent.rssBytesPerAgent),
      formatCount(perAgent.rssAboveBaselineBytesPerAgent),
      formatCount(perAgent.heapAndArrayBuffersBytesPerAgent),
      r.wallSeconds.toFixed(1),
    ];
  });
  const first = result.results[0];
  return `${machineHeading(result.machine)}

${measuredLine('memory', result)}
\`${result.config.scenario}\`, ${plural(result.config.years, 'year')}, seed ${result.config.seed}; each row one child process (\`${result.config.command}\`).
Baseline child (modules and scenario loaded, no run): peak RSS ${formatMiB(result.baseline.peakRssBytes)}, heap + array buffers ${formatMiB(result.baseline.peakHeapAndArrayBuffersBytes)}.
${first ? `Ids ever handed out: ${formatCount(first.firmsEverCreated)} firms and ${formatCount(first.workersEverCreated)} workers (slots are kept after exit).` : ''}

${markdownTable(
  [
    'threads',
    'peak RSS',
    'peak heap + array buffers',
    'peak agents alive',
    'RSS bytes/agent',
    'RSS above baseline, bytes/agent',
    'heap + array buffers, bytes/agent',
    'child wall s',
  ],
  rows,
)}
`;
}

export function memorySection(results: readonly MemoryBenchResult[]): string {
  return `## Peak memory per agent (\`npm run bench -- --only memory\`)

**What is measured.** One \`runOne\` of the national scenario per thread count, each in a fresh child process (\`bench/memoryChild.ts\`), so peaks of different runs never mix.
_Peak RSS_ is the child's \`process.resourceUsage().maxRSS\` at exit (the whole process, worker threads included, with the run's result still held: the event log and the firm panel).
_Heap + array buffers_ is the highest \`heapUsed + arrayBuffers\` of \`process.memoryUsage()\` sampled after every month and after the run (the agent stores are SharedArrayBuffers, counted in \`arrayBuffers\`).
_Agents alive_ are firms trading plus workers in the labour force in the month with the most (the engine's own all-towns metrics); per-agent figures divide the peaks by that count.
_Above baseline_ subtracts the peak RSS of a child that loaded the same modules and scenario and ran nothing (Node itself, the code, the parsed scenario).
Output files are not written here: \`clustersim run\` adds the cost of formatting them (see the national section).

${results.length > 0 ? results.map(machineSection).join('\n') : '_No results yet: run `npm run bench -- --only memory`._\n'}`;
}
