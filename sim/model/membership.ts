/**
 * Association membership: a firm joins when its own fixed draw falls below the
 * membership share in force, so the same firms stay members month after month (the
 * draw does not depend on the tick) and membership needs no column.
 */
import type { World } from '../world.js';
import { drawBase, STREAM, uniformAt } from '../rng/streams.js';

/** Tick value reserved for the membership draw (every other draw uses ticks >= 0). */
const MEMBERSHIP_DRAW_TICK = -1;

export function isMember(world: World, firm: number, membershipShare: number): boolean {
  if (membershipShare <= 0) return false;
  return uniformAt(drawBase(world.streamKeys[STREAM.policy], firm, MEMBERSHIP_DRAW_TICK), 0) < membershipShare;
}
