/**
 * The generated pattern table: what renderPatternTable writes, measuredInTable reads
 * back (also after prettier pads the cells), and replacing it needs the markers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  measuredInTable,
  renderPatternTable,
  replacePatternTable,
  TABLE_BEGIN,
  TABLE_END,
} from '../../../analysis/patterns/table.js';
import type { PatternCheck } from '../../../analysis/patterns/types.js';

const check = (id: string): PatternCheck => ({
  id,
  pattern: 1,
  scenario: 'some-scenario',
  title: 'a statistic',
  expected: '9-15 months',
  replications: 3,
  measure: () => Promise.reject(new Error('not run')),
});

describe('pattern table', () => {
  it('reads back the measured figure of every row, with or without detail', () => {
    const table = renderPatternTable([
      { check: check('1'), outcome: { statistic: 11, display: '11 months', pass: true, detail: 'p10 9 | p90 47' } },
      { check: check('2a'), outcome: { statistic: 0.5, display: '0.50', pass: false } },
    ]);
    const doc = replacePatternTable(`# Doc\n\n${TABLE_BEGIN}\nold\n${TABLE_END}\n\nafter\n`, table);
    expect(doc).toContain('after');
    expect(doc).not.toContain('old');
    expect(measuredInTable(doc)).toEqual(
      new Map([
        ['1', '11 months'],
        ['2a', '0.50'],
      ]),
    );
    expect(doc).toMatch(/\| 2a .*\| FAIL \|/);
  });

  it('property: any display text without ** round-trips, also with padded cells', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => !s.includes('*') && s.trim() === s && !/[\n\\]/.test(s)),
        (display) => {
          const table = renderPatternTable([{ check: check('x'), outcome: { statistic: 0, display, pass: true } }]);
          const padded = table.replace(/ \| /g, '   |   ');
          const doc = `${TABLE_BEGIN}\n${padded}\n${TABLE_END}`;
          expect(measuredInTable(doc).get('x')).toBe(display);
        },
      ),
    );
  });

  it('refuses to write into a document without the markers', () => {
    expect(() => replacePatternTable('# no markers\n', 'table')).toThrow(/markers are missing/);
  });
});
