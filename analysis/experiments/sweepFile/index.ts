/**
 * Sweep files (`scenarios/sweeps/*.yaml`): reading them with located one-line
 * errors, their designs, design points as parameters, and what each run keeps.
 * See scenarios/sweeps/sweep.schema.json for the format (emitted from schema.ts).
 */
export type {
  DesignDefinition,
  DesignPoint,
  DesignRow,
  FactorDefinition,
  KeepDefinition,
  SampleSelection,
  SensitivityDefinition,
  SensitivityOutputDefinition,
  SweepDefinition,
} from './definition.js';
export { bundledSweepDir, bundledSweepNames, parseSweepText, readSweepFile, resolveSweepPath } from './read.js';
export { designPoints, factorColumns, pointFromValues, sensitivityFactors } from './design.js';
export { pointParams } from './pointParams.js';
export { resolveKeep, resolveSensitivityOutputs, type SensitivityOutput } from './keep.js';
export { checkSweep, type SweepCheck } from './check.js';
export {
  DEFAULT_KEPT_METRICS,
  DEFAULT_SENSITIVITY_METRICS,
  MAX_DESIGN_POINTS,
  RESERVED_COLUMN_NAMES,
  SweepFileSchema,
} from './schema.js';
