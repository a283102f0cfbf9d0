/**
 * The national targets of issue 8: the Bangladesh light-engineering sector at its
 * stated size, 40 years of monthly ticks, in under 10 s with 2 threads on a 2-core
 * machine. Agent counts are held at the stated sizes (the real run grows and
 * shrinks a little), which makes the required rate a round yardstick, not a forecast.
 */
import type { ThreadResult } from './results.js';
import { summarise } from './stats.js';

export const GOAL = {
  label: 'national Bangladesh sector',
  firms: 60_000,
  workers: 600_000,
  years: 40,
  wallSecondsBudget: 10,
  threads: 2,
  cores: 2,
} as const;

export const GOAL_AGENT_TICKS = (GOAL.firms + GOAL.workers) * GOAL.years * 12;
export const GOAL_AGENT_TICKS_PER_SECOND = GOAL_AGENT_TICKS / GOAL.wallSecondsBudget;

/**
 * A 40-year run's runOne wall time from a shorter one: its set-up (world build,
 * initialisation, thread start, month 1: median of wall - stepping) plus the goal's
 * agent-ticks at the median stepping rate. Output writing is not included.
 */
export function extrapolatedGoalSeconds(thread: ThreadResult): number {
  const setupSeconds = summarise(thread.samples.map((s) => s.wallSeconds - s.steppingSeconds)).median;
  return setupSeconds + GOAL_AGENT_TICKS / thread.steppingAgentTicksPerSecond.median;
}
