/**
 * Patterns 1-6 of shared/MODEL.md on the Punjab scenarios (analysis/patterns/punjab.ts),
 * plus the cluster-size check ("size": firms a town and workers a firm in 1994, [P] §4):
 * one test per check. The checks share their replicated runs (four variants x 8 seeds),
 * so the first test pays for most of the file's running time.
 */
import { describe, expect, it } from 'vitest';
import { PUNJAB_PATTERNS } from '../../analysis/patterns/punjab.js';
import { expectPattern } from './expectPattern.js';

describe('Punjab farm-equipment patterns (shared/MODEL.md 1-6, cluster size)', () => {
  it('includes the cluster-size check on the scenario as it stands', () => {
    const size = PUNJAB_PATTERNS.find((check) => check.id === 'size');
    expect(size?.scenario).toBe('punjab-farm-equipment');
  });

  for (const check of PUNJAB_PATTERNS) {
    it(`${check.id}: ${check.title}`, { timeout: 180_000 }, async () => {
      await expectPattern(check);
    });
  }
});
