/** The console summary printed at the end of `npm run bench`. */
import { AGENT_TICKS_DEFINITION } from './measure.js';
import type { EngineBenchResult } from './results.js';
import { formatCount, formatMiB, formatMillions, formatShortfall } from './format.js';

export function printSummary(result: EngineBenchResult): void {
  const { machine, work, goal } = result;
  console.log(`\n${machine.cpuModel}, ${machine.logicalCores} cores, Node ${machine.nodeVersion}`);
  console.log(AGENT_TICKS_DEFINITION);
  console.log(
    `work per run: ${formatCount(work.agentTicks)} agent-ticks (${formatCount(work.meanAgentsPerTick)} agents/tick mean)` +
      (result.sameWorkInEveryRun ? '' : ' - WARNING: work differed between runs'),
  );
  console.log(
    'threads  median agent-ticks/s  speed-up  min          max          stepping/s   peak RSS  other load  redone',
  );
  for (const r of result.results) {
    const cells = [
      String(r.threads).padEnd(7),
      formatMillions(r.agentTicksPerSecond.median).padEnd(20),
      `${r.speedUpVsOneThread.toFixed(2)}x`.padEnd(8),
      formatMillions(r.agentTicksPerSecond.min).padEnd(11),
      formatMillions(r.agentTicksPerSecond.max).padEnd(11),
      formatMillions(r.steppingAgentTicksPerSecond.median).padEnd(11),
      formatMiB(r.peakRssBytes).padEnd(8),
      (r.otherCoresBusyMedian === null ? 'n/a' : `${r.otherCoresBusyMedian.toFixed(2)} cores`).padEnd(10),
      `${r.redoneRuns}${r.contendedRunsKept > 0 ? ` (${r.contendedRunsKept} contended kept)` : ''}`,
    ];
    console.log(cells.join('  '));
  }
  console.log(
    `goal (${goal.label}: ${formatCount(goal.firms)} firms + ${formatCount(goal.workers)} workers, ${goal.years} years ` +
      `in ${goal.wallSecondsBudget} s): ${formatMillions(goal.requiredAgentTicksPerSecond)} agent-ticks/s needed; ` +
      `best median ${formatMillions(goal.bestMedianAgentTicksPerSecond)} (${goal.bestThreads} thread(s)) - ` +
      formatShortfall(goal.shortfallFactor),
  );
}
