/**
 * Reading a zod schema's definition: the node type under wrappers (default,
 * optional, ...). zod 4 keeps it in `_zod.def`; scenarios/zodIssues.ts reads it the
 * same way for the scenario schema.
 */
import type { z } from 'zod';

export interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  /** A literal's values. */
  values?: unknown[];
  /** An enum's entries. */
  entries?: Record<string, string | number>;
  checks?: unknown[];
}

export const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

const WRAPPERS = ['default', 'prefault', 'optional', 'nullable', 'pipe'];

export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (WRAPPERS.includes(defOf(current).type) && defOf(current).innerType)
    current = defOf(current).innerType as z.ZodType;
  return current;
}

/** Whether a number schema takes only integers (z.number().int()). */
export function isIntegerSchema(schema: z.ZodType): boolean {
  return (defOf(unwrap(schema)).checks ?? []).some((check) => {
    const def = (check as { _zod?: { def?: { format?: string } } })._zod?.def;
    return def?.format === 'safeint' || def?.format === 'int32';
  });
}
