/**
 * Number formatting for outputs. Values are printed with up to 10 significant
 * digits: the same doubles always give the same text (the run is deterministic),
 * and files stay readable. Integers print without a decimal point.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** JSON with object keys sorted, so equal values always serialise to equal bytes. */
export function canonicalJson(value: unknown, indent = 0): string {
  const sortKeys = (input: unknown): unknown => {
    if (Array.isArray(input)) return input.map(sortKeys);
    if (input && typeof input === 'object' && !ArrayBuffer.isView(input)) {
      return Object.fromEntries(
        Object.keys(input)
          .sort()
          .map((key) => [key, sortKeys((input as Record<string, unknown>)[key])]),
      );
    }
    return input;
  };
  return JSON.stringify(sortKeys(value), null, indent);
}
