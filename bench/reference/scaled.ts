/**
 * A scaled-down copy of a scenario, for equivalence checks on the national scenario
 * at a size the reference runs in seconds: every town's founding firms and demand
 * times `factor` (so firms meet about the same demand per firm); everything else as is.
 */
import type { ModelParams } from '../../sim/params.js';

export function scaledParams(params: ModelParams, factor: number): ModelParams {
  const scaled = structuredClone(params);
  for (const town of scaled.towns) {
    town.initialFirms = Math.max(1, Math.round(town.initialFirms * factor));
    town.demand.unitsPerMonth *= factor;
  }
  return scaled;
}
