/** The JSON Schema for sweep files (scenarios/sweeps/sweep.schema.json), emitted from schema.ts by `npm run schema`. */
import { z } from 'zod';
import { SweepFileSchema } from './schema.js';

export function sweepJsonSchemaText(): string {
  const schema = z.toJSONSchema(SweepFileSchema, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'clustersim sweep file' }, null, 2)}\n`;
}
