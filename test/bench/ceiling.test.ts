/**
 * The parallel-ceiling section: combined rate over the slowest copy, speed-up against
 * one copy, and the doc section, from a fixture result with hand-worked numbers.
 */
import { describe, expect, it } from 'vitest';
import { ceilingSection, ceilingSpeedUp, combinedRate } from '../../bench/ceilingResults.js';
import { ceilingResult } from './fixtures.js';

describe('parallel ceiling', () => {
  it('rates all copies over the slowest one', () => {
    expect(combinedRate({ copySeconds: [4, 2.5], unitsPerCopy: 10_000_000 })).toBe(5_000_000);
    expect(combinedRate({ copySeconds: [2], unitsPerCopy: 10_000_000 })).toBe(5_000_000);
  });

  it('gives each copy count its speed-up against one copy of the same work', () => {
    const result = ceilingResult();
    expect(ceilingSpeedUp(result, 'engine', 1)).toBe(1);
    expect(ceilingSpeedUp(result, 'engine', 2)).toBe(1);
    expect(ceilingSpeedUp(result, 'spin', 2)).toBe(2);
    expect(ceilingSpeedUp(result, 'spin', 3)).toBeNull();
  });

  it('renders a row per work and copy count', () => {
    const text = ceilingSection([ceilingResult()]);
    expect(text).toContain('| engine (bangladesh-le-sector, 1 thread) | 2 | 3.25 | 5.00 M agent-ticks/s | 1.00x |');
    expect(text).toContain('| spin (registers only) | 2 | 1.50 | 400.00 M iterations/s | 2.00x |');
    expect(ceilingSection([])).toContain('_No results yet');
  });
});
