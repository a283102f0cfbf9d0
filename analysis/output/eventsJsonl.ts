/**
 * events.jsonl: one JSON object per line for every event the run recorded, in the
 * order they happened (tick, then the order the engine applied them).
 *
 * Each line is the event with calendar fields added, keys in a fixed order:
 * `type`, `tick`, `year`, `month` (1-12), then the event's own fields in the order
 * the engine builds them, each index into a scenario list followed by its name:
 *
 * - a town (a field named `town` or ending in `Town`) by `<field>Name`, and a list
 *   of towns (`towns`) by `townNames`;
 * - a product of the catalogue (`product` or `…Product`) by `<field>Name`, a list
 *   (`products`) by `productNames`;
 * - a process of the catalogue (`process` or `…Process`) by `<field>Name`, a list
 *   (`processes`) by `processNames`, and the machines an entrant bought
 *   (`machinesBought`, process indices) by `machinesBoughtNames`.
 *
 * An index outside its list (e.g. -1 for none) is named null. The writer knows no
 * event type: a new one needs no change here as long as its fields follow these
 * names. Numbers are rounded as in the other outputs (10 significant digits, see
 * format.ts), so the bytes do not depend on --threads; a non-finite number is
 * written as null.
 */
import type { RunResult } from '../../sim/runOne.js';
import { formatNumber } from './format.js';

/** Names of the scenario's towns, products and processes, by index. */
export interface EventNames {
  towns: readonly string[];
  products: readonly string[];
  processes: readonly string[];
}
type NameList = keyof EventNames;

/** Which list a scalar field indexes, if any. */
function scalarList(key: string): NameList | null {
  if (key === 'town' || key.endsWith('Town')) return 'towns';
  if (key === 'product' || key.endsWith('Product')) return 'products';
  if (key === 'process' || key.endsWith('Process')) return 'processes';
  return null;
}

/** Array fields of indices: the list they index and the key of their names. */
const ARRAY_FIELDS: Readonly<Record<string, readonly [NameList, string]>> = {
  towns: ['towns', 'townNames'],
  products: ['products', 'productNames'],
  processes: ['processes', 'processNames'],
  machinesBought: ['processes', 'machinesBoughtNames'],
};

function roundNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  return Number.isFinite(value) ? Number(formatNumber(value)) : null;
}

const nameOf = (list: readonly string[], index: number): string | null => list[index] ?? null;

/**
 * One event's line. Written out field by field rather than through an object and
 * `JSON.stringify` with a replacer: a national run writes ~3 million lines, and this
 * is ~3x faster. `eventLineByStringify` is the definition it must match byte for byte
 * (a property test holds them equal).
 */
export function eventLine(
  event: Readonly<{ type: string; tick: number }>,
  startYear: number,
  names: EventNames,
): string {
  let line = `{"type":${JSON.stringify(event.type)},"tick":${jsonValue(event.tick)},"year":${jsonValue(
    startYear + Math.floor(event.tick / 12),
  )},"month":${jsonValue((event.tick % 12) + 1)}`;
  for (const key in event) {
    if (key === 'type' || key === 'tick' || !Object.hasOwn(event, key)) continue;
    const value = (event as Record<string, unknown>)[key];
    line += member(key, value);
    if (typeof value === 'number') {
      const list = scalarList(key);
      if (list) line += member(`${key}Name`, nameOf(names[list], value));
    } else if (Array.isArray(value) && Object.hasOwn(ARRAY_FIELDS, key)) {
      const [list, namesKey] = ARRAY_FIELDS[key];
      line += member(
        namesKey,
        value.map((index: unknown) => (typeof index === 'number' ? nameOf(names[list], index) : null)),
      );
    }
  }
  return `${line}}`;
}

/** `,"key":value`, or nothing for a value JSON leaves out (undefined, a function). */
function member(key: string, value: unknown): string {
  const text = jsonValue(value);
  return text === undefined ? '' : `,${quotedKey(key)}:${text}`;
}

const quotedKeys = new Map<string, string>();
function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) quotedKeys.set(key, (quoted = JSON.stringify(key)));
  return quoted;
}

/** A value as `JSON.stringify(value, roundNumbers)` writes it (undefined where JSON has no text). */
function jsonValue(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + (jsonValue(value[i]) ?? 'null');
    return `${text}]`;
  }
  return JSON.stringify(value, roundNumbers);
}

/** The line by its definition: the event with calendar fields and names, through `JSON.stringify`. */
export function eventLineByStringify(
  event: Readonly<{ type: string; tick: number }>,
  startYear: number,
  names: EventNames,
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
    if (typeof value === 'number') {
      const list = scalarList(key);
      if (list) out[`${key}Name`] = nameOf(names[list], value);
    } else if (Array.isArray(value) && Object.hasOwn(ARRAY_FIELDS, key)) {
      const [list, namesKey] = ARRAY_FIELDS[key];
      out[namesKey] = value.map((index: unknown) => (typeof index === 'number' ? nameOf(names[list], index) : null));
    }
  }
  return JSON.stringify(out, roundNumbers);
}

/** The scenario's names for event fields. */
export function eventNames(result: Pick<RunResult, 'townNames' | 'params'>): EventNames {
  return {
    towns: result.townNames,
    products: result.params.products.map((product) => product.name),
    processes: result.params.processes.map((process) => process.name),
  };
}

/**
 * The file as chunks of 256 whole lines. A national run records millions of events
 * (388 MB of text for 1.5 million in `bangladesh-le-sector`, 455 MB with more entry):
 * built as one string it comes near V8's string limit (2^29 - 24 characters, 512 MiB)
 * and past it for a sector that keeps its size, and the line strings a `+=` rope keeps
 * alive plus its flattened copy cost about twice the file in memory. Streamed, one
 * small chunk is held at a time (small, so its strings die in the young generation).
 * The bytes are those of `eventsJsonl`.
 */
export function eventsJsonlChunks(result: Pick<RunResult, 'events' | 'townNames' | 'params'>): Generator<string> {
  return eventLineChunks(result.events, result.params.startYear, eventNames(result));
}

/** Lines for a list of events (a whole run's, or one month's of a streaming run), in chunks of 256. */
export function* eventLineChunks(
  events: readonly Readonly<{ type: string; tick: number }>[],
  startYear: number,
  names: EventNames,
): Generator<string> {
  let chunk = '';
  for (let i = 0; i < events.length; i++) {
    chunk += `${eventLine(events[i], startYear, names)}\n`;
    if ((i & 255) === 255) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function eventsJsonl(result: Pick<RunResult, 'events' | 'townNames' | 'params'>): string {
  return [...eventsJsonlChunks(result)].join('');
}
