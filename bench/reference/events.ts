/**
 * The run's event log. Every event the reference records goes through `recordEvent`,
 * the one place events are appended (so that a change of the log's type - an object
 * with push/length/iteration instead of an array - is a one-line change here).
 *
 * The engine's observers read two things back from its event list: exits since last
 * December (annual-upgrading's downgraded tally) and first local copies of the
 * trailing 12 months (the imitation-lag statistics). The reference notes both as the
 * events are recorded instead of re-reading the log.
 */
import type { SimEvent } from '../../sim/host.js';
import type { Model } from './model.js';

export type EventLog = SimEvent[];

export function createEventLog(): EventLog {
  return [];
}

export function recordEvent(model: Model, event: SimEvent): void {
  model.events.push(event);
  if (event.type === 'exit') model.exitsThisYear[event.town] += 1;
  if (event.type === 'copy' && event.firstLocal) {
    model.recentFirstLocalCopies.push({ tick: event.tick, originTown: event.originTown, lagMonths: event.lagMonths });
  }
}
