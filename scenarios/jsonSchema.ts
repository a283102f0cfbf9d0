/** The JSON Schema for scenario files, emitted from the zod schema. */
import { z } from 'zod';
import { ScenarioSchema } from './schema.js';

export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'clustersim scenario' }, null, 2)}\n`;
}
