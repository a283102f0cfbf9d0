/**
 * Reading a scenario: YAML text -> overrides (--set, --years) -> zod validation ->
 * ModelParams. Validation happens once, here; the first problem becomes a one-line
 * UserInputError naming the file (or flag), the YAML line, the field path and what
 * was expected.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { bundledScenarioDir } from './paths.js';
import { isMap, isScalar, LineCounter, parse as parseYamlValue, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ModelParams } from '../sim/params.js';
import { ScenarioSchema, toModelParams } from './schema.js';
import { UserInputError } from './errors.js';
import { messages } from './messages.js';
import { didYouMean } from './didYouMean.js';

type PathSegment = string | number;

/**
 * How scenario text and --set values are read. resolveKnownTags false: the YAML 1.1
 * tags (!!omap, !!set, !!binary, !!timestamp) would give a Map, Set or Uint8Array,
 * which the schema would take as an empty mapping and ignore its content; untagged
 * they are plain lists and mappings and are checked like any other. logLevel 'error':
 * yaml's warnings would go to stderr beside our one-line error.
 */
const YAML_OPTIONS = { resolveKnownTags: false, logLevel: 'error' } as const;

export interface LoadOptions {
  /** `path=value` expressions from --set, applied in order. */
  set?: readonly string[];
  /** --years, applied after --set. */
  years?: number;
}

export interface LoadedScenario {
  file: string;
  params: ModelParams;
  /** sha256 of the scenario file's bytes. */
  fileHash: string;
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

export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  return String(value);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  defaultValue?: unknown;
  /** A discriminated union's options and the key that tells them apart. */
  options?: z.ZodType[];
  discriminator?: string;
  /** A literal's values. */
  values?: unknown[];
}
const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
const WRAPPERS = ['default', 'prefault', 'optional', 'nullable', 'pipe'];

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (WRAPPERS.includes(defOf(current).type) && defOf(current).innerType)
    current = defOf(current).innerType as z.ZodType;
  return current;
}

/**
 * `schema` without wrappers; for a discriminated union (a policy), the option that
 * `value`'s discriminator selects, or the union itself when it selects none.
 */
function resolve(schema: z.ZodType, value: unknown): z.ZodType {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type !== 'union' || !def.discriminator || !def.options) return inner;
  const key = def.discriminator;
  const tag = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  const option = def.options.find((candidate) => {
    const field = defOf(unwrap(candidate)).shape?.[key];
    return field !== undefined && (defOf(field).values ?? []).includes(tag);
  });
  return option ? unwrap(option) : inner;
}

/**
 * The zod schema of the value at `path` (wrappers kept), or undefined where the path
 * leaves the schema. `root` is the document, which picks the option of a union.
 */
function schemaAt(path: readonly PathSegment[], root: unknown): z.ZodType | undefined {
  let schema = ScenarioSchema as unknown as z.ZodType;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const def = defOf(resolve(schema, valueAt(root, path.slice(0, i))));
    if (def.type === 'object' && typeof segment === 'string' && def.shape && Object.hasOwn(def.shape, segment))
      schema = def.shape[segment];
    else if (def.type === 'array' && typeof segment === 'number' && def.element) schema = def.element;
    else return undefined;
  }
  return schema;
}

/** The keys of the object at `path` (for did-you-mean). */
function knownKeysAt(path: readonly PathSegment[], root: unknown): string[] {
  const schema = schemaAt(path, root);
  const def = schema && defOf(resolve(schema, valueAt(root, path)));
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The schema's default (or prefault) for the value at `path`, if it has one. */
function defaultAt(path: readonly PathSegment[], root: unknown): unknown {
  for (let schema = schemaAt(path, root); schema; schema = defOf(schema).innerType) {
    const def = defOf(schema);
    if (def.type === 'default' || def.type === 'prefault') return structuredClone(def.defaultValue);
    if (!WRAPPERS.includes(def.type)) return undefined;
  }
  return undefined;
}

function expectation(issue: z.core.$ZodIssue, value: unknown): string {
  const got = `got ${describeValue(value)}`;
  switch (issue.code) {
    case 'invalid_type': {
      const expected =
        issue.expected === 'int'
          ? 'an integer'
          : issue.expected === 'object'
            ? 'a mapping'
            : issue.expected === 'array'
              ? 'a list'
              : `a ${issue.expected}`;
      return `expected ${expected}, ${got}`;
    }
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${issue.maximum} items, ${got}`;
      if (issue.origin === 'string') return `expected at most ${issue.maximum} characters, ${got}`;
      return `expected a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}, ${got}`;
    case 'too_small':
      if (issue.origin === 'array') {
        const exact = (issue as { exact?: boolean }).exact === true;
        return `expected ${exact ? 'exactly' : 'at least'} ${issue.minimum} items, ${got}`;
      }
      if (issue.origin === 'string') return `expected at least ${issue.minimum} characters, ${got}`;
      return `expected a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}, ${got}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}, ${got}`;
    case 'invalid_union': {
      // A discriminated union (a policy's kind) with no option for the value given.
      const options = 'options' in issue ? (issue.options ?? []).map(String) : [];
      if (options.length === 0) return `${issue.message}, ${got}`;
      const suggestion = typeof value === 'string' ? didYouMean(value, options) : undefined;
      return `expected one of ${options.join(', ')}, ${got}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
    }
    case 'invalid_format':
      return `expected ${issue.message.replace(/^Invalid string: /, '')}, ${got}`;
    default:
      return `${issue.message}, ${got}`;
  }
}

function lineOf(doc: Document, counter: LineCounter, path: readonly PathSegment[], key?: string): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (!node || typeof node !== 'object' || !('range' in node) || !node.range) continue;
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return counter.linePos(pair.key.range[0]).line;
    }
    return counter.linePos((node.range as [number, number, number])[0]).line;
  }
  return undefined;
}

function pathStartsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(path[i]) === String(segment));
}

/** Split `towns.Daska.initialFirms` / `towns[0].demand.growthPerYear` into segments. */
function splitSetPath(path: string): string[] {
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
        setOwn(container, key, defaultAt(resolved, raw) ?? {});
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

export function loadScenario(nameOrPath: string, options: LoadOptions = {}): LoadedScenario {
  const file = resolveScenarioPath(nameOrPath);
  if (!existsSync(file)) throw new UserInputError(messages.fileNotFound(nameOrPath));
  if (statSync(file).isDirectory()) throw new UserInputError(messages.fileUnreadable(file, 'it is a directory'));
  const text = readFileSync(file, 'utf8');
  return parseScenarioText(text, file, options);
}

export function parseScenarioText(text: string, file: string, options: LoadOptions = {}): LoadedScenario {
  const counter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    // Without prettyErrors yaml leaves linePos unset; the offset is always there.
    const line = first.linePos?.[0]?.line ?? (first.pos ? counter.linePos(first.pos[0]).line : undefined);
    const reason = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new UserInputError(messages.malformedYaml(locate(file, line), reason));
  }
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (error) {
    // An alias to a missing anchor, or an alias explosion, is found only here.
    throw new UserInputError(messages.malformedYaml(file, (error as Error).message.split('\n')[0]));
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserInputError(messages.notAMapping(file, describeValue(raw)));
  }
  const input = structuredClone(raw) as Record<string, unknown>;
  const overrides: (AppliedSet & { source: string })[] = [];
  for (const expression of options.set ?? []) {
    overrides.push({ ...applySet(input, expression), source: `--set ${expression}` });
  }
  if (options.years !== undefined) {
    input.years = options.years;
    overrides.push({ path: ['years'], created: ['years'], source: `--years ${options.years}` });
  }

  const result = ScenarioSchema.safeParse(input);
  if (!result.success) {
    // An unknown key first: a misspelt key also makes the real one "missing", and
    // did-you-mean on the misspelling is the useful message.
    const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0];
    const path = issue.path as PathSegment[];
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0];
      const known = knownKeysAt(path, input).filter((name) => name !== '$schema');
      const suggestion = didYouMean(key, known);
      const override = overrides.findLast((o) => pathStartsWith(o.path, [...path, key]));
      const location = override ? override.source : locate(file, lineOf(doc, counter, path, key));
      throw new UserInputError(
        messages.invalidField(
          location,
          formatPath([...path, key]),
          `unknown key${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; expected one of: ${known.join(', ')}`,
        ),
      );
    }
    // A problem at or inside what a --set wrote (or created on the way) is that --set's.
    const override = overrides.findLast((o) => pathStartsWith(path, o.created));
    const location = override ? override.source : locate(file, lineOf(doc, counter, path));
    throw new UserInputError(
      messages.invalidField(location, formatPath(path), expectation(issue, valueAt(input, path))),
    );
  }
  return {
    file,
    params: toModelParams(result.data),
    fileHash: createHash('sha256').update(text).digest('hex'),
    overrides: overrides.map((o) => o.source),
  };
}

function locate(file: string, line: number | undefined): string {
  return line ? `${file}:${line}` : file;
}
