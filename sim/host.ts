/**
 * Main-thread bookkeeping that never crosses to a worker thread: per-town totals
 * for the observers, counts of this tick's structural changes, the queue of
 * unemployed workers per town, money accounts, events and metric columns.
 */
import type { ModelParams } from './params.js';
import { townStride } from './model/partials.js';
import { createFirmPanel, presizedPanelRows, type FirmPanel } from './model/phases/annualPanel.js';

/** Counts of structural changes in the current tick, per town. */
export const TICK_COUNT = {
  entries: 0,
  exits: 1,
  hires: 2,
  newApprentices: 3,
  quits: 4,
  retirements: 5,
  /** Designs launched: new products (innovation) and incremental improvements. */
  productLaunches: 6,
  incrementalLaunches: 7,
  /** Copies sold for the first time, and first copies in the originator's town (they end its rent). */
  copies: 8,
  firstLocalCopies: 9,
  vendorEntries: 10,
  vendorExits: 11,
  /** Machines bought by firms (make-or-buy investments and entrants' machines). */
  machinesBought: 12,
  trainingGraduates: 13,
  ownerGiveUps: 14,
  /** Money (not a count): machines bought by entrants and at launches, outside the market kernel. */
  machineSpendingOutsideMarket: 15,
  /** Workshops opened by founders from outside the cluster; each founder joins the labour force. */
  outsiderEntries: 16,
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

/** Why a firm closed. */
export type ExitReason = 'losses' | 'owner-gave-up';

export type SimEvent =
  | {
      type: 'entry';
      tick: number;
      firm: number;
      town: number;
      parent: number;
      founder: number;
      kinHelpers: number;
      products: number[];
      machinesBought: number[];
    }
  | {
      type: 'exit';
      tick: number;
      firm: number;
      town: number;
      ageMonths: number;
      cash: number;
      debt: number;
      reason: ExitReason;
    }
  | {
      type: 'launch';
      tick: number;
      design: number;
      firm: number;
      town: number;
      product: number;
      kind: 'product' | 'incremental';
      verticalVendors: number;
    }
  | {
      type: 'copy';
      tick: number;
      design: number;
      firm: number;
      town: number;
      product: number;
      originator: number;
      originTown: number;
      lagMonths: number;
      /** The first copy in the originator's town: it ends the originator's rent. */
      firstLocal: boolean;
      /** Rent the originator earned on the design until this copy (first local copies only). */
      originatorRent: number;
    }
  | { type: 'invest'; tick: number; firm: number; town: number; process: number; cost: number }
  | { type: 'vendor-entry'; tick: number; vendor: number; town: number; process: number }
  | { type: 'vendor-exit'; tick: number; vendor: number; town: number; process: number; ageMonths: number }
  | { type: 'policy-start' | 'policy-stop'; tick: number; policy: number; name: string; kind: string; towns: number[] };

export interface MoneyAccounts {
  /** Founders' capital brought into new firms. */
  equityInjected: number;
  /** Cash taken out (or, when negative, losses written off) when firms exit. */
  equityWithdrawn: number;
  /** Capital kin firms gave founders (trade credit, machining): it enters the new firm's cash. */
  kinHelpGiven: number;
  /** Cash spent on machines (it leaves the firms' cash for machine sellers). */
  machineSpending: number;
  /** Profit owners took home each month (it leaves the firms' cash). */
  ownerDraws: number;
}

/** One design, for events and lag statistics (main thread). */
export interface DesignRecord {
  product: number;
  originator: number;
  town: number;
  launchTick: number;
  kind: 'product' | 'incremental';
  firstLocalCopyTick: number;
}

export interface Host {
  readonly ticks: number;
  /** Firm partials reduced over blocks, [town * townStride + field] (sim/model/partials.ts). */
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
  /**
   * Events recorded since the last flush, in order. A run that streams its outputs
   * (RunJob.sink) hands them on and empties this list at the end of every tick;
   * readers keep absolute cursors (see `eventsFlushed`), so they work either way.
   */
  readonly events: SimEvent[];
  /** Events handed on and removed from `events` so far: `events[i]` is event number `eventsFlushed + i`. */
  eventsFlushed: number;
  /** Metric columns: [(tick * (towns + 1) + row) * metricCount + metric]; row `towns` is all towns. */
  readonly metrics: Float64Array;
  /** Yearly firm panel: one row per firm alive each December (annual-panel phase). */
  readonly panel: FirmPanel;
  /** Every design launched, by design id. */
  readonly designs: DesignRecord[];
  /** Fractional training-centre graduates carried to next month, per policy. */
  readonly graduatesOwed: Float64Array;
  /** Whether each policy was in force last month (for start/stop events). */
  readonly policyActive: Uint8Array;
}

/**
 * `panelYears`: Decembers the firm panel is sized for up front - the run's years when
 * it keeps the whole panel, 1 when it streams each December's rows (RunJob.sink).
 */
export function createHost(
  params: ModelParams,
  ticks: number,
  metricCount: number,
  panelYears = Math.floor(ticks / 12),
): Host {
  const townCount = params.towns.length;
  return {
    ticks,
    firmTotals: new Float64Array(townCount * townStride(params)),
    workforce: new Float64Array(townCount * WORKFORCE_FIELDS),
    tickCounts: new Float64Array(townCount * TICK_COUNT_FIELDS),
    unemployedIds: new Int32Array(1024),
    unemployedByTown: new Int32Array(1024),
    unemployedStart: new Int32Array(townCount + 1),
    unemployedCursor: new Int32Array(townCount),
    accounts: { equityInjected: 0, equityWithdrawn: 0, kinHelpGiven: 0, machineSpending: 0, ownerDraws: 0 },
    events: [],
    eventsFlushed: 0,
    metrics: new Float64Array(ticks * (townCount + 1) * metricCount),
    panel: createFirmPanel(
      presizedPanelRows(
        params.towns.reduce((sum, town) => sum + town.initialFirms, 0),
        panelYears,
      ),
    ),
    designs: [],
    graduatesOwed: new Float64Array(params.policies.length),
    policyActive: new Uint8Array(params.policies.length),
  };
}

/**
 * The events a reader has not seen yet: from its absolute cursor (events seen so far)
 * to the end of the list. Returns the index in `host.events` to start from.
 */
export function unseenEventsStart(host: Host, cursor: number): number {
  const start = cursor - host.eventsFlushed;
  if (start < 0)
    throw new Error('host.events: events were flushed before a reader saw them (flush only between ticks)');
  return start;
}

/** A reader's cursor after it has seen every event recorded so far. */
export function eventsSeen(host: Host): number {
  return host.eventsFlushed + host.events.length;
}

export function countTick(host: Host, town: number, field: number, amount = 1): void {
  host.tickCounts[town * TICK_COUNT_FIELDS + field] += amount;
}
