/** The engine section of docs/BENCHMARKS.md, from bench/results/engine-*.json. */
import type { EngineBenchResult } from './results.js';
import { extrapolatedGoalSeconds, GOAL, GOAL_AGENT_TICKS, GOAL_AGENT_TICKS_PER_SECOND } from './goal.js';
import { formatCount, formatMiB, formatMillions } from './format.js';
import { machineHeading, markdownTable, measuredLine, plural, ratio } from './docParts.js';

function machineSection(result: EngineBenchResult): string {
  const { config, work } = result;
  const rows = result.results.map((r) => [
    r.threads,
    formatMillions(r.agentTicksPerSecond.median),
    ratio(r.speedUpVsOneThread),
    formatMillions(r.agentTicksPerSecond.min),
    formatMillions(r.agentTicksPerSecond.max),
    r.wallSeconds.median.toFixed(2),
    r.processCpuSeconds.median.toFixed(2),
    formatMillions(r.steppingAgentTicksPerSecond.median),
    ratio(r.steppingSpeedUpVsOneThread),
    formatMiB(r.peakRssBytes),
    r.otherCoresBusyMedian === null ? 'n/a' : r.otherCoresBusyMedian.toFixed(2),
    `${r.redoneRuns}${r.contendedRunsKept > 0 ? ` (${r.contendedRunsKept} contended kept)` : ''}`,
    `${extrapolatedGoalSeconds(r).toFixed(1)} s`,
  ]);
  const sameWork = result.sameWorkInEveryRun
    ? 'identical in every run and thread count'
    : '**not identical across runs: the engine was not deterministic across thread counts here**';
  return `${machineHeading(result.machine)}

${measuredLine('engine', result)}
\`${config.scenario}\` cut to ${plural(config.years, 'year')} (${config.ticks} monthly ticks), seed ${config.seed}.
Work per run: ${formatCount(work.agentTicks)} agent-ticks, ${formatCount(work.meanAgentsPerTick)} alive agents per tick on average (${formatCount(work.firmsEverCreated)} firms and ${formatCount(work.workersEverCreated)} workers ever created), ${sameWork}.
${plural(config.warmUpRunsPerThreadCount, 'warm-up run')} and ${plural(config.timedRunsPerThreadCount, 'timed run')} per thread count, round-robin${config.gcBetweenRuns ? ', garbage collected between runs outside the timing' : ''}; runs redone when other processes kept more than ${config.maxOtherCoresBusy} cores busy, up to ${plural(config.redosPerRun, 'time')} each.

${markdownTable(
  [
    'threads',
    'median agent-ticks/s',
    'speed-up vs 1 thread',
    'min agent-ticks/s',
    'max agent-ticks/s',
    'median wall s',
    'median CPU s',
    'median stepping agent-ticks/s',
    'stepping speed-up',
    'peak RSS (in-process)',
    'other load (cores)',
    'runs redone',
    '40 years, extrapolated',
  ],
  rows,
)}
`;
}

export function engineSection(results: readonly EngineBenchResult[]): string {
  return `## Engine throughput on the national scenario (\`npm run bench -- --only engine\`)

**What is measured.** \`runOne\` (the function behind \`clustersim run\`, without writing outputs) on \`bangladesh-le-sector\` (\`scenarios/bangladesh-le-sector.yaml\`: 13 clusters, 60,000 firms and about 600,000 workers), loaded as \`clustersim run bangladesh-le-sector --years N\` loads it, cut to a short horizon (\`--years\`, default 3).
All thread counts (1..\`--max-threads\`, default \`os.availableParallelism()\`) are measured in one process, round-robin (1, 2, …, 1, 2, …), so drift of the machine spreads over all of them.

**Agent-ticks** of a month are the firms trading plus the workers in the labour force (employed or not), as the engine's own all-towns \`firms\` and \`workers\` metrics report them; a run's agent-ticks are the sum over its months.

**Columns.** _Agent-ticks/s_ is a run's agent-ticks over its wall time, \`runOne\` end to end (world build, initialisation, thread-pool start and stop, every tick); median, min and max over the timed runs; speed-ups are ratios of medians to the 1-thread median.
_Stepping_ counts months 2..T only, leaving out set-up, which is serial.
_CPU s_ is this process's CPU time (all threads) per run.
_Peak RSS (in-process)_ is the highest process RSS at the end of a month in that thread count's runs; the suite process holds other runs' garbage too, so see the memory section for clean peaks.
_Other load_ is the median number of cores other processes kept busy during the kept runs (\`/proc/stat\` busy time minus this process's CPU time).
_40 years, extrapolated_ is that thread count's median set-up time plus ${formatCount(GOAL_AGENT_TICKS)} agent-ticks (${formatCount(GOAL.firms + GOAL.workers)} agents held for ${GOAL.years} × 12 months) at its median stepping rate: an estimate of a full \`runOne\`, not a measurement, and without writing outputs (the national section measures \`clustersim run\` end to end). Under ${GOAL.wallSecondsBudget} s needs ${formatMillions(GOAL_AGENT_TICKS_PER_SECOND)} agent-ticks/s.

${results.length > 0 ? results.map(machineSection).join('\n') : '_No results yet: run `npm run bench -- --only engine`._\n'}`;
}
