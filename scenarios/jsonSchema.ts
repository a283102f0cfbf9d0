/** The JSON Schemas for scenario and policy files, emitted from the zod schemas. */
import { z } from 'zod';
import { ScenarioSchema } from './schema.js';
import { PolicyFileSchema } from './schema/policyFile.js';

export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'clustersim scenario' }, null, 2)}\n`;
}

export function policyFileJsonSchemaText(): string {
  const schema = z.toJSONSchema(PolicyFileSchema, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'clustersim policy file' }, null, 2)}\n`;
}
