/** The JSON Schemas for scenario, variant and policy files, emitted from the zod schemas. */
import { z } from 'zod';
import { ScenarioSchema } from './schema.js';
import { PolicyFileSchema } from './schema/policyFile.js';

type JsonSchema = Record<string, unknown>;

export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'clustersim scenario' }, null, 2)}\n`;
}

/**
 * A variant (a file with `extends:`) says only what differs, so nothing but `extends`
 * is required, and an item of a named list may be `{ name: X, remove: true }`. The
 * scenario schema relaxed accordingly: `required` dropped everywhere, `oneOf` (the
 * policy kinds) read as `anyOf` (a partial policy may fit several kinds), and a
 * `remove` flag beside every `name`. The loader still checks the composed scenario
 * in full; this schema only keeps an editor from flagging a correct variant.
 */
export function scenarioVariantJsonSchemaText(): string {
  const relax = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(relax);
    if (node === null || typeof node !== 'object') return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node as JsonSchema)) {
      if (key === 'required') continue;
      out[key === 'oneOf' ? 'anyOf' : key] = relax(value);
    }
    const properties = out.properties as JsonSchema | undefined;
    if (properties && 'name' in properties && !('remove' in properties)) {
      properties.remove = {
        type: 'boolean',
        const: true,
        description: 'In a variant: remove the item of this name from the scenario it extends',
      };
    }
    return out;
  };
  const schema = relax(z.toJSONSchema(ScenarioSchema, { io: 'input' })) as JsonSchema;
  const variant = { ...schema, required: ['extends'], title: 'clustersim scenario variant (extends)' };
  return `${JSON.stringify(variant, null, 2)}\n`;
}

export function policyFileJsonSchemaText(): string {
  const schema = z.toJSONSchema(PolicyFileSchema, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'clustersim policy file' }, null, 2)}\n`;
}
