/**
 * Number formatting for outputs. Values are printed with up to 10 significant
 * digits: the same doubles always give the same text (the run is deterministic),
 * and files stay readable. Integers print without a decimal point.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  // Fast path (outputs of a national run format tens of millions of numbers): in
  // fixed notation, the shortest text of the rounded double is the rounded text
  // without its trailing zeros. A 10-digit decimal is far wider apart from its
  // neighbours than a double's spacing, so no shorter text reads back as the same
  // double. Exponent forms differ between toPrecision and String (1.5e+10 vs
  // 15000000000), so they take the round trip.
  const rounded = value.toPrecision(10);
  if (rounded.includes('e')) return String(Number(rounded));
  return stripTrailingZeros(rounded);
}

/** "12.3400" -> "12.34", "2.000" -> "2", "-0.000" -> "0", "1147861770" unchanged (as String(Number(text)) would). */
function stripTrailingZeros(fixed: string): string {
  // Without a point (1147861769.5 -> "1147861770") the zeros are the integer's own.
  if (!fixed.includes('.')) return fixed;
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (fixed.charCodeAt(end - 1) === 46 /* . */) end--;
  const text = end === fixed.length ? fixed : fixed.slice(0, end);
  return text === '-0' ? '0' : text;
}

/** The definition the fast path must match byte for byte (a property test holds them equal). */
export function formatNumberByRoundTrip(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * JSON with object keys sorted, so equal values always serialise to equal bytes.
 * Without indentation (the form that is hashed: parameter hashes, run keys) it is
 * written in one pass; building a key-sorted copy first made hashing the parameters
 * of each design point the largest cost of planning a sweep.
 */
export function canonicalJson(value: unknown, indent = 0): string {
  if (indent === 0) return sortedJson(value) ?? 'undefined';
  return JSON.stringify(sortKeysDeep(value), null, indent);
}

function sortKeysDeep(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(sortKeysDeep);
  if (input && typeof input === 'object' && !ArrayBuffer.isView(input)) {
    return Object.fromEntries(
      Object.keys(input)
        .sort()
        .map((key) => [key, sortKeysDeep((input as Record<string, unknown>)[key])]),
    );
  }
  return input;
}

/**
 * JSON.stringify(sortKeysDeep(value)) without the copy: undefined for what JSON.stringify
 * leaves out (undefined, functions, symbols), which an object then skips and an array
 * writes as null. Typed arrays are left to JSON.stringify, as sortKeysDeep leaves them;
 * any other object is its own enumerable keys (a Date is {}, as in the sorted copy).
 */
function sortedJson(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (ArrayBuffer.isView(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${Array.from(value, (item) => sortedJson(item) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of sortedKeyOrder(record)) {
    const text = sortedJson(record[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const isArrayIndex = (key: string) => ARRAY_INDEX.test(key) && Number(key) < 2 ** 32 - 1;

/**
 * The key order of the sorted copy: JavaScript lists an object's array-index keys
 * ("0", "12") first in numeric order, then the others in insertion order, which for the
 * copy is sorted order.
 */
function sortedKeyOrder(record: object): string[] {
  const keys = Object.keys(record).sort();
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return indices.length === 0 ? keys : [...indices, ...keys.filter((key) => !isArrayIndex(key))];
}
