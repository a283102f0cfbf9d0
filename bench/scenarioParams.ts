/**
 * Model parameters of a bundled scenario (or a scenario file) with a shortened
 * horizon, loaded exactly as `clustersim run NAME --years N` loads them.
 */
import { loadScenario } from '../scenarios/load.js';
import type { ModelParams } from '../sim/params.js';

export function scenarioParams(nameOrPath: string, years: number): ModelParams {
  return loadScenario(nameOrPath, { years }).params;
}
