/**
 * Patterns 7-9 of shared/MODEL.md on the Bangladesh scenarios (analysis/patterns/bangladesh.ts):
 * one test per check. The checks share their replicated runs (five variants x 10 seeds),
 * so the first test of each variant pays for its runs.
 */
import { describe, it } from 'vitest';
import { BANGLADESH_PATTERNS } from '../../analysis/patterns/bangladesh.js';
import { expectPattern } from './expectPattern.js';

describe('Bangladesh light-engineering patterns (shared/MODEL.md 7-9)', () => {
  for (const check of BANGLADESH_PATTERNS) {
    it(`${check.id}: ${check.title}`, { timeout: 180_000 }, async () => {
      await expectPattern(check);
    });
  }
});
