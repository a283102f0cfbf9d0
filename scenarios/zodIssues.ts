/**
 * Turning zod issues into our one-line expectations: walking a schema along a path
 * (through defaults, optionals and the discriminated union of policies), the keys a
 * mapping may have (for did-you-mean), defaults (for --set into a missing section),
 * and "expected X, got Y" for each kind of issue. Shared by scenario, policy-file and
 * (later) sweep-file validation; each passes its own root schema.
 */
import type { z } from 'zod';
import { didYouMean } from './didYouMean.js';

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  return String(value);
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
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
export function schemaAt(rootSchema: z.ZodType, path: readonly PathSegment[], root: unknown): z.ZodType | undefined {
  let schema = rootSchema;
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
export function knownKeysAt(rootSchema: z.ZodType, path: readonly PathSegment[], root: unknown): string[] {
  const schema = schemaAt(rootSchema, path, root);
  const def = schema && defOf(resolve(schema, valueAt(root, path)));
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The schema's default (or prefault) for the value at `path`, if it has one. */
export function defaultAt(rootSchema: z.ZodType, path: readonly PathSegment[], root: unknown): unknown {
  for (let schema = schemaAt(rootSchema, path, root); schema; schema = defOf(schema).innerType) {
    const def = defOf(schema);
    if (def.type === 'default' || def.type === 'prefault') return structuredClone(def.defaultValue);
    if (!WRAPPERS.includes(def.type)) return undefined;
  }
  return undefined;
}

export function expectation(issue: z.core.$ZodIssue, value: unknown): string {
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
