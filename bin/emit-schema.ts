/**
 * Writes scenarios/scenario.schema.json, scenario-variant.schema.json (files with
 * `extends`), scenarios/policies/policy.schema.json and scenarios/sweeps/sweep.schema.json
 * from the zod schemas (the single source of truth), so editors can validate and
 * complete scenario and policy files. Run: npm run schema. A test fails when a
 * committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledScenarioDir } from '../scenarios/paths.js';
import {
  policyFileJsonSchemaText,
  scenarioJsonSchemaText,
  scenarioVariantJsonSchemaText,
} from '../scenarios/jsonSchema.js';
import { sweepJsonSchemaText } from '../analysis/experiments/sweepFile/jsonSchema.js';

for (const [target, text] of [
  [join(bundledScenarioDir(), 'scenario.schema.json'), scenarioJsonSchemaText()],
  [join(bundledScenarioDir(), 'scenario-variant.schema.json'), scenarioVariantJsonSchemaText()],
  [join(bundledScenarioDir(), 'policies', 'policy.schema.json'), policyFileJsonSchemaText()],
  [join(bundledScenarioDir(), 'sweeps', 'sweep.schema.json'), sweepJsonSchemaText()],
] as const) {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
