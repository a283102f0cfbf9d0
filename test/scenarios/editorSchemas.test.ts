/**
 * The JSON Schemas editors use (the `# yaml-language-server: $schema=` line) accept
 * every bundled file: scenarios against scenario.schema.json, variants (files with
 * `extends`) against scenario-variant.schema.json, policy files against
 * policies/policy.schema.json, sweep files against sweeps/sweep.schema.json; and
 * they still reject an unknown key.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundledScenarioNames } from '../../scenarios/compose.js';
import { bundledPolicyDir, bundledPolicyNames } from '../../scenarios/policyFiles.js';
import { bundledScenarioDir } from '../../scenarios/paths.js';
import { scenarioVariantJsonSchemaText } from '../../scenarios/jsonSchema.js';
import { bundledSweepDir, bundledSweepNames } from '../../analysis/experiments/sweepFile/index.js';
import { sweepJsonSchemaText } from '../../analysis/experiments/sweepFile/jsonSchema.js';

const ajv = new Ajv2020({ strict: false, allErrors: false });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** The validator of the schema a file's first line names (relative to the file). */
function validatorFor(file: string): { schemaFile: string; validate: ReturnType<typeof ajv.compile> } {
  const line = readFileSync(file, 'utf8').split('\n')[0];
  const match = /^# yaml-language-server: \$schema=(.+)$/.exec(line);
  if (!match) throw new Error(`${file}: no schema line`);
  const schemaFile = join(dirname(file), match[1]);
  let validate = validators.get(schemaFile);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    validators.set(schemaFile, validate);
  }
  return { schemaFile, validate };
}

const files = [
  ...bundledScenarioNames().map((name) => join(bundledScenarioDir(), `${name}.yaml`)),
  ...bundledPolicyNames().map((name) => join(bundledPolicyDir(), `${name}.yaml`)),
  ...bundledSweepNames().map((name) => join(bundledSweepDir(), `${name}.yaml`)),
];

describe.each(files)('%s', (file) => {
  it('is accepted by the JSON Schema its first line names (variants: the variant schema)', () => {
    const value = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const { schemaFile, validate } = validatorFor(file);
    const expected = file.includes('/policies/')
      ? 'policy.schema.json'
      : file.includes('/sweeps/')
        ? 'sweep.schema.json'
        : 'extends' in value
          ? 'scenario-variant.schema.json'
          : 'scenario.schema.json';
    expect(schemaFile.endsWith(`/${expected}`)).toBe(true);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('the variant schema', () => {
  const validate = ajv.compile(JSON.parse(scenarioVariantJsonSchemaText()) as object);

  it('accepts a partial variant with a removal and a partial policy', () => {
    const variant = {
      extends: 'punjab-farm-equipment',
      name: 'v',
      towns: [{ name: 'Daska', initialFirms: 3 }],
      policies: [
        { name: 'Mian Channun common facility', remove: true },
        { kind: 'credit', startYear: 1990 },
      ],
    };
    expect(validate(variant), JSON.stringify(validate.errors)).toBe(true);
  });

  it('still rejects an unknown key, a wrong type, and a file without extends', () => {
    expect(validate({ extends: 'x', towns: [{ name: 'A', initalFirms: 3 }] })).toBe(false);
    expect(validate({ extends: 'x', years: 'five' })).toBe(false);
    expect(validate({ name: 'no-base' })).toBe(false);
  });
});

describe('the sweep schema', () => {
  const validate = ajv.compile(JSON.parse(sweepJsonSchemaText()) as object);

  it('accepts design written as a name or a mapping, and each kind of factor', () => {
    const factors = [
      { name: 'a', parameter: 'labour.quitProbabilityPerMonth', values: [0.01] },
      { name: 'b', parameter: ['x.y', 'towns.*.z'], range: { from: 0, to: 1, step: 0.5 } },
      { name: 'c', parameter: 'x', min: 0, max: 1, integer: true },
      { name: 'd', policies: ['none', 'design-protection'] },
    ];
    for (const design of ['grid', { kind: 'lhs', samples: 5 }, { kind: 'file', file: 'd.csv' }])
      expect(validate({ scenario: 's', design, factors }), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an unknown key, a wrong type and a missing scenario', () => {
    expect(validate({ scenario: 's', factors: [], keep: { metrcs: ['firms'] } })).toBe(false);
    expect(validate({ scenario: 's', factors: [], replications: 'three' })).toBe(false);
    expect(validate({ factors: [] })).toBe(false);
  });
});
