/**
 * The committed JSON Schemas (scenario, policy file and sweep file) cannot go stale (it must be what `npm run schema` would
 * write now), and every scenario shipped in scenarios/ loads without error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  policyFileJsonSchemaText,
  scenarioJsonSchemaText,
  scenarioVariantJsonSchemaText,
} from '../../scenarios/jsonSchema.js';
import { sweepJsonSchemaText } from '../../analysis/experiments/sweepFile/jsonSchema.js';
import { loadScenario } from '../../scenarios/load.js';
import { REPO_ROOT } from '../helpers/cli.js';

const SCENARIO_DIR = join(REPO_ROOT, 'scenarios');
const SCENARIO_FILES = readdirSync(SCENARIO_DIR)
  .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
  .sort();

describe('scenarios/policies/policy.schema.json', () => {
  it('is exactly what policyFileJsonSchemaText() emits now (run `npm run build && npm run schema` to refresh)', () => {
    const committed = readFileSync(join(SCENARIO_DIR, 'policies', 'policy.schema.json'), 'utf8');
    expect(committed).toBe(policyFileJsonSchemaText());
  });
});

describe('scenarios/sweeps/sweep.schema.json', () => {
  it('is exactly what sweepJsonSchemaText() emits now (run `npm run build && npm run schema` to refresh)', () => {
    const committed = readFileSync(join(SCENARIO_DIR, 'sweeps', 'sweep.schema.json'), 'utf8');
    expect(committed).toBe(sweepJsonSchemaText());
  });
});

describe('scenarios/scenario-variant.schema.json', () => {
  it('is exactly what scenarioVariantJsonSchemaText() emits now (run `npm run build && npm run schema` to refresh)', () => {
    const committed = readFileSync(join(SCENARIO_DIR, 'scenario-variant.schema.json'), 'utf8');
    expect(committed).toBe(scenarioVariantJsonSchemaText());
  });
});

describe('scenarios/scenario.schema.json', () => {
  it('is exactly what scenarioJsonSchemaText() emits now (run `npm run build && npm run schema` to refresh)', () => {
    const committed = readFileSync(join(SCENARIO_DIR, 'scenario.schema.json'), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('is valid JSON naming the scenario title and forbidding unknown top-level keys', () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as {
      title: string;
      additionalProperties: boolean;
      required: string[];
    };
    expect(schema.title).toBe('clustersim scenario');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'startYear', 'years', 'towns']));
  });
});

describe('scenarios/*.yaml', () => {
  it('there is at least the default scenario', () => {
    expect(SCENARIO_FILES).toContain('punjab-farm-equipment.yaml');
  });

  it.each(SCENARIO_FILES)('%s loads with no error', (file) => {
    const loaded = loadScenario(join(SCENARIO_DIR, file));
    expect(loaded.params.towns.length).toBeGreaterThan(0);
    expect(loaded.overrides).toEqual([]);
  });
});
