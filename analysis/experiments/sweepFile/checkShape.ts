/**
 * Check a sweep file's shape against its zod schema and turn the first problem into
 * one line, as scenarios/checkAgainst.ts does for scenarios. The difference: sweep
 * files have plain unions (`keep.towns` is `total`, `all` or a list), and zod
 * reports a failed union as a whole. When the value's type picks one option (a list
 * for `towns`, a mapping for `samples`), the problem inside that option is the
 * useful one (`keep.towns[1]: expected a string, got 3`), so it is reported instead.
 */
import type { z } from 'zod';
import { checkAgainst, type Locator } from '../../../scenarios/checkAgainst.js';
import { valueAt, type PathSegment } from '../../../scenarios/zodIssues.js';
import { defOf, unwrap } from './zodDefs.js';

type Issue = z.core.$ZodIssue;

/** The option of a union that fits `value`'s shape (a mapping, a list), by discriminator when there is one. */
function optionFor(schema: z.ZodType, value: unknown): z.ZodType {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type !== 'union' || !def.options) return inner;
  const wanted = Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : undefined;
  const fitting = def.options.map(unwrap).filter((option) => {
    const optionDef = defOf(option);
    if (optionDef.type !== wanted) return false;
    if (!def.discriminator || !optionDef.shape) return true;
    const tag = (value as Record<string, unknown>)[def.discriminator];
    const field = optionDef.shape[def.discriminator];
    return field !== undefined && (defOf(unwrap(field)).values ?? []).includes(tag);
  });
  return fitting.length === 1 ? fitting[0] : inner;
}

/** The keys the mapping at `path` may have (for did-you-mean), through unions. */
function knownKeys(root: z.ZodType, path: readonly PathSegment[], input: unknown): string[] {
  let schema: z.ZodType | undefined = root;
  for (let i = 0; i <= path.length && schema; i++) {
    const def = defOf(optionFor(schema, valueAt(input, path.slice(0, i))));
    if (i === path.length) return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
    const segment = path[i];
    if (def.type === 'object' && typeof segment === 'string') schema = def.shape?.[segment];
    else if (def.type === 'array' && typeof segment === 'number') schema = def.element;
    else schema = undefined;
  }
  return [];
}

const isTypeMismatchAtRoot = (issue: Issue) =>
  issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value');

/** The issue to report: unknown keys first; a union failure replaced by the problem inside the option that fits. */
function pick(issues: readonly Issue[], prefix: readonly PathSegment[] = []): Issue {
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  const path = [...prefix, ...(issue.path as PathSegment[])];
  if (issue.code === 'invalid_union' && !('discriminator' in issue && issue.discriminator)) {
    const fitting = issue.errors.filter((branch) => branch.length > 0 && !branch.some(isTypeMismatchAtRoot));
    if (fitting.length === 1) return pick(fitting[0], path);
  }
  return { ...issue, path } as Issue;
}

/** checkAgainst with the union-aware issue choice and key listing above. */
export function checkShape<S extends z.ZodType>(schema: S, input: unknown, where: Locator): z.output<S> {
  return checkAgainst(schema, input, where, { pick: (issues) => pick(issues), knownKeys });
}
