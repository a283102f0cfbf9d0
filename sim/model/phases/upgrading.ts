/**
 * Phase: annual upgrading bookkeeping (docs/ODD.md §7.18; Bangladesh seed, after
 * Humphrey & Schmitz). In December (tick % 12 === 11), after exits and hires and
 * before the annual panel, in firm-id order:
 *
 * 1. Machines depreciate: `machineValue *= 1 - upgrading.machineDepreciationPerYear`
 *    (a book-value change in net worth; no cash moves).
 * 2. Every firm alive is classified from the `upgradeFlags` bits its year set
 *    (sim/state/firms.ts `UPGRADE`) and its net worth and capability against their
 *    values at the start of the year:
 *    - product: a new product or design launched or copied;
 *    - process: a machine bought, or capability up by at least
 *      `upgrading.processCapabilityStep` (and by more than 0) over the year;
 *    - functional: took on design (first new-product launch);
 *    - inter-sectoral: started serving a new customer sector;
 *    - marketing linkages: new buyers (first export sale, exhibiting at a fair);
 *    - upgraded: any of the five;
 *    - downgraded: net worth (cash - debt + machine value, after this December's
 *      depreciation) fell by at least `upgrading.downgradeNetWorthFall` of a
 *      positive start-of-year value, or the firm dropped a product.
 *    A firm can be both upgraded and downgraded in the same year.
 * 3. Per-town tallies of each type: firms alive in December, plus every firm that
 *    closed during the year (exit events since last December), counted as downgraded.
 * 4. The year is closed: `upgradeFlags = 0`, and `netWorthAtYearStart` and
 *    `capabilityAtYearStart` take the December values (firms born next year start
 *    from their entry values, set at entry).
 *
 * The classification of each firm (`YEAR_CLASS` bits) and the town tallies are kept
 * on the main thread for this tick only: the annual panel writes them per firm, the
 * observers report the tallies in the December row.
 */
import type { Phase, Simulation } from '../../simulation.js';
import { eventsSeen, unseenEventsStart, type Host } from '../../host.js';
import type { UpgradingParams } from '../../params.js';
import { HEADER } from '../../state/header.js';
import { UPGRADE } from '../../state/firms.js';

/** Bits of a firm's yearly classification (derived output, not firm state). */
export const YEAR_CLASS = {
  product: 1,
  process: 2,
  functional: 4,
  interSectoral: 8,
  marketingLinkages: 16,
  upgraded: 32,
  downgraded: 64,
} as const;

/** Fields of a town's yearly tally: firms of each upgrading type, upgraded and downgraded firms. */
export const UPGRADING_TALLY = {
  product: 0,
  process: 1,
  functional: 2,
  interSectoral: 3,
  marketingLinkages: 4,
  upgraded: 5,
  downgraded: 6,
} as const;
export const UPGRADING_TALLY_FIELDS = Object.keys(UPGRADING_TALLY).length;

const UPGRADE_TYPES =
  YEAR_CLASS.product |
  YEAR_CLASS.process |
  YEAR_CLASS.functional |
  YEAR_CLASS.interSectoral |
  YEAR_CLASS.marketingLinkages;

/** Net worth of a firm: cash - debt + book value of machines. */
export function netWorth(cash: number, debt: number, machineValue: number): number {
  return cash - debt + machineValue;
}

/** One firm's year, from its flags and its capability and net worth at the start and end of the year. */
export function classifyFirmYear(
  flags: number,
  capabilityStart: number,
  capabilityEnd: number,
  netWorthStart: number,
  netWorthEnd: number,
  upgrading: UpgradingParams,
): number {
  let bits = 0;
  if (flags & UPGRADE.product) bits |= YEAR_CLASS.product;
  const rise = capabilityEnd - capabilityStart;
  if (flags & UPGRADE.process || (rise > 0 && rise >= upgrading.processCapabilityStep)) bits |= YEAR_CLASS.process;
  if (flags & UPGRADE.functional) bits |= YEAR_CLASS.functional;
  if (flags & UPGRADE.interSectoral) bits |= YEAR_CLASS.interSectoral;
  if (flags & (UPGRADE.marketingLinkages | UPGRADE.newBuyers)) bits |= YEAR_CLASS.marketingLinkages;
  if (bits & UPGRADE_TYPES) bits |= YEAR_CLASS.upgraded;
  const fell = netWorthStart > 0 && netWorthStart - netWorthEnd >= upgrading.downgradeNetWorthFall * netWorthStart;
  if (fell || flags & UPGRADE.droppedProduct) bits |= YEAR_CLASS.downgraded;
  return bits;
}

/** The last year closed on a host: its December tick, each firm's class and the town tallies. */
export interface UpgradingYear {
  /** December tick of the year last closed (-1 before the first). */
  tick: number;
  /** `YEAR_CLASS` bits by firm id (firms alive that December; 0 for others). */
  classes: Int32Array;
  /** [town * UPGRADING_TALLY_FIELDS + field]. */
  tally: Float64Array;
  /** Events already scanned for exits (an absolute count, see host.ts `eventsFlushed`). */
  eventCursor: number;
  /** Firms closed since the last December, by town (scanned from the events every month). */
  exitsThisYear: Float64Array;
}

const years = new WeakMap<Host, UpgradingYear>();

function yearState(host: Host, townCount: number, firmCount: number): UpgradingYear {
  let state = years.get(host);
  if (!state) {
    state = {
      tick: -1,
      classes: new Int32Array(Math.max(1024, firmCount)),
      tally: new Float64Array(townCount * UPGRADING_TALLY_FIELDS),
      eventCursor: 0,
      exitsThisYear: new Float64Array(townCount),
    };
    years.set(host, state);
  }
  if (state.classes.length < firmCount) {
    let capacity = state.classes.length;
    while (capacity < firmCount) capacity *= 2;
    state.classes = new Int32Array(capacity);
  }
  return state;
}

/** The year closed at December tick `tick`, or undefined when annual-upgrading did not run then. */
export function upgradingYearAt(host: Host, tick: number): UpgradingYear | undefined {
  const state = years.get(host);
  return state && state.tick === tick ? state : undefined;
}

/** Close the calendar year ending at this (December) tick; see the file comment. */
export function closeUpgradingYear({ world, host }: Simulation): void {
  const tick = world.header[HEADER.tick];
  const firmCount = world.header[HEADER.firmCount];
  const townCount = world.params.towns.length;
  const upgrading = world.params.upgrading;
  const state = yearState(host, townCount, firmCount);
  const { classes, tally } = state;
  classes.fill(0, 0, firmCount);
  tally.fill(0);
  const keep = 1 - upgrading.machineDepreciationPerYear;
  const f = world.firms.cols;
  const { alive, town, cash, debt, machineValue, capability, upgradeFlags } = f;
  const { netWorthAtYearStart, capabilityAtYearStart } = f;
  for (let id = 0; id < firmCount; id++) {
    if (alive[id] === 0) continue;
    machineValue[id] *= keep;
    const worth = netWorth(cash[id], debt[id], machineValue[id]);
    const bits = classifyFirmYear(
      upgradeFlags[id],
      capabilityAtYearStart[id],
      capability[id],
      netWorthAtYearStart[id],
      worth,
      upgrading,
    );
    classes[id] = bits;
    const row = town[id] * UPGRADING_TALLY_FIELDS;
    if (bits & YEAR_CLASS.product) tally[row + UPGRADING_TALLY.product] += 1;
    if (bits & YEAR_CLASS.process) tally[row + UPGRADING_TALLY.process] += 1;
    if (bits & YEAR_CLASS.functional) tally[row + UPGRADING_TALLY.functional] += 1;
    if (bits & YEAR_CLASS.interSectoral) tally[row + UPGRADING_TALLY.interSectoral] += 1;
    if (bits & YEAR_CLASS.marketingLinkages) tally[row + UPGRADING_TALLY.marketingLinkages] += 1;
    if (bits & YEAR_CLASS.upgraded) tally[row + UPGRADING_TALLY.upgraded] += 1;
    if (bits & YEAR_CLASS.downgraded) tally[row + UPGRADING_TALLY.downgraded] += 1;
    upgradeFlags[id] = 0;
    netWorthAtYearStart[id] = worth;
    capabilityAtYearStart[id] = capability[id];
  }
  // Firms that closed during the year downgraded.
  noteExits(host, state);
  for (let t = 0; t < townCount; t++)
    tally[t * UPGRADING_TALLY_FIELDS + UPGRADING_TALLY.downgraded] += state.exitsThisYear[t];
  state.exitsThisYear.fill(0);
  state.tick = tick;
}

/**
 * Count the exit events recorded since the last call. Run every month, not only in
 * December: a run that streams its outputs hands each month's events on at the end
 * of the month (host.ts `eventsFlushed`), so December can no longer look back.
 */
function noteExits(host: Host, state: UpgradingYear): void {
  const events = host.events;
  for (let i = unseenEventsStart(host, state.eventCursor); i < events.length; i++) {
    const event = events[i];
    if (event.type === 'exit') state.exitsThisYear[event.town] += 1;
  }
  state.eventCursor = eventsSeen(host);
}

export const annualUpgrading: Phase = {
  name: 'annual-upgrading',
  run(sim) {
    if (sim.world.header[HEADER.tick] % 12 !== 11) {
      const { host, world } = sim;
      noteExits(host, yearState(host, world.params.towns.length, world.header[HEADER.firmCount]));
      return;
    }
    closeUpgradingYear(sim);
  },
};
