/**
 * Town statistics that are not sums of firm partials, computed each month on the
 * main thread (observe phase) in firm-id order, into buffers reused from month to
 * month (they grow by doubling, never shrink):
 *
 * - capability quantiles (p10, p50, p90) of the firms alive at the end of the month,
 *   per town and over all towns: firms' capabilities are bucketed by town (a
 *   counting sort, two passes over the firm columns) and each bucket, then the
 *   whole buffer, goes through an O(n) selection (./quantile.ts);
 * - distinct products made: the union of the product masks of the firms alive at the
 *   end of the month, per town and over all towns (a product made in two towns counts once);
 * - imitation lags: first local copies (copy events with `firstLocal`) whose copy tick
 *   lies in the trailing 12 months (this month and the 11 before), read incrementally
 *   from `host.events`; their count and median lag, per town (the originator's town)
 *   and over all towns.
 *
 * Quantiles and medians of an empty set are 0 (with a count of 0 beside them).
 */
import { eventsSeen, unseenEventsStart, type Host } from '../host.js';
import type { Simulation } from '../simulation.js';
import { HEADER } from '../state/header.js';
import { quantileInPlace, quantilesInPlace } from './quantile.js';
import { bitCount } from '../model/rules/bits.js';

/** Months over which imitation lags are pooled for the median. */
export const LAG_WINDOW_MONTHS = 12;

/** Per-row results, index = town, or `towns` for all towns together. */
export interface TownStatistics {
  aliveFirms: Float64Array;
  capabilityP10: Float64Array;
  capabilityP50: Float64Array;
  capabilityP90: Float64Array;
  productsMade: Float64Array;
  lagObservations: Float64Array;
  medianLagMonths: Float64Array;
}

const CAPABILITY_QUANTILES = [0.1, 0.5, 0.9];

interface Scratch {
  readonly stats: TownStatistics;
  /** The three capability quantiles of the range last computed. */
  readonly quantiles: Float64Array;
  values: Float64Array;
  readonly start: Int32Array;
  readonly cursor: Int32Array;
  readonly productUnion: Int32Array;
  /** First local copies of the trailing window: copy tick, origin town, lag. */
  windowTick: Int32Array;
  windowTown: Int32Array;
  windowLag: Float64Array;
  windowCount: number;
  /** Events seen so far (an absolute count, see host.ts `eventsFlushed`). */
  eventCursor: number;
}

const scratches = new WeakMap<Host, Scratch>();

function scratchFor(host: Host, townCount: number): Scratch {
  let scratch = scratches.get(host);
  if (scratch) return scratch;
  const rows = () => new Float64Array(townCount + 1);
  scratch = {
    stats: {
      aliveFirms: rows(),
      capabilityP10: rows(),
      capabilityP50: rows(),
      capabilityP90: rows(),
      productsMade: rows(),
      lagObservations: rows(),
      medianLagMonths: rows(),
    },
    quantiles: new Float64Array(CAPABILITY_QUANTILES.length),
    values: new Float64Array(1024),
    start: new Int32Array(townCount + 1),
    cursor: new Int32Array(townCount),
    productUnion: new Int32Array(townCount),
    windowTick: new Int32Array(64),
    windowTown: new Int32Array(64),
    windowLag: new Float64Array(64),
    windowCount: 0,
    eventCursor: 0,
  };
  scratches.set(host, scratch);
  return scratch;
}

function reserveValues(scratch: Scratch, needed: number): Float64Array {
  if (scratch.values.length < needed) {
    let capacity = scratch.values.length;
    while (capacity < needed) capacity *= 2;
    scratch.values = new Float64Array(capacity);
  }
  return scratch.values;
}

const orZero = (value: number): number => (Number.isNaN(value) ? 0 : value);

function firmStatistics(sim: Simulation, scratch: Scratch, townCount: number): void {
  const { world } = sim;
  const { stats, start, cursor, productUnion } = scratch;
  const firmCount = world.header[HEADER.firmCount];
  const { alive, town, capability, products } = world.firms.cols;
  // Pass 1: firms and product union per town.
  start.fill(0);
  productUnion.fill(0);
  for (let id = 0; id < firmCount; id++) {
    if (alive[id] === 0) continue;
    const t = town[id];
    start[t + 1] += 1;
    productUnion[t] |= products[id];
  }
  for (let t = 0; t < townCount; t++) start[t + 1] += start[t];
  const total = start[townCount];
  const values = reserveValues(scratch, total);
  // Pass 2: capabilities bucketed by town, in firm-id order within a town.
  cursor.set(start.subarray(0, townCount));
  for (let id = 0; id < firmCount; id++) {
    if (alive[id] === 0) continue;
    values[cursor[town[id]]++] = capability[id];
  }
  let allProducts = 0;
  const q = scratch.quantiles;
  for (let row = 0; row <= townCount; row++) {
    const lo = row < townCount ? start[row] : 0;
    const hi = row < townCount ? start[row + 1] : total;
    stats.aliveFirms[row] = hi - lo;
    // A town holding every firm (one town, or all firms in one) gives the all-towns row as is.
    if (row < townCount || townCount > 1) quantilesInPlace(values, lo, hi, CAPABILITY_QUANTILES, q);
    stats.capabilityP10[row] = orZero(q[0]);
    stats.capabilityP50[row] = orZero(q[1]);
    stats.capabilityP90[row] = orZero(q[2]);
    if (row < townCount) {
      stats.productsMade[row] = bitCount(productUnion[row]);
      allProducts |= productUnion[row];
    } else {
      stats.productsMade[row] = bitCount(allProducts);
    }
  }
}

function pushLag(scratch: Scratch, tick: number, town: number, lag: number): void {
  if (scratch.windowCount === scratch.windowTick.length) {
    const capacity = scratch.windowTick.length * 2;
    const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    scratch.windowTick = grow(scratch.windowTick, (n) => new Int32Array(n));
    scratch.windowTown = grow(scratch.windowTown, (n) => new Int32Array(n));
    scratch.windowLag = grow(scratch.windowLag, (n) => new Float64Array(n));
  }
  const i = scratch.windowCount++;
  scratch.windowTick[i] = tick;
  scratch.windowTown[i] = town;
  scratch.windowLag[i] = lag;
}

function lagStatistics(sim: Simulation, scratch: Scratch, townCount: number): void {
  const tick = sim.world.header[HEADER.tick];
  const events = sim.host.events;
  for (let i = unseenEventsStart(sim.host, scratch.eventCursor); i < events.length; i++) {
    const event = events[i];
    if (event.type === 'copy' && event.firstLocal) pushLag(scratch, event.tick, event.originTown, event.lagMonths);
  }
  scratch.eventCursor = eventsSeen(sim.host);
  // Drop copies older than the window, keeping the rest in order.
  const oldest = tick - LAG_WINDOW_MONTHS + 1;
  let kept = 0;
  for (let i = 0; i < scratch.windowCount; i++) {
    if (scratch.windowTick[i] < oldest) continue;
    scratch.windowTick[kept] = scratch.windowTick[i];
    scratch.windowTown[kept] = scratch.windowTown[i];
    scratch.windowLag[kept] = scratch.windowLag[i];
    kept++;
  }
  scratch.windowCount = kept;
  const { stats, start, cursor } = scratch;
  start.fill(0);
  for (let i = 0; i < kept; i++) start[scratch.windowTown[i] + 1] += 1;
  for (let t = 0; t < townCount; t++) start[t + 1] += start[t];
  const values = reserveValues(scratch, kept);
  cursor.set(start.subarray(0, townCount));
  for (let i = 0; i < kept; i++) values[cursor[scratch.windowTown[i]]++] = scratch.windowLag[i];
  for (let row = 0; row <= townCount; row++) {
    const lo = row < townCount ? start[row] : 0;
    const hi = row < townCount ? start[row + 1] : kept;
    stats.lagObservations[row] = hi - lo;
    stats.medianLagMonths[row] = orZero(quantileInPlace(values, lo, hi, 0.5));
  }
}

/**
 * This month's town statistics (see the file comment). Call once per month, after
 * every phase that changes firms or records events; the returned arrays are reused.
 */
export function computeTownStatistics(sim: Simulation): TownStatistics {
  const townCount = sim.world.params.towns.length;
  const scratch = scratchFor(sim.host, townCount);
  firmStatistics(sim, scratch, townCount);
  lagStatistics(sim, scratch, townCount);
  return scratch.stats;
}
