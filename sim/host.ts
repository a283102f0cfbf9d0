/**
 * Main-thread bookkeeping that never crosses to a worker thread: per-town totals
 * for the observers, counts of this tick's structural changes, the queue of
 * unemployed workers per town, money accounts, events and metric columns.
 */
import { PARTIAL_FIELDS } from './model/partials.js';
import { createFirmPanel, type FirmPanel } from './model/phases/annualPanel.js';

/** Counts of structural changes in the current tick, per town. */
export const TICK_COUNT = {
  entries: 0,
  exits: 1,
  hires: 2,
  newApprentices: 3,
  quits: 4,
  retirements: 5,
} as const;
export const TICK_COUNT_FIELDS = Object.keys(TICK_COUNT).length;

/** Workforce totals per town, gathered serially in worker-id order. */
export const WORKFORCE = {
  workers: 0,
  employed: 1,
  apprentices: 2,
  owners: 3,
  unemployed: 4,
  skillSum: 5,
} as const;
export const WORKFORCE_FIELDS = Object.keys(WORKFORCE).length;

export type SimEvent =
  | { type: 'entry'; tick: number; firm: number; town: number; parent: number; founder: number }
  | { type: 'exit'; tick: number; firm: number; town: number; ageMonths: number; cash: number; debt: number };

export interface MoneyAccounts {
  /** Founders' capital brought into new firms. */
  equityInjected: number;
  /** Cash taken out (or, when negative, losses written off) when firms exit. */
  equityWithdrawn: number;
}

export interface Host {
  readonly ticks: number;
  /** Firm partials reduced over blocks, [town * PARTIAL_FIELDS + field]. */
  readonly firmTotals: Float64Array;
  readonly workforce: Float64Array;
  readonly tickCounts: Float64Array;
  /** Scratch: unemployed worker ids in id order (rebuilt each tick). */
  unemployedIds: Int32Array;
  /** Unemployed worker ids grouped by town, each group in id order (rebuilt each tick). */
  unemployedByTown: Int32Array;
  readonly unemployedStart: Int32Array;
  readonly unemployedCursor: Int32Array;
  readonly accounts: MoneyAccounts;
  readonly events: SimEvent[];
  /** Metric columns: [(tick * (towns + 1) + row) * metricCount + metric]; row `towns` is all towns. */
  readonly metrics: Float64Array;
  /** Yearly firm panel: one row per firm alive each December (annual-panel phase). */
  readonly panel: FirmPanel;
}

export function createHost(townCount: number, ticks: number, metricCount: number): Host {
  return {
    ticks,
    firmTotals: new Float64Array(townCount * PARTIAL_FIELDS),
    workforce: new Float64Array(townCount * WORKFORCE_FIELDS),
    tickCounts: new Float64Array(townCount * TICK_COUNT_FIELDS),
    unemployedIds: new Int32Array(1024),
    unemployedByTown: new Int32Array(1024),
    unemployedStart: new Int32Array(townCount + 1),
    unemployedCursor: new Int32Array(townCount),
    accounts: { equityInjected: 0, equityWithdrawn: 0 },
    events: [],
    metrics: new Float64Array(ticks * (townCount + 1) * metricCount),
    panel: createFirmPanel(),
  };
}

export function countTick(host: Host, town: number, field: number, amount = 1): void {
  host.tickCounts[town * TICK_COUNT_FIELDS + field] += amount;
}
