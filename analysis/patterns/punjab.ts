/** Pattern checks on the punjab scenarios (shared/MODEL.md). */
import type { PatternCheck } from './types.js';

export const PUNJAB_PATTERNS: readonly PatternCheck[] = [];
