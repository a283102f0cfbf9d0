/**
 * Scenario composition in-process: `extends` (deep merge, named lists merged by name,
 * `remove`), policy files placed with --policy specs, and where each kind of error
 * points - into the file (and line) that wrote the value, or the flag.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, type LoadOptions } from '../../scenarios/load.js';
import { parsePolicySpec } from '../../scenarios/policyFiles.js';
import { UserInputError } from '../../scenarios/errors.js';

const BASE = `name: base
description: the base
startYear: 2000
years: 10
towns:
  - name: Alpha
    initialFirms: 4
    workersPerFirm: { min: 2, max: 6 }
    demand: { unitsPerMonth: 50, growthPerYear: 0.1 }
  - name: Beta
    initialFirms: 2
    workersPerFirm: { min: 1, max: 3 }
    demand: { unitsPerMonth: 20, growthPerYear: 0 }
processes:
  - { name: casting, vendorPricePerUnit: 10, minEfficientScaleUnitsPerMonth: 50, machineCost: 1000, inHouseCostPerUnit: 15 }
  - { name: gearCutting, vendorPricePerUnit: 20, minEfficientScaleUnitsPerMonth: 90, machineCost: 5000, inHouseCostPerUnit: 30 }
  - { name: heatTreatment, vendorPricePerUnit: 5, minEfficientScaleUnitsPerMonth: 40, machineCost: 900, inHouseCostPerUnit: 8 }
labour:
  quitProbabilityPerMonth: 0.02
  wageJourneymanPerMonth: 150
policies:
  - kind: tradeFair
    towns: [Alpha]
    startYear: 2001
  - kind: credit
    name: Old credit
    startYear: 2002
`;

const dir = mkdtempSync(join(tmpdir(), 'clustersim-compose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const basePath = file('base.yaml', BASE);

function errorOf(nameOrPath: string, options: LoadOptions = {}): string {
  try {
    loadScenario(nameOrPath, options);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as Error).message;
  }
  throw new Error('expected a UserInputError, but the scenario loaded');
}

describe('extends', () => {
  it('merges mappings deeply: a variant changes one field and keeps its siblings', () => {
    const variant = file('deep.yaml', 'extends: base.yaml\nname: deep\nlabour:\n  quitProbabilityPerMonth: 0.05\n');
    const { params } = loadScenario(variant);
    expect(params.name).toBe('deep');
    expect(params.labour.quitProbabilityPerMonth).toBe(0.05);
    expect(params.labour.wageJourneymanPerMonth).toBe(150);
    expect(params.description).toBe('the base');
  });

  it('merges named lists by name, appends new names and keeps the order of the base', () => {
    const variant = file(
      'towns.yaml',
      `extends: base.yaml
name: towns
towns:
  - name: Beta
    initialFirms: 9
  - name: Gamma
    initialFirms: 1
    workersPerFirm: { min: 1, max: 1 }
    demand: { unitsPerMonth: 5, growthPerYear: 0 }
`,
    );
    const { params } = loadScenario(variant);
    expect(params.towns.map((t) => t.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(params.towns[1].initialFirms).toBe(9);
    expect(params.towns[1].demand.unitsPerMonth).toBe(20);
  });

  it('removes an item named with remove: true (a policy without a name is named by its kind)', () => {
    const variant = file(
      'remove.yaml',
      'extends: base.yaml\nname: removed\npolicies:\n  - { name: tradeFair, remove: true }\n  - { name: Old credit, remove: true }\n',
    );
    expect(loadScenario(variant).params.policies).toEqual([]);
  });

  it('an empty list in the variant empties the list (policies: [] drops every policy)', () => {
    const variant = file('no-policies.yaml', 'extends: base.yaml\nname: none\npolicies: []\n');
    expect(loadScenario(variant).params.policies).toEqual([]);
  });

  it('replaces values that are not mappings or named lists (a seasonality list)', () => {
    const season = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5];
    const variant = file('season.yaml', `extends: base.yaml\nname: season\nmarket:\n  seasonality: [${season}]\n`);
    expect(loadScenario(variant).params.market.seasonality).toEqual(season);
  });

  it('chains: a variant of a variant sees both layers, the nearest winning', () => {
    file('middle.yaml', 'extends: base.yaml\nname: middle\nyears: 5\nlabour: { wageJourneymanPerMonth: 200 }\n');
    const top = file('top.yaml', 'extends: middle.yaml\nname: top\nlabour: { wageJourneymanPerMonth: 250 }\n');
    const loaded = loadScenario(top);
    expect(loaded.params.years).toBe(5);
    expect(loaded.params.labour.wageJourneymanPerMonth).toBe(250);
    expect(loaded.sources.map((s) => s.role)).toEqual(['extends', 'extends', 'scenario']);
  });

  it('resolves a bundled scenario by name', () => {
    const variant = file('bundled.yaml', 'extends: punjab-farm-equipment\nname: punjab-short\nyears: 3\n');
    const { params } = loadScenario(variant);
    expect(params.towns).toHaveLength(8);
    expect(params.years).toBe(3);
  });

  it('an error in a value the variant wrote points at the variant file and line', () => {
    const variant = file(
      'bad-child.yaml',
      'extends: base.yaml\nname: bad\ntowns:\n  - name: Beta\n    initialFirms: -3\n',
    );
    expect(errorOf(variant)).toBe(`${variant}:5: towns[1].initialFirms: expected a number >= 0, got -3`);
  });

  it('an error in a value the base wrote points at the base file and line', () => {
    const badBase = file('bad-base.yaml', BASE.replace('growthPerYear: 0 }', 'growthPerYear: 7 }'));
    const variant = file('child-of-bad.yaml', 'extends: bad-base.yaml\nname: child\n');
    expect(errorOf(variant)).toBe(`${badBase}:13: towns[1].demand.growthPerYear: expected a number <= 2, got 7`);
  });

  it('an unknown key in the variant names the variant line, with did-you-mean', () => {
    const variant = file('typo.yaml', 'extends: base.yaml\nname: typo\nlabour:\n  wageJourneymanPerMonht: 3\n');
    expect(errorOf(variant)).toMatch(
      new RegExp(
        `^${variant}:4: labour\\.wageJourneymanPerMonht: unknown key \\(did you mean "wageJourneymanPerMonth"\\?\\)`,
      ),
    );
  });

  it('a missing base names extends, with did-you-mean among the bundled scenarios', () => {
    const variant = file('missing.yaml', 'name: missing\nextends: punjab-farm-equipmnt\n');
    expect(errorOf(variant)).toMatch(
      new RegExp(
        `^${variant}:2: extends: no scenario "punjab-farm-equipmnt" \\(did you mean "punjab-farm-equipment"\\?\\)`,
      ),
    );
  });

  it('a cycle names the files in it', () => {
    const a = file('cycle-a.yaml', 'extends: cycle-b.yaml\nname: a\n');
    file('cycle-b.yaml', 'extends: cycle-a.yaml\nname: b\n');
    expect(errorOf(a)).toMatch(
      /extends: expected no cycle, got .*cycle-a\.yaml -> .*cycle-b\.yaml -> .*cycle-a\.yaml$/,
    );
  });

  it('removing a name the base lacks names the item and lists the names there are', () => {
    const variant = file(
      'remove-missing.yaml',
      'extends: base.yaml\nname: r\ntowns:\n  - { name: Alpah, remove: true }\n',
    );
    expect(errorOf(variant)).toBe(
      `${variant}:4: towns[0].remove: no item "Alpah" to remove in the scenario this one extends (did you mean "Alpha"?); expected one of: Alpha, Beta`,
    );
  });

  it('extends that is not a string says what it expects', () => {
    const variant = file('extends-number.yaml', 'extends: 3\nname: n\n');
    expect(errorOf(variant)).toBe(`${variant}:1: extends: expected the name or path of a scenario, got 3`);
  });

  it('leaves the files it reads unchanged', () => {
    const before = readFileSync(basePath, 'utf8');
    loadScenario(file('untouched.yaml', 'extends: base.yaml\nname: u\ntowns: [{ name: Beta, remove: true }]\n'));
    expect(readFileSync(basePath, 'utf8')).toBe(before);
  });
});

describe('policy files and --policy', () => {
  const policyPath = file(
    'my-policy.yaml',
    `description: two policies
policies:
  - kind: trainingCentre
    graduatesPerYear: 7
  - kind: designProtection
    name: Protection
    protectionMonths: 12
    startYear: 2004
`,
  );

  it('appends the policies: every town and the scenario start by default, the file startYear where given', () => {
    const { params, sources, overrides } = loadScenario(basePath, { policies: [policyPath] });
    const added = params.policies.slice(2);
    expect(added.map((p) => p.kind)).toEqual(['trainingCentre', 'designProtection']);
    expect(added[0].townIndices).toEqual([0, 1]);
    expect(added[0].startYear).toBe(2000);
    expect(added[1].startYear).toBe(2004);
    expect(sources.map((s) => s.role)).toEqual(['scenario', 'policy']);
    expect(overrides).toEqual([`--policy ${policyPath}`]);
  });

  it('places the policies by town and year from the spec', () => {
    const { params } = loadScenario(basePath, { policies: [`${policyPath}@Beta:2007.5`] });
    for (const policy of params.policies.slice(2)) {
      expect(policy.towns).toEqual(['Beta']);
      expect(policy.townIndices).toEqual([1]);
      expect(policy.startYear).toBe(2007.5);
    }
  });

  it('bundled policies by name compose with a scenario, in order', () => {
    const { params } = loadScenario(basePath, {
      policies: ['common-facility@Alpha:2003', 'upgrading-package@Alpha+Beta'],
    });
    expect(params.policies.slice(2).map((p) => p.kind)).toEqual([
      'commonFacility',
      'trainingCentre',
      'credit',
      'exportLinkage',
    ]);
    expect(params.policies[2].townIndices).toEqual([0]);
    expect(params.policies[3].townIndices).toEqual([0, 1]);
  });

  it('a town the scenario lacks, placed by the spec, is the spec`s error', () => {
    expect(errorOf(basePath, { policies: ['training-centre@Gamma'] })).toBe(
      '--policy training-centre@Gamma: policies[2].towns[0]: expected a town of this scenario: Alpha, Beta, got "Gamma"',
    );
  });

  it('a process the scenario lacks, named by the policy file, points at the policy file line', () => {
    const noGear = file('no-gear.yaml', BASE.replace(/ {2}- \{ name: gearCutting.*\n/, ''));
    const message = errorOf(noGear, { policies: ['common-facility'] });
    expect(message).toMatch(
      /common-facility\.yaml:\d+: policies\[2\]\.processes\[0\]: expected a process of this scenario/,
    );
  });

  it('a bad value in a policy file points at that file and line, before any composition', () => {
    const bad = file(
      'bad-policy.yaml',
      'description: bad\npolicies:\n  - kind: designProtection\n    protectionMonths: -1\n',
    );
    expect(errorOf(basePath, { policies: [bad] })).toBe(
      `${bad}:4: policies[0].protectionMonths: expected a number >= 0, got -1`,
    );
  });

  it('an unknown key in a policy file lists the keys that policy kind has', () => {
    const bad = file('typo-policy.yaml', 'description: t\npolicies:\n  - kind: credit\n    fundPerTwn: 5\n');
    expect(errorOf(basePath, { policies: [bad] })).toMatch(
      new RegExp(`^${bad}:4: policies\\[0\\]\\.fundPerTwn: unknown key \\(did you mean "fundPerTown"\\?\\)`),
    );
  });

  it('a policy file with scenario fields is refused with the keys a policy file has', () => {
    const bad = file('scenario-as-policy.yaml', 'description: x\npolicies: []\ntowns: []\n');
    expect(errorOf(basePath, { policies: [bad] })).toMatch(
      /scenario-as-policy\.yaml:3: towns: unknown key; expected one of: description, policies/,
    );
  });

  it('an unknown policy name suggests the closest bundled one', () => {
    expect(errorOf(basePath, { policies: ['trainng-centre'] })).toMatch(
      /^--policy trainng-centre: no policy file \(did you mean "training-centre"\?\)/,
    );
  });

  it('a bad placement says what a spec looks like', () => {
    expect(errorOf(basePath, { policies: ['training-centre@'] })).toMatch(
      /a town name after @ is empty; expected NAME/,
    );
    expect(errorOf(basePath, { policies: ['training-centre:soon'] })).toMatch(/start year after : must be a year/);
  });

  it('a --set after a --policy can change a policy field the file wrote', () => {
    const { params } = loadScenario(basePath, {
      policies: [policyPath],
      set: ['policies[2].graduatesPerYear=40'],
    });
    expect(params.policies[2]).toMatchObject({ kind: 'trainingCentre', graduatesPerYear: 40 });
  });

  it('property: any town subset and year placed by the spec is what the policies get', () => {
    fc.assert(
      fc.property(
        fc.subarray(['Alpha', 'Beta'], { minLength: 1 }),
        fc.integer({ min: 1800, max: 2699 }),
        (towns, year) => {
          const spec = parsePolicySpec(`training-centre@${towns.join('+')}:${year}`);
          expect(spec.towns).toEqual(towns);
          expect(spec.startYear).toBe(year);
          const { params } = loadScenario(basePath, { policies: [spec.spec] });
          const added = params.policies[2];
          expect(added.towns).toEqual(towns);
          expect(added.startYear).toBe(year);
        },
      ),
      { numRuns: 30 },
    );
  });
});
