/**
 * CPU used by *other* processes while a run was timed, so a result taken on a shared
 * machine says how contended it was. Linux only (reads /proc/stat); elsewhere null.
 * Busy time of the whole machine minus this process's own CPU time (all its threads).
 */
import { readFileSync } from 'node:fs';

/** /proc/stat counts in USER_HZ ticks, which Linux fixes at 100 per second for user space. */
const USER_HZ = 100;

interface CpuMark {
  machineBusySeconds: number;
  processCpuSeconds: number;
}

function machineBusySeconds(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice: busy = all but idle and
    // iowait, up to steal (guest time is already counted in user and nice).
    const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const busy = fields.reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0);
    return busy / USER_HZ;
  } catch {
    return null;
  }
}

export function markCpu(): CpuMark | null {
  const busy = machineBusySeconds();
  if (busy === null) return null;
  const { user, system } = process.cpuUsage();
  return { machineBusySeconds: busy, processCpuSeconds: (user + system) / 1e6 };
}

/** Mean number of cores other processes kept busy between two marks (>= 0; coarse, 10 ms ticks). */
export function otherCoresBusy(from: CpuMark | null, to: CpuMark | null, wallSeconds: number): number | null {
  if (from === null || to === null || wallSeconds <= 0) return null;
  const others = to.machineBusySeconds - from.machineBusySeconds - (to.processCpuSeconds - from.processCpuSeconds);
  return Math.max(0, others / wallSeconds);
}

/**
 * Before a timed run on a shared machine: wait (polling every half second) until
 * other processes keep at most `maxOtherCoresBusy` cores busy, for up to
 * `maxWaitSeconds`. Returns the seconds waited. Cheaper than redoing a run, and it
 * does not add our load to theirs while they finish.
 */
export async function waitForQuiet(maxOtherCoresBusy: number, maxWaitSeconds: number): Promise<number> {
  if (maxWaitSeconds <= 0 || markCpu() === null) return 0;
  const start = performance.now();
  for (;;) {
    const from = markCpu();
    const pollStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = performance.now();
    const others = otherCoresBusy(from, markCpu(), (now - pollStart) / 1000);
    const waitedSeconds = (now - start) / 1000;
    if (others === null || others <= maxOtherCoresBusy || waitedSeconds >= maxWaitSeconds) return waitedSeconds;
  }
}
