/**
 * canonicalJson: the one-pass form used for hashes gives exactly the bytes of
 * JSON.stringify on a key-sorted copy (the definition), for any JSON-like value, so
 * parameter hashes and run keys are unchanged by the faster writer.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../../analysis/output/format.js';

function sortedCopy(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(sortedCopy);
  if (input && typeof input === 'object' && !ArrayBuffer.isView(input))
    return Object.fromEntries(
      Object.keys(input)
        .sort()
        .map((key) => [key, sortedCopy((input as Record<string, unknown>)[key])]),
    );
  return input;
}

const values = fc.oneof(
  fc.jsonValue(),
  fc.anything({
    withBoxedValues: false,
    withMap: false,
    withSet: false,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
  }),
);

describe('canonicalJson', () => {
  it('equals JSON.stringify of a key-sorted copy, for any value', () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(canonicalJson(value)).toBe(JSON.stringify(sortedCopy(value)) ?? 'undefined');
      }),
      { numRuns: 2000, seed: 20261124 },
    );
  });

  it('sorts keys at every depth and skips undefined like JSON.stringify', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, undefined, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,null,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ b: 1, a: 2 }, 2)).toBe('{\n  "a": 2,\n  "b": 1\n}');
  });
});
