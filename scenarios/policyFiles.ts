/**
 * Policy files and `--policy` specs. A spec is a policy file (a path, or the name of
 * one in scenarios/policies/) optionally placed by town and start year:
 * `common-facility@Mian Channun:1985`, `credit@Bogra+Dhaka`, `design-protection:1975`.
 * The file is checked on its own first (errors point into it); its entries are then
 * appended to the scenario's policies, where town and process names are checked.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledScenarioDir } from './paths.js';
import { UserInputError } from './errors.js';
import { messages } from './messages.js';
import { didYouMean } from './didYouMean.js';
import { checkAgainst } from './checkAgainst.js';
import { PolicyFileSchema } from './schema/policyFile.js';
import { PATH_YEARS } from './schema/common.js';
import { lineOf, locate, readYamlFile, type LayerReader, type YamlLayer } from './yamlLayer.js';

export function bundledPolicyDir(): string {
  return join(bundledScenarioDir(), 'policies');
}

/** The bundled policy names (scenarios/policies/*.yaml, without the extension). */
export function bundledPolicyNames(): string[] {
  const dir = bundledPolicyDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

export interface PolicySpec {
  /** The spec as given, for messages and provenance. */
  spec: string;
  file: string;
  /** Towns the spec places the policies in (replacing the file's), if any. */
  towns?: string[];
  /** Start year the spec gives (replacing the file's), if any. */
  startYear?: number;
}

function resolvePolicyFile(nameOrPath: string): string | undefined {
  if (existsSync(nameOrPath)) return nameOrPath;
  if (nameOrPath.includes('/') || nameOrPath.includes('\\')) return undefined;
  const bundled = join(bundledPolicyDir(), nameOrPath.endsWith('.yaml') ? nameOrPath : `${nameOrPath}.yaml`);
  return existsSync(bundled) ? bundled : undefined;
}

/** Parse `NAME[@TOWN[+TOWN...]][:YEAR]` (a path that exists as given is taken whole). */
export function parsePolicySpec(spec: string): PolicySpec {
  const whole = resolvePolicyFile(spec);
  if (whole) return { spec, file: whole };
  const match = /^([^@:]+?)(?:@([^:]*))?(?::([^:]*))?$/.exec(spec.trim());
  if (!match) throw new UserInputError(messages.badPolicyPlacement(spec, 'cannot read it'));
  const [, name, townText, yearText] = match;
  const file = resolvePolicyFile(name.trim());
  if (!file) {
    const names = bundledPolicyNames();
    throw new UserInputError(messages.policyNotFound(spec, names, didYouMean(name.trim(), names)));
  }
  const placed: PolicySpec = { spec, file };
  if (townText !== undefined) {
    const towns = townText.split('+').map((town) => town.trim());
    if (towns.some((town) => town.length === 0))
      throw new UserInputError(messages.badPolicyPlacement(spec, 'a town name after @ is empty'));
    placed.towns = towns;
  }
  if (yearText !== undefined) {
    const year = /^\d+(\.\d+)?$/.test(yearText.trim()) ? Number(yearText) : NaN;
    if (!(year >= PATH_YEARS.min && year <= PATH_YEARS.max)) {
      throw new UserInputError(
        messages.badPolicyPlacement(
          spec,
          `the start year after : must be a year from ${PATH_YEARS.min} to ${PATH_YEARS.max}, got "${yearText}"`,
        ),
      );
    }
    placed.startYear = year;
  }
  return placed;
}

/** A policy file read and checked on its own: errors name the file, line and field. */
export function readPolicyFile(file: string, shownAs = file, read: LayerReader = readYamlFile): YamlLayer {
  const layer = read(file, shownAs, 'policy file');
  checkAgainst(PolicyFileSchema, layer.raw, (path, key) => locate(layer.file, lineOf(layer, path, key)));
  return layer;
}

/**
 * The file's policy entries as they join a scenario starting in `scenarioStartYear`:
 * placed by the spec, else as the file says, else every town from the first year.
 * Raw entries (not yet defaulted): the scenario schema checks the composed list.
 */
export function placedPolicies(layer: YamlLayer, placement: PolicySpec, scenarioStartYear: unknown): unknown[] {
  const entries = layer.raw.policies as Record<string, unknown>[];
  return entries.map((entry) => {
    const placed = { ...structuredClone(entry) };
    if (placement.towns) placed.towns = [...placement.towns];
    if (placement.startYear !== undefined) placed.startYear = placement.startYear;
    else if (placed.startYear === undefined) placed.startYear = scenarioStartYear;
    return placed;
  });
}
