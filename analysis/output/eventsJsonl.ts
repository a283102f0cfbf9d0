/**
 * events.jsonl: one JSON object per line for every event the run recorded, in the
 * order they happened (tick, then the order the engine applied them).
 *
 * Each line is the event with calendar fields added, keys in a fixed order:
 * `type`, `tick`, `year`, `month` (1-12), then the event's own fields in the order
 * the engine builds them. A town index (a field named `town` or ending in `Town`)
 * is followed by the town's name (`townName`, `<field>Name`). The writer knows no
 * event type: a new one needs no change here. Numbers are rounded as in the other
 * outputs (10 significant digits, see format.ts), so the bytes do not depend on
 * --threads; a non-finite number is written as null.
 */
import type { RunResult } from '../../sim/runOne.js';
import { formatNumber } from './format.js';

const isTownField = (key: string): boolean => key === 'town' || key.endsWith('Town');

function roundNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  return Number.isFinite(value) ? Number(formatNumber(value)) : null;
}

export function eventLine(
  event: Readonly<{ type: string; tick: number }>,
  startYear: number,
  townNames: readonly string[],
): string {
  const out: Record<string, unknown> = {
    type: event.type,
    tick: event.tick,
    year: startYear + Math.floor(event.tick / 12),
    month: (event.tick % 12) + 1,
  };
  for (const [key, value] of Object.entries(event)) {
    if (key === 'type' || key === 'tick') continue;
    out[key] = value;
    if (isTownField(key) && typeof value === 'number') out[`${key}Name`] = townNames[value] ?? null;
  }
  return JSON.stringify(out, roundNumbers);
}

export function eventsJsonl(result: Pick<RunResult, 'events' | 'townNames' | 'params'>): string {
  const { startYear } = result.params;
  let text = '';
  for (const event of result.events) text += `${eventLine(event, startYear, result.townNames)}\n`;
  return text;
}
