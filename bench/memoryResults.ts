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
  /** Peak heap + array buffers, plus the agent stores (growable SharedArrayBuffers, not in arrayBuffers), per agent. */
  heapBuffersAndStoresBytesPerAgent: number;
}

export function memoryPerAgent(report: MemoryChildReport, baseline: MemoryChildReport): MemoryPerAgent {
  const agents = report.peakAliveAgents;
  return {
    rssBytesPerAgent: report.peakRssBytes / agents,
    rssAboveBaselineBytesPerAgent: (report.peakRssBytes - baseline.peakRssBytes) / agents,
    heapBuffersAndStoresBytesPerAgent: (report.peakHeapAndArrayBuffersBytes + report.agentStoreBytes) / agents,
  };
}

function machineSection(result: MemoryBenchResult): string {
  const rows = result.results.map((r) => {
    const perAgent = memoryPerAgent(r, result.baseline);
    return [
      r.threads,
      r.mode === 'held' ? 'held in the result' : 'streamed out (dropped)',
      formatMiB(r.peakRssBytes),
      formatMiB(r.peakHeapAndArrayBuffersBytes),
      formatMiB(r.agentStoreBytes),
      formatCount(r.peakAliveAgents),
      formatCount(perAgent.rssBytesPerAgent),
      formatCount(perAgent.rssAboveBaselineBytesPerAgent),
      formatCount(perAgent.heapBuffersAndStoresBytesPerAgent),
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
    'events and panel',
    'peak RSS',
    'peak heap + array buffers',
    'agent stores',
    'peak agents alive',
    'RSS bytes/agent',
    'RSS above baseline, bytes/agent',
    'heap + array buffers + stores, bytes/agent',
    'child wall s',
  ],
  rows,
)}
`;
}

export function memorySection(results: readonly MemoryBenchResult[]): string {
  return `## Peak memory per agent (\`npm run bench -- --only memory\`)

**What is measured.** One \`runOne\` of the national scenario per row, each in a fresh child process (\`bench/memoryChild.ts\`), so peaks of different runs never mix.
_Streamed out_ rows hand the events and the yearly firm panel to a sink month by month, as \`clustersim run\` does (which writes them to disk; here the sink drops them, so the cost of formatting outputs is not included): the engine's own footprint. The _held_ row keeps them in the \`RunResult\`, as a caller of \`runOne\` without a sink gets them.
_Peak RSS_ is the child's \`process.resourceUsage().maxRSS\` at exit (the whole process, worker threads included, with the run's result still held).
_Heap + array buffers_ is the highest \`heapUsed + arrayBuffers\` of \`process.memoryUsage()\` sampled after every month and after the run. The firm and worker columns are growable SharedArrayBuffers, which Node 20 leaves out of \`arrayBuffers\`, so _agent stores_ gives them apart: ids handed out times the bytes of a row from \`FIRM_SPEC\` / \`WORKER_SPEC\` (a lower bound, as capacity grows by doubling; exited firms and retired workers keep their slots).
_Agents alive_ are firms trading plus workers in the labour force in the month with the most (the engine's own all-towns metrics); per-agent figures divide the peaks by that count.
_Above baseline_ subtracts the peak RSS of a child that loaded the same modules and scenario and ran nothing (Node itself, the code, the parsed scenario).
Output files are not written here: \`clustersim run\` adds the cost of formatting them (see the national section).

${results.length > 0 ? results.map(machineSection).join('\n') : '_No results yet: run `npm run bench -- --only memory`._\n'}`;
}
