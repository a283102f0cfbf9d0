/**
 * What a sweep's charts need from its definition that the results folder does not keep:
 * a title for each factor's axis that says what it sets and in what unit (the scenario
 * schema's description of the parameter: "quitRate: monthly probability that an
 * employee quits"), and the calendar year of tick 0 for the time words.
 */
import { z } from 'zod';
import { ScenarioSchema } from '../../scenarios/schema.js';
import { loadScenario } from '../../scenarios/load.js';
import type { FactorDefinition, SweepDefinition } from '../experiments/sweepFile/index.js';

type JsonNode = { properties?: Record<string, JsonNode>; items?: JsonNode; anyOf?: JsonNode[]; oneOf?: JsonNode[] } & {
  description?: string;
};

let scenarioJsonSchema: JsonNode | undefined;

/** The child of `node` at `key`: a property, or (for a list) its items' property; unions searched in order. */
function childOf(node: JsonNode, key: string): JsonNode | undefined {
  if (node.items) return /^\d+$/.test(key) || key === '*' ? node.items : childOf(node.items, key);
  if (node.properties && Object.hasOwn(node.properties, key)) return node.properties[key];
  for (const option of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) {
    const found = childOf(option, key);
    if (found) return found;
  }
  return undefined;
}

/**
 * The scenario schema's description of a --set path (`labour.quitProbabilityPerMonth`,
 * `towns.*.demand.growthPerYear`: a list item by index, name or `*`), if it has one.
 */
export function parameterDescription(path: string): string | undefined {
  scenarioJsonSchema ??= z.toJSONSchema(ScenarioSchema, { io: 'input' }) as JsonNode;
  let node: JsonNode | undefined = scenarioJsonSchema;
  const segments = path.split('.');
  for (let i = 0; node && i < segments.length; i++) {
    // A list item by name: `towns.Daska` steps into the list's items, then on with the next key.
    node = node.items && !/^\d+$/.test(segments[i]) && segments[i] !== '*' ? node.items : childOf(node, segments[i]);
  }
  return node?.description;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** An axis title for a factor: its name and what it sets, with the unit where the schema gives one. */
export function factorTitle(factor: FactorDefinition): string {
  // A policy factor's levels are policy specs, words that read on their own.
  if (factor.kind === 'policy') return factor.name;
  const written = factor.parameters.length > 0 ? factor.parameters : factor.paths;
  const description = written.length > 0 ? parameterDescription(written[0]) : undefined;
  if (description) return `${factor.name}: ${lowerFirst(description)}`;
  return written.length > 0 ? `${factor.name} (${written.join(', ')})` : factor.name;
}

export function sweepFactorTitles(def: SweepDefinition): Record<string, string> {
  return Object.fromEntries(def.factors.map((factor) => [factor.name, factorTitle(factor)]));
}

/**
 * Calendar year of tick 0 of every run: the base scenario's, with the sweep's fixed
 * settings. Undefined where a factor moves it (no one year for all runs) or the scenario
 * no longer loads (the charts then count simulated years).
 */
export function sweepStartYear(def: SweepDefinition): number | undefined {
  if (def.factors.some((factor) => factor.paths.includes('startYear'))) return undefined;
  try {
    return loadScenario(def.scenario, { policies: def.policies, set: def.set, years: def.years }).params.startYear;
  } catch {
    return undefined;
  }
}
