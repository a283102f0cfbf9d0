/** Pattern checks on the bangladesh scenarios (shared/MODEL.md). */
import type { PatternCheck } from './types.js';

export const BANGLADESH_PATTERNS: readonly PatternCheck[] = [];
