/**
 * Patterns 1-6 of shared/MODEL.md on the Punjab scenarios (analysis/patterns/punjab.ts):
 * one test per check. The checks share their replicated runs (four variants x 8 seeds),
 * so the first test pays for most of the file's running time.
 */
import { describe, it } from 'vitest';
import { PUNJAB_PATTERNS } from '../../analysis/patterns/punjab.js';
import { expectPattern } from './expectPattern.js';

describe('Punjab farm-equipment patterns (shared/MODEL.md 1-6)', () => {
  for (const check of PUNJAB_PATTERNS) {
    it(`${check.id}: ${check.title}`, { timeout: 180_000 }, async () => {
      await expectPattern(check);
    });
  }
});
