/**
 * A sweep file as the rest of experiments sees it, once read and checked
 * (read.ts): every path resolved, every default applied, every design level
 * known. Plain data only (no functions, no YAML document), so a definition can be
 * written to a manifest; `lines` keeps what later errors need to name a line.
 */
import type { FactorValue, SeedRuleName } from '../types.js';

/** How a factor's levels were written: a list, a range, or a list of policy specs. */
export type LevelSource = 'values' | 'range' | 'policies';

export interface FactorDefinition {
  name: string;
  /** `parameter`: sets scenario parameters (as --set); `policy`: adds --policy specs. */
  kind: 'parameter' | 'policy';
  /** The parameter paths as written (may hold `*`); empty for a policy factor. */
  parameters: string[];
  /** The --set paths a value is written to, `*` expanded against the base scenario. */
  paths: string[];
  /** The levels a grid takes (values, a range's values, or policy values), when written. */
  levels?: FactorValue[];
  levelSource?: LevelSource;
  /** The continuous interval (lhs, sensitivity), when written. */
  min?: number;
  max?: number;
  /** Round sampled values (lhs, sensitivity) to integers. */
  integer: boolean;
  /** The column type in results. */
  type: 'number' | 'string' | 'boolean';
}

export interface DesignRow {
  /** One value per factor, in factor order. */
  values: FactorValue[];
  /** Line of the row in the design file, for messages. */
  line: number;
}

export type DesignDefinition =
  | { kind: 'grid' }
  /**
   * No design written and some factor has only min..max: a file for `clustersim
   * sensitivity`, which draws its own design; `clustersim sweep` asks for one.
   */
  | { kind: 'intervals' }
  | { kind: 'lhs'; samples: number }
  | {
      kind: 'file';
      /** As given in the sweep file. */ given: string;
      /** Resolved path. */ file: string;
      rows: DesignRow[];
    };

/** Which ticks to keep, before the scenario's horizon is known. */
export type SampleSelection = 'december' | 'end' | 'monthly' | { years: number[] };

export interface KeepDefinition {
  /** Metric names, or 'all' (every metric the run reports). */
  metrics: 'all' | string[];
  towns: 'total' | 'all' | string[];
  samples: SampleSelection;
}

export interface SensitivityOutputDefinition {
  metric: string;
  /** A town name, or 'all' (the all-towns row). */
  town: string;
  /** December of this year; undefined = the last year of the run. */
  year?: number;
}

export interface SensitivityDefinition {
  /** As written; left out: keep.ts's defaults (DEFAULT_SENSITIVITY_METRICS, all towns, the last year). */
  outputs?: SensitivityOutputDefinition[];
  sobol: { baseSamples: number; bootstrap: number; confidence: number };
  morris: { trajectories: number; levels: number; candidates?: number };
}

export interface SweepDefinition {
  /** The sweep file as named (used in messages). */
  file: string;
  name: string;
  description?: string;
  /** The base scenario, resolved to a path (relative to the working folder, or absolute). */
  scenario: string;
  /** --policy specs applied to every run, before the point's own. */
  policies: string[];
  /** --set expressions applied to every run, before the point's own. */
  set: string[];
  years?: number;
  replications: number;
  masterSeed: number;
  seedRule: SeedRuleName;
  factors: FactorDefinition[];
  design: DesignDefinition;
  keep: KeepDefinition;
  sensitivity?: SensitivityDefinition;
  /** Line of each field of the sweep file, by its path as formatPath writes it (`factors[0].values[2]`). */
  lines: Record<string, number>;
}

/** One point of a design: its factor values and the policies and --set expressions they give. */
export interface DesignPoint {
  factors: Record<string, FactorValue>;
  /** The point's own --policy specs (pointParams adds the definition's first). */
  policies: string[];
  /** The point's own --set expressions (pointParams adds the definition's first). */
  set: string[];
}
