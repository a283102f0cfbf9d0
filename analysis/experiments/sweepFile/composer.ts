/**
 * Composing a scenario many times over, fast. loadScenario parses the scenario's
 * YAML on every call (about 8 ms of the 10 ms it takes for punjab-farm-equipment),
 * which would make a 10,000-point design take minutes to plan. The composer is
 * loadScenario on a layer cache (scenarios/load.ts createScenarioLoader): the
 * scenario, the files it extends and each policy file are parsed once, and each point
 * repeats only what follows reading - place the policies, apply --set and --years,
 * check against the scenario schema, convert (about 1 ms a point).
 *
 * It answers `undefined` where loading fails, and pointParams.ts then asks
 * loadScenario itself for the message it relocates to the sweep file's line.
 */
import type { ModelParams } from '../../../sim/params.js';
import { createScenarioLoader } from '../../../scenarios/load.js';

type Document = Record<string, unknown>;

export interface ScenarioComposer {
  /** The composed scenario document with the fixed policies placed (undefined where that failed). */
  readonly base: Document | undefined;
  /** Parameters for these extra policies, --set expressions and horizon; undefined: ask loadScenario. */
  compose(policies: readonly string[], set: readonly string[], years: number | undefined): ModelParams | undefined;
}

export function scenarioComposer(scenario: string, fixedPolicies: readonly string[]): ScenarioComposer {
  const loader = createScenarioLoader();
  let base: Document | undefined;
  try {
    base = loader.composedDocument(scenario, fixedPolicies);
  } catch {
    base = undefined;
  }
  return {
    base,
    compose(policies, set, years) {
      if (!base) return undefined;
      try {
        return loader.load(scenario, { policies: [...fixedPolicies, ...policies], set, years }).params;
      } catch {
        return undefined;
      }
    },
  };
}
