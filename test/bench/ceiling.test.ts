/**
 * The parallel-ceiling section: combined rate over the slowest copy, speed-up against
 * one copy, and the doc section, from a fixture result with hand-worked numbers.
 */
import { describe, expect, it } from 'vitest';
import { ceilingRatiosPerRound, ceilingSection, ceilingSpeedUp, combinedRate } from '../../bench/ceilingResults.js';
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

  it('pairs copy counts within a round, so a slow spell of the machine cancels out', () => {
    const result = ceilingResult();
    const engineOne = result.rows[0];
    const engineTwo = result.rows[1];
    // Round 2 ran in a slow spell: one copy 4 s, two copies 8 s each -> 1.00x, as in round 1.
    engineOne.samples.push({ copySeconds: [4], unitsPerCopy: 10_000_000 });
    engineTwo.samples.push({ copySeconds: [8, 8], unitsPerCopy: 10_000_000 });
    expect(ceilingRatiosPerRound(result, 'engine', 2)).toEqual([1, 1]);
    expect(ceilingSpeedUp(result, 'engine', 2)).toBe(1);
  });

  it('renders a row per work and copy count', () => {
    const text = ceilingSection([ceilingResult()]);
    expect(text).toContain(
      '| engine (bangladesh-le-sector, 1 thread) | 2 | 3.25 | 5.00 M agent-ticks/s | 1.00x | 1.00 |',
    );
    expect(text).toContain('| spin (registers only) | 2 | 1.50 | 400.00 M iterations/s | 2.00x | 2.00 |');
    expect(ceilingSection([])).toContain('_No results yet');
  });
});
