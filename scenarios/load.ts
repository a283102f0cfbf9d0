/**
 * Reading a scenario: the scenario file and the files it `extends` (compose.ts) ->
 * policy files from --policy (policyFiles.ts) -> overrides (--set, --years) -> zod
 * validation -> ModelParams. Validation happens once, on the composed document; the
 * first problem becomes a one-line UserInputError naming the file (or flag) that
 * wrote the value, its line, the field path and what was expected.
 */
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse as parseYamlValue } from 'yaml';
import { bundledScenarioDir } from './paths.js';
import type { ModelParams } from '../sim/params.js';
import { ScenarioSchema, toModelParams } from './schema.js';
import { UserInputError } from './errors.js';
import { messages } from './messages.js';
import { didYouMean } from './didYouMean.js';
import { checkAgainst } from './checkAgainst.js';
import { defaultAt, describeValue, formatPath, type PathSegment } from './zodIssues.js';
import {
  createLayerCache,
  parseYamlLayer,
  readYamlFile,
  YAML_OPTIONS,
  type LayerReader,
  type YamlLayer,
} from './yamlLayer.js';
import { extendsChain, locateInLayers, mergeChain, type PlacedLayer } from './compose.js';
import { parsePolicySpec, placedPolicies, readPolicyFile } from './policyFiles.js';

export { formatPath } from './zodIssues.js';

export interface LoadOptions {
  /** Policy specs from --policy (`NAME[@TOWN[+TOWN...]][:YEAR]` or a file), applied in order. */
  policies?: readonly string[];
  /** `path=value` expressions from --set, applied in order, after the policies. */
  set?: readonly string[];
  /** --years, applied after --set. */
  years?: number;
}

/** A file the scenario was composed from, for provenance. */
export interface ScenarioSource {
  role: 'scenario' | 'extends' | 'policy';
  file: string;
  /** sha256 of the file's bytes. */
  sha256: string;
}

export interface LoadedScenario {
  file: string;
  params: ModelParams;
  /** sha256 of the scenario file's bytes. */
  fileHash: string;
  /** Every file composed into the scenario: the files it extends (base first), itself, the policy files. */
  sources: ScenarioSource[];
  /** The --policy, --set and --years expressions applied, in order. */
  overrides: string[];
}

/** A path as given, or a bare name (`punjab-farm-equipment`) looked up in scenarios/. */
export function resolveScenarioPath(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return nameOrPath;
  const looksLikeName = !nameOrPath.includes('/') && !nameOrPath.includes('\\');
  if (looksLikeName) {
    const bundled = join(bundledScenarioDir(), nameOrPath.endsWith('.yaml') ? nameOrPath : `${nameOrPath}.yaml`);
    if (existsSync(bundled)) return bundled;
  }
  return nameOrPath;
}

function pathStartsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(path[i]) === String(segment));
}

/** Split `towns.Daska.initialFirms` / `towns[0].demand.growthPerYear` into segments. */
export function splitSetPath(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment.length > 0);
}

interface AppliedSet {
  /** The resolved path that was set, e.g. towns[0].initialFirms for towns.Daska.initialFirms. */
  path: PathSegment[];
  /** The outermost part of `path` that the file did not have (created here), or `path` itself. */
  created: PathSegment[];
}

/**
 * Apply one `path=value` override to the raw document. A missing object on the way
 * starts from the schema's default for it (so `--set towns.Daska.initialSkill.max=0.9`
 * keeps the default min), or is empty.
 */
function applySet(raw: Record<string, unknown>, expression: string): AppliedSet {
  const equals = expression.indexOf('=');
  if (equals <= 0) throw new UserInputError(messages.badSetSyntax(expression));
  const pathText = expression.slice(0, equals).trim();
  const valueText = expression.slice(equals + 1);
  const segments = splitSetPath(pathText);
  if (segments.length === 0) throw new UserInputError(messages.badSetSyntax(expression));
  let value: unknown;
  try {
    value = parseYamlValue(valueText, YAML_OPTIONS);
  } catch {
    value = valueText;
  }
  const resolved: PathSegment[] = [];
  let created: PathSegment[] | undefined;
  let node: unknown = raw;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const isLast = i === segments.length - 1;
    let key: PathSegment = segment;
    if (Array.isArray(node)) {
      const index = /^\d+$/.test(segment)
        ? Number(segment)
        : node.findIndex((item) => item && typeof item === 'object' && (item as { name?: unknown }).name === segment);
      if (index < 0 || index >= node.length) {
        const names = node
          .map((item) => (item as { name?: unknown })?.name)
          .filter((name) => typeof name === 'string') as string[];
        const hint = didYouMean(segment, names);
        throw new UserInputError(
          messages.badSetPath(
            expression,
            formatPath(resolved),
            `no item "${segment}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected an index below ${node.length}${names.length ? ` or one of: ${names.join(', ')}` : ''}`,
          ),
        );
      }
      key = index;
    } else if (node === null || typeof node !== 'object') {
      throw new UserInputError(
        messages.badSetPath(expression, formatPath(resolved), `is ${describeValue(node)}, not a mapping or list`),
      );
    }
    resolved.push(key);
    // Own properties only, set by defineProperty: `__proto__` or `constructor` in a
    // path must become an (unknown) key, never reach Object.prototype.
    const container = node as Record<string | number, unknown>;
    if (isLast) {
      setOwn(container, key, value);
    } else {
      if (!Object.hasOwn(container, key) || container[key] === undefined) {
        setOwn(container, key, defaultAt(ScenarioSchema, resolved, raw) ?? {});
        created ??= [...resolved];
      }
      node = container[key];
    }
  }
  return { path: resolved, created: created ?? resolved };
}

function setOwn(container: Record<string | number, unknown>, key: PathSegment, value: unknown): void {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}

export function loadScenario(
  nameOrPath: string,
  options: LoadOptions = {},
  read: LayerReader = readYamlFile,
): LoadedScenario {
  const file = resolveScenarioPath(nameOrPath);
  if (!existsSync(file)) throw new UserInputError(messages.fileNotFound(nameOrPath));
  return composeScenario(read(file, file, 'scenario'), options, read);
}

/** loadScenario for many compositions of the same files (a sweep's points): each file is parsed once. */
export interface ScenarioLoader {
  load(nameOrPath: string, options?: LoadOptions): LoadedScenario;
  /** The composed document before overrides: the extends chain merged, these policies placed. */
  composedDocument(nameOrPath: string, policies: readonly string[]): Record<string, unknown>;
}

export function createScenarioLoader(): ScenarioLoader {
  const read = createLayerCache();
  return {
    load: (nameOrPath, options = {}) => loadScenario(nameOrPath, options, read),
    composedDocument(nameOrPath, policies) {
      const file = resolveScenarioPath(nameOrPath);
      if (!existsSync(file)) throw new UserInputError(messages.fileNotFound(nameOrPath));
      return composeLayers(read(file, file, 'scenario'), policies, read).input;
    },
  };
}

export function parseScenarioText(text: string, file: string, options: LoadOptions = {}): LoadedScenario {
  return composeScenario(parseYamlLayer(text, file, 'scenario'), options, readYamlFile);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An override applied after the files: a --policy placement, a --set or --years. */
interface Override extends AppliedSet {
  source: string;
}

/** The extends chain merged and the policy files placed: the document --set and --years then change. */
function composeLayers(scenarioLayer: YamlLayer, policies: readonly string[], read: LayerReader) {
  const chain = extendsChain(scenarioLayer, read);
  const input = mergeChain(chain);
  const layers: PlacedLayer[] = chain.map((layer) => ({ layer }));
  const sources: ScenarioSource[] = chain.map((layer) => ({
    role: layer === scenarioLayer ? 'scenario' : 'extends',
    file: layer.file,
    sha256: sha256(layer.text),
  }));
  const overrides: Override[] = [];

  for (const spec of policies) {
    const placement = parsePolicySpec(spec);
    const policyLayer = readPolicyFile(placement.file, placement.file, read);
    const existing = input.policies === undefined ? [] : input.policies;
    // A scenario whose `policies` is not a list is reported by the schema, at its own line.
    if (!Array.isArray(existing)) continue;
    const offset = existing.length;
    const added = placedPolicies(policyLayer, placement, input.startYear);
    input.policies = [...existing, ...added];
    layers.push({ layer: policyLayer, policyOffset: offset });
    sources.push({ role: 'policy', file: policyLayer.file, sha256: sha256(policyLayer.text) });
    // Towns and start year written by the spec are the spec's to answer for.
    added.forEach((_, i) => {
      const at: PathSegment[] = ['policies', offset + i];
      if (placement.towns)
        overrides.push({ path: [...at, 'towns'], created: [...at, 'towns'], source: `--policy ${spec}` });
      if (placement.startYear !== undefined)
        overrides.push({ path: [...at, 'startYear'], created: [...at, 'startYear'], source: `--policy ${spec}` });
    });
  }
  return { input, layers, sources, overrides };
}

function composeScenario(scenarioLayer: YamlLayer, options: LoadOptions, read: LayerReader): LoadedScenario {
  const { input, layers, sources, overrides } = composeLayers(scenarioLayer, options.policies ?? [], read);
  const appliedPolicies = (options.policies ?? []).map((spec) => `--policy ${spec}`);

  for (const expression of options.set ?? []) {
    overrides.push({ ...applySet(input, expression), source: `--set ${expression}` });
  }
  if (options.years !== undefined) {
    input.years = options.years;
    overrides.push({ path: ['years'], created: ['years'], source: `--years ${options.years}` });
  }

  const scenario = checkAgainst(ScenarioSchema, input, (path, key) => {
    // A problem at or inside what an override wrote (or created on the way) is that override's.
    const full = key === undefined ? path : [...path, key];
    const override = overrides.findLast((o) =>
      key === undefined ? pathStartsWith(full, o.created) : pathStartsWith(o.path, full),
    );
    return override ? override.source : locateInLayers(input, layers, path, key);
  });
  return {
    file: scenarioLayer.file,
    params: toModelParams(scenario),
    fileHash: sha256(scenarioLayer.text),
    sources,
    overrides: [...appliedPolicies, ...overrides.filter((o) => !o.source.startsWith('--policy')).map((o) => o.source)],
  };
}
