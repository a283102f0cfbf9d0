/**
 * Check a whole sweep without running it (`clustersim validate`): every design
 * point composes into valid parameters and has a valid keep spec; with a
 * `sensitivity` section (or intervals and no design), every factor has min..max, the corners of that box
 * compose (each factor's min together, then each max), and the outputs resolve.
 */
import type { SweepDefinition } from './definition.js';
import { designPoints, pointFromValues, sensitivityFactors } from './design.js';
import { pointParams } from './pointParams.js';
import { resolveKeep, resolveSensitivityOutputs } from './keep.js';

export interface SweepCheck {
  points: number;
  /** points x replications (runs with equal parameters are run once, so possibly fewer). */
  runs: number;
  /** Outputs of the sensitivity section, when there is one. */
  sensitivityOutputs?: number;
}

export function checkSweep(def: SweepDefinition): SweepCheck {
  // A file of intervals only is for `clustersim sensitivity`: it has no points of its own.
  const points = def.design.kind === 'intervals' ? [] : designPoints(def);
  for (const point of points) resolveKeep(def, pointParams(def, point));
  const check: SweepCheck = { points: points.length, runs: points.length * def.replications };
  if (def.sensitivity || def.design.kind === 'intervals') {
    const factors = sensitivityFactors(def);
    for (const corner of [factors.map((f) => f.min), factors.map((f) => f.max)]) {
      const params = pointParams(def, pointFromValues(def, corner));
      check.sensitivityOutputs = resolveSensitivityOutputs(def, params).length;
    }
  }
  return check;
}
