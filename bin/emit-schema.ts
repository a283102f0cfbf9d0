/**
 * Writes scenarios/scenario.schema.json from the zod schema (the single source of
 * truth), so editors can validate and complete scenario files. Run: npm run schema.
 * A test fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledScenarioDir } from '../scenarios/paths.js';
import { scenarioJsonSchemaText } from '../scenarios/jsonSchema.js';

const target = join(bundledScenarioDir(), 'scenario.schema.json');
writeFileSync(target, scenarioJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
