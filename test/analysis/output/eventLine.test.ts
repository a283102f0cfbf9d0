/**
 * The field-by-field event line is byte-identical to its definition (the event with
 * calendar fields and names through JSON.stringify with number rounding), for any
 * event shape: every engine event type, odd numbers (NaN, infinities, -0, huge, tiny),
 * strings that need escaping, arrays with holes in their name lists, nested objects.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventLine, eventLineByStringify, type EventNames } from '../../../analysis/output/eventsJsonl.js';

const names: EventNames = {
  towns: ['Bogra', 'Dhaka "old" town', 'Jashore\\n'],
  products: ['pump', 'liner'],
  processes: ['casting', 'machining', 'forging'],
};

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(-0, NaN, Infinity, -Infinity, 1e21, 1e-7, 0.1 + 0.2),
);
const anyValue = fc.oneof(
  anyNumber,
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(anyNumber, fc.string())),
  fc.dictionary(fc.string(), anyNumber, { maxKeys: 3 }),
);
const keys = fc.constantFrom(
  'firm',
  'town',
  'originTown',
  'product',
  'process',
  'products',
  'towns',
  'machinesBought',
  'processes',
  'cost',
  'kind',
  'firstLocal',
  'name',
  'lagMonths',
  'x"y',
);

describe('eventLine', () => {
  it('matches JSON.stringify of the named event for any shape of event', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('entry', 'exit', 'copy', 'launch', 'invest', 'vendor-entry', 'policy-start'),
        fc.integer({ min: 0, max: 600 }),
        fc.dictionary(keys, anyValue),
        fc.integer({ min: 1900, max: 2100 }),
        (type, tick, fields, startYear) => {
          const event = { type, tick, ...fields, type2: undefined };
          return eventLine(event, startYear, names) === eventLineByStringify(event, startYear, names);
        },
      ),
      { numRuns: 20_000, seed: 12 },
    );
  });

  it('writes an engine copy event as before', () => {
    const event = {
      type: 'copy',
      tick: 13,
      design: 4,
      firm: 7,
      town: 1,
      product: 0,
      originator: 2,
      originTown: 2,
      lagMonths: 9,
      firstLocal: true,
      originatorRent: 1234.5678901234,
    };
    const line = eventLine(event, 1972, names);
    expect(line).toBe(eventLineByStringify(event, 1972, names));
    expect(line).toBe(
      '{"type":"copy","tick":13,"year":1973,"month":2,"design":4,"firm":7,"town":1,"townName":"Dhaka \\"old\\" town",' +
        '"product":0,"productName":"pump","originator":2,"originTown":2,"originTownName":"Jashore\\\\n","lagMonths":9,' +
        '"firstLocal":true,"originatorRent":1234.56789}',
    );
  });
});
