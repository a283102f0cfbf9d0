/**
 * Composing a scenario many times over, fast. loadScenario reads and parses the
 * scenario's YAML on every call (about 8 ms for punjab-farm-equipment, 10 ms a
 * point in all), which would make a 10,000-point design take minutes to plan. The
 * composer reads the files once — the scenario, the files it extends, each policy
 * file — and then, per point, repeats what loadScenario does after reading: place
 * the policies, apply each --set and --years to a copy of the composed document,
 * check it against the scenario schema, and convert it (about 1 ms a point).
 *
 * It has no messages: at the first irregularity (a path that is not there, a value
 * the schema refuses, a policy that does not load) it answers `undefined`, and
 * pointParams.ts asks loadScenario itself, whose error names the file, line and
 * field. So the composer can only ever be faster, never say something different;
 * test/analysis/experiments/sweepFile checks that its parameters equal loadScenario's.
 */
import { parse as parseYamlValue } from 'yaml';
import type { ModelParams } from '../../../sim/params.js';
import { resolveScenarioPath } from '../../../scenarios/load.js';
import { extendsChain, mergeChain } from '../../../scenarios/compose.js';
import { parsePolicySpec, placedPolicies, readPolicyFile, type PolicySpec } from '../../../scenarios/policyFiles.js';
import { readYamlFile, YAML_OPTIONS, type YamlLayer } from '../../../scenarios/yamlLayer.js';
import { ScenarioSchema, toModelParams } from '../../../scenarios/schema.js';
import { defaultAt, type PathSegment } from '../../../scenarios/zodIssues.js';

type Document = Record<string, unknown>;

export interface ScenarioComposer {
  /** The composed scenario document with the fixed policies placed (undefined where that failed). */
  readonly base: Document | undefined;
  /** Parameters for these extra policies, --set expressions and horizon; undefined: ask loadScenario. */
  compose(policies: readonly string[], set: readonly string[], years: number | undefined): ModelParams | undefined;
}

/** `towns.Daska.initialFirms` / `towns[0].x` as segments (as scenarios/load.ts splits them). */
export function splitSetPath(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment.length > 0);
}

function setOwn(container: Record<string | number, unknown>, key: PathSegment, value: unknown): void {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}

/** scenarios/load.ts applySet without its messages: false where loadScenario would throw. */
function applySet(raw: Document, expression: string): boolean {
  const equals = expression.indexOf('=');
  if (equals <= 0) return false;
  const segments = splitSetPath(expression.slice(0, equals).trim());
  if (segments.length === 0) return false;
  const valueText = expression.slice(equals + 1);
  let value: unknown;
  try {
    value = parseYamlValue(valueText, YAML_OPTIONS);
  } catch {
    value = valueText;
  }
  const resolved: PathSegment[] = [];
  let node: unknown = raw;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    let key: PathSegment = segment;
    if (Array.isArray(node)) {
      const index = /^\d+$/.test(segment)
        ? Number(segment)
        : node.findIndex((item) => item && typeof item === 'object' && (item as { name?: unknown }).name === segment);
      if (index < 0 || index >= node.length) return false;
      key = index;
    } else if (node === null || typeof node !== 'object') {
      return false;
    }
    resolved.push(key);
    const container = node as Record<string | number, unknown>;
    if (i === segments.length - 1) {
      setOwn(container, key, value);
    } else {
      if (!Object.hasOwn(container, key) || container[key] === undefined)
        setOwn(container, key, defaultAt(ScenarioSchema, resolved, raw) ?? {});
      node = container[key];
    }
  }
  return true;
}

/** The composer's reading of policy specs and files, each done once. */
class PolicyCache {
  private readonly specs = new Map<string, PolicySpec>();
  private readonly files = new Map<string, YamlLayer>();

  /** Append `spec`'s policies to `input` as loadScenario does; false where it would throw. */
  place(input: Document, spec: string): boolean {
    try {
      let placement = this.specs.get(spec);
      if (!placement) this.specs.set(spec, (placement = parsePolicySpec(spec)));
      let layer = this.files.get(placement.file);
      if (!layer) this.files.set(placement.file, (layer = readPolicyFile(placement.file, placement.file)));
      const existing = input.policies === undefined ? [] : input.policies;
      if (!Array.isArray(existing)) return false;
      input.policies = [...existing, ...placedPolicies(layer, placement, input.startYear)];
      return true;
    } catch {
      return false;
    }
  }
}

export function scenarioComposer(scenario: string, fixedPolicies: readonly string[]): ScenarioComposer {
  const policyCache = new PolicyCache();
  let composed: Document | undefined;
  try {
    const file = resolveScenarioPath(scenario);
    composed = mergeChain(extendsChain(readYamlFile(file, file, 'scenario')));
    if (!fixedPolicies.every((spec) => policyCache.place(composed as Document, spec))) composed = undefined;
  } catch {
    composed = undefined;
  }
  const base = composed;
  return {
    base,
    compose(policies, set, years) {
      if (!base) return undefined;
      const input = structuredClone(base);
      if (!policies.every((spec) => policyCache.place(input, spec))) return undefined;
      if (!set.every((expression) => applySet(input, expression))) return undefined;
      if (years !== undefined) input.years = years;
      const result = ScenarioSchema.safeParse(input);
      return result.success ? toModelParams(result.data) : undefined;
    },
  };
}
