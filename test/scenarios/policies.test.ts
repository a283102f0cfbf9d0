/**
 * Policies in scenarios: each kind's defaults, the derived town indices and process
 * mask, --set into a policy, and every bad policy as a one-line error naming file:line
 * (or --set), the field path and what was expected (an unknown kind lists the kinds).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { loadScenario, parseScenarioText, type LoadOptions } from '../../scenarios/load.js';
import { UserInputError } from '../../scenarios/errors.js';
import { PATH_YEARS, POLICY_KINDS } from '../../scenarios/schema.js';
import type { PolicySchema } from '../../scenarios/schema/policies.js';
import type { PolicyParams } from '../../sim/params.js';

const BASE = `name: policies-test
startYear: 1980
years: 2
towns:
  - name: Daska
    initialFirms: 2
    workersPerFirm: { min: 1, max: 3 }
    demand: { unitsPerMonth: 10, growthPerYear: 0 }
  - name: Mian Channun
    initialFirms: 2
    workersPerFirm: { min: 1, max: 3 }
    demand: { unitsPerMonth: 10, growthPerYear: 0 }
  - name: Lahore
    initialFirms: 2
    workersPerFirm: { min: 1, max: 3 }
    demand: { unitsPerMonth: 10, growthPerYear: 0 }
processes:
  - { name: casting, vendorPricePerUnit: 40, minEfficientScaleUnitsPerMonth: 80, machineCost: 15000, inHouseCostPerUnit: 55 }
  - { name: gearCutting, vendorPricePerUnit: 45, minEfficientScaleUnitsPerMonth: 250, machineCost: 20000, inHouseCostPerUnit: 70 }
  - { name: heatTreatment, vendorPricePerUnit: 10, minEfficientScaleUnitsPerMonth: 80, machineCost: 5000, inHouseCostPerUnit: 16 }
`;

/** BASE (20 lines) with one common facility (its mapping starts on line 22). */
const FACILITY = `${BASE}policies:
  - kind: commonFacility
    towns: [Mian Channun]
    startYear: 1985
    processes: [heatTreatment, gearCutting]
`;

function errorOf(text: string, options: LoadOptions = {}): string {
  try {
    parseScenarioText(text, 'pol.yaml', options);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a UserInputError, but the scenario parsed');
}

const KINDS =
  'trainingCentre, commonFacility, rdExtension, credit, designProtection, association, tradeFair, exportLinkage';

describe('policies', () => {
  it('none by default', () => {
    expect(parseScenarioText(BASE, 'pol.yaml').params.policies).toEqual([]);
  });

  it('eight kinds, the ones sim/params.ts defines', () => {
    expect(POLICY_KINDS.join(', ')).toBe(KINDS);
    type Derived = 'townIndices' | 'processMask';
    type WithoutDerived<T> = T extends unknown ? Omit<T, Derived> : never;
    expectTypeOf<z.output<typeof PolicySchema>>().toEqualTypeOf<WithoutDerived<PolicyParams>>();
  });

  it('a common facility: its processes as a mask, its town as an index, the defaults', () => {
    expect(parseScenarioText(FACILITY, 'pol.yaml').params.policies).toEqual([
      {
        kind: 'commonFacility',
        name: 'commonFacility',
        towns: ['Mian Channun'],
        townIndices: [1],
        startYear: 1985,
        endYear: PATH_YEARS.max,
        costPerYear: 0,
        processes: ['heatTreatment', 'gearCutting'],
        processMask: 0b110,
        priceShareOfVendor: 0.8,
        capacityUnitsPerMonth: 500,
        courseSeatsPerYear: 10,
        courseCapabilityGain: 0.05,
      },
    ]);
  });

  it("every kind's defaults; no towns means every town", () => {
    const text = `${BASE}policies:\n${POLICY_KINDS.map(
      (kind) => `  - { kind: ${kind}, startYear: 1990${kind === 'commonFacility' ? ', processes: [casting]' : ''} }`,
    ).join('\n')}\n`;
    const { policies } = parseScenarioText(text, 'pol.yaml').params;
    const common = { towns: [], townIndices: [0, 1, 2], startYear: 1990, endYear: PATH_YEARS.max, costPerYear: 0 };
    expect(policies).toEqual([
      {
        kind: 'trainingCentre',
        name: 'trainingCentre',
        ...common,
        graduatesPerYear: 20,
        graduateSkill: 0.5,
        courseSeatsPerYear: 0,
        courseSkillGain: 0.2,
      },
      {
        kind: 'commonFacility',
        name: 'commonFacility',
        ...common,
        processes: ['casting'],
        processMask: 1,
        priceShareOfVendor: 0.8,
        capacityUnitsPerMonth: 500,
        courseSeatsPerYear: 10,
        courseCapabilityGain: 0.05,
      },
      {
        kind: 'rdExtension',
        name: 'rdExtension',
        ...common,
        partnersPerYear: 2,
        minPartnerCapability: 0.4,
        prototypeSubsidy: 5000,
        capabilityGain: 0.05,
      },
      {
        kind: 'credit',
        name: 'credit',
        ...common,
        creditLimitMonthsOfWageBill: 3,
        interestRatePerYear: 0.1,
        fundPerTown: 1e6,
      },
      { kind: 'designProtection', name: 'designProtection', ...common, protectionMonths: 24 },
      {
        kind: 'association',
        name: 'association',
        ...common,
        membershipShare: 0.5,
        trustBuildingYears: 5,
        facilitatedLearningPerMonth: 0.01,
        jointProjectCostShare: 0.5,
      },
      { kind: 'tradeFair', name: 'tradeFair', ...common, month: 3, reachHours: 3 },
      {
        kind: 'exportLinkage',
        name: 'exportLinkage',
        ...common,
        qualityThreshold: 0.6,
        foreignDemandUnitsPerMonth: 50,
        priceIndex: 1.2,
      },
    ]);
  });

  it('keeps a name, towns in the order given, years and cost as written', () => {
    const text = `${BASE}policies:
  - { kind: credit, name: SME credit, towns: [Lahore, Daska], startYear: 1990.5, endYear: 2000, costPerYear: 5e5 }
`;
    const [credit] = parseScenarioText(text, 'pol.yaml').params.policies;
    expect(credit).toMatchObject({
      name: 'SME credit',
      towns: ['Lahore', 'Daska'],
      townIndices: [2, 0],
      startYear: 1990.5,
      endYear: 2000,
      costPerYear: 5e5,
    });
  });

  it('the Punjab scenario: the Mian Channun facility, the FMI extension in Daska, the Lahore show', () => {
    const { params } = loadScenario('punjab-farm-equipment');
    const town = (name: string) => params.towns.findIndex((candidate) => candidate.name === name);
    const bit = (name: string) => 1 << params.processes.findIndex((process) => process.name === name);
    expect(params.policies.map((policy) => [policy.kind, policy.townIndices])).toEqual([
      ['commonFacility', [town('Mian Channun')]],
      ['rdExtension', [town('Daska')]],
      ['tradeFair', [town('Lahore')]],
    ]);
    const facility = params.policies[0];
    expect(facility.kind === 'commonFacility' && facility.processMask).toBe(bit('gearCutting') | bit('heatTreatment'));
  });
});

describe('--set into policies and the new groups', () => {
  it('a policy field, a new group and a new field of an old group', () => {
    const { params, overrides } = parseScenarioText(FACILITY, 'pol.yaml', {
      set: [
        'policies[0].startYear=1980',
        'policies.0.capacityUnitsPerMonth=50',
        'innovation.noveltyMarkup=0.5',
        'kin.groups=1',
        'labour.wageCapabilityPremium=0',
      ],
    });
    expect(params.policies[0]).toMatchObject({ startYear: 1980, capacityUnitsPerMonth: 50 });
    expect(params.innovation.noveltyMarkup).toBe(0.5);
    expect(params.innovation.copyCost).toBe(800);
    expect(params.kin.groups).toBe(1);
    expect(params.labour.wageCapabilityPremium).toBe(0);
    expect(overrides).toHaveLength(5);
  });

  it('a whole policy list', () => {
    const { params } = parseScenarioText(BASE, 'pol.yaml', {
      set: ['policies=[{kind: tradeFair, towns: [Lahore], startYear: 1985, month: 2}]'],
    });
    expect(params.policies[0]).toMatchObject({ kind: 'tradeFair', townIndices: [2], month: 2, reachHours: 3 });
  });

  it('errors in what --set wrote name the --set', () => {
    expect(errorOf(FACILITY, { set: ['policies[0].kind=fair'] })).toBe(
      `--set policies[0].kind=fair: policies[0].kind: expected one of ${KINDS}, got "fair"`,
    );
    expect(errorOf(FACILITY, { set: ['policies[0].capacityUnitsPerMnth=3'] })).toMatch(
      /^--set policies\[0\]\.capacityUnitsPerMnth=3: policies\[0\]\.capacityUnitsPerMnth: unknown key \(did you mean "capacityUnitsPerMonth"\?\)/,
    );
    expect(errorOf(FACILITY, { set: ['policies[0].endYear=1985'] })).toBe(
      '--set policies[0].endYear=1985: policies[0].endYear: expected a year after startYear (1985), got 1985',
    );
    expect(errorOf(FACILITY, { set: ['innovation.noveltyLifeMonths=0'] })).toBe(
      '--set innovation.noveltyLifeMonths=0: innovation.noveltyLifeMonths: expected a number >= 1, got 0',
    );
  });
});

describe('bad policies: one line with file:line, the field path and the expectation', () => {
  const policy = (body: string) => `${BASE}policies:\n  - ${body}\n`;

  it('an unknown kind lists the kinds, with did-you-mean', () => {
    expect(errorOf(policy('{ kind: trainingCenter, startYear: 1990 }'))).toBe(
      `pol.yaml:22: policies[0].kind: expected one of ${KINDS}, got "trainingCenter" (did you mean "trainingCentre"?)`,
    );
  });

  it('a missing kind lists the kinds', () => {
    expect(errorOf(policy('{ startYear: 1990 }'))).toBe(
      `pol.yaml:22: policies[0].kind: expected one of ${KINDS}, got nothing (the field is missing)`,
    );
  });

  it('a policy that is not a mapping', () => {
    expect(errorOf(policy('credit'))).toBe('pol.yaml:22: policies[0]: expected a mapping, got "credit"');
  });

  it("a misspelt field: did-you-mean and the kind's own fields", () => {
    expect(errorOf(policy('{ kind: tradeFair, startYear: 1990, montth: 2 }'))).toBe(
      'pol.yaml:22: policies[0].montth: unknown key (did you mean "month"?); expected one of: kind, name, towns, startYear, endYear, costPerYear, month, reachHours',
    );
  });

  it("another kind's field is unknown", () => {
    expect(errorOf(policy('{ kind: credit, startYear: 1990, month: 2 }'))).toMatch(
      /^pol\.yaml:22: policies\[0\]\.month: unknown key; expected one of: kind, name, towns, startYear, endYear, costPerYear, creditLimitMonthsOfWageBill, interestRatePerYear, fundPerTown$/,
    );
  });

  it('a missing start year', () => {
    expect(errorOf(policy('{ kind: credit }'))).toBe(
      'pol.yaml:22: policies[0].startYear: expected a number, got nothing (the field is missing)',
    );
  });

  it('an end year not after the start year', () => {
    expect(errorOf(policy('{ kind: credit, startYear: 1990, endYear: 1989 }'))).toBe(
      'pol.yaml:22: policies[0].endYear: expected a year after startYear (1990), got 1989',
    );
  });

  it('a start year outside the years a path may name', () => {
    expect(errorOf(policy('{ kind: credit, startYear: 1700 }'))).toBe(
      `pol.yaml:22: policies[0].startYear: expected a number >= ${PATH_YEARS.min}, got 1700`,
    );
  });

  it('a town the scenario lacks, with did-you-mean', () => {
    expect(errorOf(FACILITY.replace('[Mian Channun]', '[Mian Chanun]'))).toBe(
      'pol.yaml:23: policies[0].towns[0]: expected a town of this scenario (did you mean "Mian Channun"?): Daska, Mian Channun, Lahore, got "Mian Chanun"',
    );
  });

  it('a town named twice', () => {
    expect(errorOf(FACILITY.replace('[Mian Channun]', '[Mian Channun, Daska, Mian Channun]'))).toBe(
      'pol.yaml:23: policies[0].towns[2]: expected each town once (towns[0] of this policy names it too), got "Mian Channun"',
    );
  });

  it("a common facility's process the scenario lacks, with did-you-mean", () => {
    expect(errorOf(FACILITY.replace('[heatTreatment, gearCutting]', '[heatTreatment, gearCuting]'))).toBe(
      'pol.yaml:25: policies[0].processes[1]: expected a process of this scenario (did you mean "gearCutting"?): casting, gearCutting, heatTreatment, got "gearCuting"',
    );
  });

  it('a common facility offering a process twice, or none, or without the field', () => {
    expect(errorOf(FACILITY.replace('[heatTreatment, gearCutting]', '[casting, casting]'))).toBe(
      'pol.yaml:25: policies[0].processes[1]: expected each process once (processes[0] of this policy names it too), got "casting"',
    );
    expect(errorOf(FACILITY.replace('[heatTreatment, gearCutting]', '[]'))).toBe(
      'pol.yaml:25: policies[0].processes: expected at least 1 items, got a list of 0',
    );
    expect(errorOf(FACILITY.replace('    processes: [heatTreatment, gearCutting]\n', ''))).toBe(
      'pol.yaml:22: policies[0].processes: expected a list, got nothing (the field is missing)',
    );
  });

  it('out-of-range fields of a kind', () => {
    expect(errorOf(policy('{ kind: tradeFair, startYear: 1990, month: 13 }'))).toBe(
      'pol.yaml:22: policies[0].month: expected a number <= 12, got 13',
    );
    expect(errorOf(policy('{ kind: designProtection, startYear: 1990, protectionMonths: 1.5 }'))).toBe(
      'pol.yaml:22: policies[0].protectionMonths: expected an integer, got 1.5',
    );
    expect(errorOf(policy('{ kind: exportLinkage, startYear: 1990, priceIndex: 0 }'))).toBe(
      'pol.yaml:22: policies[0].priceIndex: expected a number >= 0.01, got 0',
    );
  });
});
