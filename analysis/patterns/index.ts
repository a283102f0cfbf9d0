/** Every pattern check, in MODEL.md order; the tests and `npm run patterns` read this list. */
import type { PatternCheck } from './types.js';
import { PUNJAB_PATTERNS } from './punjab.js';
import { BANGLADESH_PATTERNS } from './bangladesh.js';

export const PATTERNS: readonly PatternCheck[] = [...PUNJAB_PATTERNS, ...BANGLADESH_PATTERNS];
