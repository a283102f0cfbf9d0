/**
 * Run keys and seed rules: a key changes with anything that could change a result
 * and nothing else; seeds follow their named rule (pinned values, so a change to a
 * rule cannot slip through unnoticed); common seeds are shared across parameters,
 * per-run seeds are not.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codeVersion, runIdentity, runKey, seedFor } from '../../../analysis/experiments/runKey.js';
import { makeRun } from '../../../analysis/experiments/plan.js';
import { parameterHash } from '../../../analysis/output/provenance.js';
import { loadScenario } from '../../../scenarios/load.js';

const hex = fc.stringMatching(/^[0-9a-f]{64}$/);

describe('run keys', () => {
  it('differ when the parameters, the replicate or the code version differ', () => {
    fc.assert(
      fc.property(hex, hex, fc.nat(1000), fc.nat(1000), (p, q, r, s) => {
        expect(runKey(p, r, 'v1') === runKey(q, s, 'v1')).toBe(p === q && r === s);
        expect(runKey(p, r, 'v1')).not.toBe(runKey(p, r, 'v2'));
        expect(runKey(p, r, 'v1')).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
  });

  it('of equal scenarios loaded twice are equal; a --set changes it', () => {
    const a = loadScenario('punjab-farm-equipment', { years: 3 }).params;
    const b = loadScenario('punjab-farm-equipment', { years: 3 }).params;
    const c = loadScenario('punjab-farm-equipment', { years: 3, set: ['labour.quitProbabilityPerMonth=0.03'] }).params;
    expect(runKey(parameterHash(a), 0, 'v')).toBe(runKey(parameterHash(b), 0, 'v'));
    expect(runKey(parameterHash(a), 0, 'v')).not.toBe(runKey(parameterHash(c), 0, 'v'));
  });

  it('the simulation code version is stable within a process and names the sim/ files hashed', () => {
    expect(codeVersion()).toMatch(/^sim-[0-9a-f]{16}$/);
    expect(codeVersion()).toBe(codeVersion());
  });
});

describe('seed rules', () => {
  const digest = 'a'.repeat(64);
  it('are pinned: these values may only change with a new rule name', () => {
    expect(seedFor('common-sha256-v1', 1, digest, 0)).toBe(seedFor('common-sha256-v1', 1, 'b'.repeat(64), 0));
    expect([0, 1, 2].map((r) => seedFor('common-sha256-v1', 1, digest, r))).toMatchInlineSnapshot(`
      [
        3118175300,
        232529109,
        2963496628,
      ]
    `);
    expect([0, 1, 2].map((r) => seedFor('per-run-sha256-v1', 1, digest, r))).toMatchInlineSnapshot(`
      [
        1174973335,
        1018932717,
        1906490370,
      ]
    `);
    expect(runIdentity(digest, 0)).toMatchInlineSnapshot(
      `"21c9f236c4eb672bba4cb9371a45510c471c054bf7b383048cc2e3afae6c45f6"`,
    );
  });

  it('common: every parameter set shares replicate r seed; per-run: seeds differ across parameters', () => {
    fc.assert(
      fc.property(hex, hex, fc.nat(100), fc.nat(2 ** 32 - 1), (p, q, r, master) => {
        fc.pre(p !== q);
        expect(seedFor('common-sha256-v1', master, p, r)).toBe(seedFor('common-sha256-v1', master, q, r));
        expect(seedFor('per-run-sha256-v1', master, p, r)).not.toBe(seedFor('per-run-sha256-v1', master, q, r));
        const seed = seedFor('per-run-sha256-v1', master, p, r);
        expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
      }),
    );
  });

  it('a master seed changes every seed; seeds are not master + N', () => {
    const seeds = [0, 1, 2, 3].map((r) => seedFor('common-sha256-v1', 5, 'x', r));
    const other = [0, 1, 2, 3].map((r) => seedFor('common-sha256-v1', 6, 'x', r));
    expect(seeds.every((seed, i) => seed !== other[i])).toBe(true);
    expect(seeds.some((seed, i) => i > 0 && seed === seeds[i - 1] + 1)).toBe(false);
  });

  it('makeRun hashes the parameters when no digest is given', () => {
    const params = loadScenario('punjab-farm-equipment', { years: 2 }).params;
    const input = {
      params,
      replicate: 2,
      point: 0,
      factors: {},
      keep: { metrics: ['firms'], towns: 'total' as const, sampleTicks: [23] },
      masterSeed: 3,
      seedRule: 'per-run-sha256-v1' as const,
      codeVersion: 'v',
    };
    expect(makeRun(input)).toEqual(makeRun({ ...input, parametersSha256: parameterHash(params) }));
    expect(makeRun(input).seed).toBe(seedFor('per-run-sha256-v1', 3, parameterHash(params), 2));
  });
});
