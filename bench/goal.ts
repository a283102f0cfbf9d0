/**
 * The throughput goal set for a later issue: the national Bangladesh light-engineering
 * sector at its stated size, 40 years of monthly ticks, in under 10 s on a 2-core
 * machine. Agent counts are held at the stated sizes (the real run would grow or
 * shrink), which makes the required rate a round yardstick rather than a forecast.
 */
export const GOAL = {
  label: 'national Bangladesh sector',
  firms: 60_000,
  workers: 600_000,
  years: 40,
  wallSecondsBudget: 10,
  cores: 2,
} as const;

export const GOAL_AGENT_TICKS = (GOAL.firms + GOAL.workers) * GOAL.years * 12;
export const GOAL_AGENT_TICKS_PER_SECOND = GOAL_AGENT_TICKS / GOAL.wallSecondsBudget;
