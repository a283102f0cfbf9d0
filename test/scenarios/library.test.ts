/**
 * Every bundled scenario file is a test case: it is valid with no warnings, loading
 * it changes neither the file nor the result of loading it again, and a short
 * horizon runs deterministically (same seed, 1 and 2 threads, identical outputs).
 * Every bundled policy file composes with every bundled scenario.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledScenarioNames } from '../../scenarios/compose.js';
import { bundledPolicyNames } from '../../scenarios/policyFiles.js';
import { loadScenario } from '../../scenarios/load.js';
import { scenarioWarnings } from '../../scenarios/warnings.js';
import { bundledScenarioDir } from '../../scenarios/paths.js';
import { runOne } from '../../sim/runOne.js';

const SHORT_YEARS = 1; // twelve months: every monthly phase and the December (annual) ones
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe.each(bundledScenarioNames())('scenario %s', (name) => {
  const path = join(bundledScenarioDir(), `${name}.yaml`);

  it('starts with the schema line for editors (the variant schema for a file that extends) and validates with no warnings', () => {
    const { params, sources } = loadScenario(name);
    const schema = sources.length > 1 ? 'scenario-variant.schema.json' : 'scenario.schema.json';
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=./${schema}`);
    expect(params.name).toBe(name);
    expect(params.description.length).toBeGreaterThan(0);
    expect(scenarioWarnings(params)).toEqual([]);
  });

  it('loading mutates neither its files nor what a second load returns', () => {
    const before = loadScenario(name);
    const hashes = before.sources.map((source) => sha256(source.file));
    const again = loadScenario(name);
    expect(again.params).toEqual(before.params);
    expect(again.sources.map((source) => sha256(source.file))).toEqual(hashes);
    expect(before.sources.map((source) => source.sha256)).toEqual(hashes);
  });

  it(`runs ${SHORT_YEARS} year deterministically: 1 and 2 threads give identical outputs`, async () => {
    const { params } = loadScenario(name, { years: SHORT_YEARS });
    const one = await runOne({ params, seed: 3, threads: 1 });
    const two = await runOne({ params, seed: 3, threads: 2 });
    expect(one.ticks).toBe(SHORT_YEARS * 12);
    expect(Buffer.from(two.metrics.buffer).equals(Buffer.from(one.metrics.buffer))).toBe(true);
    expect(two.events).toEqual(one.events);
    expect(two.accounts).toEqual(one.accounts);
    expect(one.finalFirms.id.length).toBeGreaterThan(0);
  });

  it.each(bundledPolicyNames())('composes with the policy file %s', (policy) => {
    const base = loadScenario(name).params;
    const { params } = loadScenario(name, { policies: [policy] });
    expect(params.policies.length).toBeGreaterThan(base.policies.length);
    expect(params.policies.slice(0, base.policies.length)).toEqual(base.policies);
  });
});
