/**
 * Scenario composition: `extends:` chains and policy files, merged into one plain
 * document before validation, and the reverse map from a path of that document to
 * the file and line that wrote it (so an error in a variant or a policy file points
 * into that file, not into a merged document nobody can see).
 *
 * Merge rules (a variant says only what differs):
 * - mappings merge key by key, recursively;
 * - lists of named items (towns, processes, products, policies; a policy without a
 *   name is named by its kind) merge by name: an item with a new name is appended, an
 *   item with an existing name is merged into it, and `{ name: X, remove: true }`
 *   removes item X; an empty list (`policies: []`) removes them all;
 * - any other value (a number, a path, an unnamed list) replaces the base's.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve as resolvePath } from 'node:path';
import { bundledScenarioDir } from './paths.js';
import { UserInputError } from './errors.js';
import { messages } from './messages.js';
import { didYouMean } from './didYouMean.js';
import { formatPath, type PathSegment } from './zodIssues.js';
import { layerHas, lineOf, locate, readYamlFile, type LayerReader, type YamlLayer } from './yamlLayer.js';

/** How deep an `extends` chain may go (a guard against runaway chains). */
const MAX_EXTENDS_DEPTH = 16;

type Plain = Record<string, unknown>;
const isPlainObject = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The name that identifies an item of a named list: `name`, else a policy's `kind`. */
function identity(item: unknown): string | undefined {
  if (!isPlainObject(item)) return undefined;
  if (typeof item.name === 'string') return item.name;
  if (typeof item.kind === 'string') return item.kind;
  return undefined;
}

const isNamedList = (list: unknown[]): boolean => list.every((item) => identity(item) !== undefined);
const isRemoval = (item: unknown): boolean => isPlainObject(item) && item.remove === true;

/** The bundled scenario names (scenarios/*.yaml, without the extension). */
export function bundledScenarioNames(): string[] {
  const dir = bundledScenarioDir();
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** `extends: x` of `layer`: a path relative to the extending file, or a bundled scenario name. */
function resolveExtends(layer: YamlLayer, target: string): string | undefined {
  const relativeTo = isAbsolute(layer.file) ? dirname(layer.file) : dirname(resolvePath(layer.file));
  const candidates = [isAbsolute(target) ? target : join(relativeTo, target)];
  if (!target.includes('/') && !target.includes('\\')) {
    candidates.push(join(bundledScenarioDir(), target.endsWith('.yaml') ? target : `${target}.yaml`));
  }
  if (!target.endsWith('.yaml')) candidates.push(`${candidates[0]}.yaml`);
  return candidates.find((candidate) => existsSync(candidate));
}

/**
 * `layer` and the scenarios it extends, base first. Each `extends` is checked where it
 * is written: it must be a string naming a scenario, and the chain must not loop.
 */
export function extendsChain(layer: YamlLayer, read: LayerReader = readYamlFile): YamlLayer[] {
  const chain = [layer];
  const seen = [resolvePath(layer.file)];
  for (let current = layer; current.raw.extends !== undefined;) {
    const target = current.raw.extends;
    const at = locate(current.file, lineOf(current, [], 'extends'));
    if (typeof target !== 'string' || target.length === 0) {
      throw new UserInputError(
        messages.invalidField(at, 'extends', `expected the name or path of a scenario, got ${JSON.stringify(target)}`),
      );
    }
    const file = resolveExtends(current, target);
    if (!file) {
      const names = bundledScenarioNames();
      const hint = didYouMean(target, names);
      throw new UserInputError(
        messages.invalidField(
          at,
          'extends',
          `no scenario "${target}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected a path relative to this file or one of: ${names.join(', ')}`,
        ),
      );
    }
    const absolute = resolvePath(file);
    if (seen.includes(absolute)) {
      throw new UserInputError(
        messages.invalidField(
          at,
          'extends',
          `expected no cycle, got ${[...[...chain].reverse().map((l) => l.file), file].join(' -> ')}`,
        ),
      );
    }
    if (chain.length > MAX_EXTENDS_DEPTH) {
      throw new UserInputError(
        messages.invalidField(at, 'extends', `expected at most ${MAX_EXTENDS_DEPTH} scenarios in an extends chain`),
      );
    }
    current = read(file, file, 'scenario');
    chain.unshift(current);
    seen.push(absolute);
  }
  return chain;
}

/** Merge `overlay` (from `layer`, at `path`) over `base`, by the rules above. Neither input is changed. */
function mergeValue(base: unknown, overlay: unknown, path: PathSegment[], layer: YamlLayer): unknown {
  if (isPlainObject(base) && isPlainObject(overlay)) {
    const merged: Plain = { ...base };
    for (const [key, value] of Object.entries(overlay)) {
      merged[key] = Object.hasOwn(base, key) ? mergeValue(base[key], value, [...path, key], layer) : value;
    }
    return merged;
  }
  // An empty list replaces (`policies: []` drops them all); a named list merges by name.
  if (Array.isArray(overlay) && overlay.length > 0 && isNamedList(overlay)) {
    const baseList = Array.isArray(base) ? base : [];
    if (isNamedList(baseList) && (Array.isArray(base) || overlay.some(isRemoval))) {
      return mergeNamedList(baseList, overlay, path, layer);
    }
  }
  return overlay;
}

function mergeNamedList(base: unknown[], overlay: unknown[], path: PathSegment[], layer: YamlLayer): unknown[] {
  const merged = [...base];
  overlay.forEach((item, j) => {
    const name = identity(item) as string;
    const index = merged.findIndex((candidate) => identity(candidate) === name);
    if (isRemoval(item)) {
      if (index < 0) {
        const names = merged.map((candidate) => identity(candidate) as string);
        const hint = didYouMean(name, names);
        throw new UserInputError(
          messages.invalidField(
            locate(layer.file, lineOf(layer, [...path, j], 'remove')),
            formatPath([...path, j, 'remove']),
            `no item "${name}" to remove in the scenario this one extends${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${names.join(', ') || '(none)'}`,
          ),
        );
      }
      merged.splice(index, 1);
    } else if (index >= 0) {
      merged[index] = mergeValue(merged[index], item, [...path, j], layer);
    } else {
      merged.push(item);
    }
  });
  return merged;
}

/**
 * How one layer's values sit in the composed document: an extends layer is merged by
 * name; a policy layer's `policies` are appended at `policyOffset`.
 */
export interface PlacedLayer {
  layer: YamlLayer;
  policyOffset?: number;
}

/** The composed document of an extends chain (base first); the `extends` key is dropped. */
export function mergeChain(chain: readonly YamlLayer[]): Plain {
  let merged: Plain = structuredClone(chain[0].raw);
  for (const layer of chain.slice(1)) merged = mergeValue(merged, structuredClone(layer.raw), [], layer) as Plain;
  delete merged.extends;
  return merged;
}

/**
 * `path` of the composed document as a path of `placed`'s file, or undefined where
 * that file does not write it. List indices are translated by item name (a variant's
 * towns[0] may be the composed towns[3]); a policy file's items by its offset.
 */
function translate(composed: Plain, placed: PlacedLayer, path: readonly PathSegment[]): PathSegment[] | undefined {
  if (placed.policyOffset !== undefined) {
    if (path[0] !== 'policies' || typeof path[1] !== 'number') return undefined;
    const index = path[1] - placed.policyOffset;
    const count = Array.isArray(placed.layer.raw.policies) ? placed.layer.raw.policies.length : 0;
    return index >= 0 && index < count ? ['policies', index, ...path.slice(2)] : undefined;
  }
  const out: PathSegment[] = [];
  let composedNode: unknown = composed;
  let layerNode: unknown = placed.layer.raw;
  for (const segment of path) {
    if (Array.isArray(composedNode) && typeof segment === 'number') {
      if (!Array.isArray(layerNode)) return undefined;
      const name = identity(composedNode[segment]);
      // The same index when it holds the same name (always so in a single file, even
      // with a duplicate name), else the item of that name.
      const sameIndex = name === undefined || !isNamedList(layerNode) || identity(layerNode[segment]) === name;
      const index = sameIndex ? segment : layerNode.findIndex((item) => identity(item) === name && !isRemoval(item));
      if (index < 0 || index >= layerNode.length) return undefined;
      out.push(index);
      layerNode = layerNode[index];
    } else if (isPlainObject(composedNode) && typeof segment === 'string') {
      if (!isPlainObject(layerNode) || !Object.hasOwn(layerNode, segment)) return undefined;
      out.push(segment);
      layerNode = layerNode[segment];
    } else {
      return undefined;
    }
    composedNode = (composedNode as Record<PathSegment, unknown>)[segment];
  }
  return out;
}

/**
 * file:line of the value at `path` (of `key` in the mapping there) of the composed
 * document: the last-applied layer that writes it, else the layer that writes the
 * longest part of the path (a missing field is reported at its parent).
 */
export function locateInLayers(
  composed: Plain,
  layers: readonly PlacedLayer[],
  path: readonly PathSegment[],
  key?: string,
): string {
  for (let depth = path.length; depth >= 0; depth--) {
    const wanted = depth === path.length ? key : undefined;
    for (let i = layers.length - 1; i >= 0; i--) {
      const { layer } = layers[i];
      const translated = translate(composed, layers[i], path.slice(0, depth));
      if (translated && layerHas(layer, translated, wanted))
        return locate(layer.file, lineOf(layer, translated, wanted));
    }
  }
  const top = layers[layers.length - 1].layer;
  return locate(top.file, lineOf(top, []));
}
