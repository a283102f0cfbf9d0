/**
 * Yearly paths in scenarios (shocks and imports): defaults that mean "no shock, no
 * imports", paths and per-town paths kept as written, and one-line errors naming the
 * file:line (or --set), the path of the bad field and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText, type LoadOptions } from '../../scenarios/load.js';
import { UserInputError } from '../../scenarios/errors.js';
import { PATH_YEARS } from '../../scenarios/schema.js';

const BASE = `name: paths-test
startYear: 1990
years: 2
towns:
  - name: Bogra
    initialFirms: 1
    workersPerFirm: { min: 1, max: 1 }
    demand: { unitsPerMonth: 1, growthPerYear: 0 }
  - name: Tipu Sultan Road
    initialFirms: 1
    workersPerFirm: { min: 1, max: 1 }
    demand: { unitsPerMonth: 1, growthPerYear: 0 }
`;

function errorOf(text: string, options: LoadOptions = {}): string {
  try {
    parseScenarioText(text, 'paths.yaml', options);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a UserInputError, but the scenario parsed');
}

describe('defaults: no shock and no imports', () => {
  const { params } = parseScenarioText(BASE, 'paths.yaml');

  it('every shock path is a constant 1, and half of a material price change is passed on', () => {
    expect(params.shocks.materialPriceIndex).toEqual([{ year: 2000, value: 1 }]);
    expect(params.shocks.powerAvailability).toEqual([{ year: 2000, value: 1 }]);
    expect(params.shocks.demandIndex).toEqual([{ year: 2000, value: 1 }]);
    expect(params.shocks.materialPassThrough).toBe(0.5);
  });

  it('imports can supply nothing (capacity share 0), at price index 1 and quality 0.5', () => {
    expect(params.imports.capacityShare).toEqual([{ year: 2000, value: 0 }]);
    expect(params.imports.priceIndex).toEqual([{ year: 2000, value: 1 }]);
    expect(params.imports.quality).toEqual([{ year: 2000, value: 0.5 }]);
  });

  it('towns have no paths of their own', () => {
    for (const town of params.towns) {
      expect(town.shocks).toBeUndefined();
      expect(town.imports).toBeUndefined();
    }
  });
});

describe('paths as written', () => {
  it('keeps scenario-wide and per-town paths, fractional years included', () => {
    const { params } = parseScenarioText(
      `${BASE}shocks:
  materialPriceIndex:
    - { year: 2005, value: 1 }
    - { year: 2008.5, value: 1.8 } # "high prices of hard coke and pig iron"
  materialPassThrough: 0.2
imports:
  capacityShare:
    - { year: 1990, value: 0 }
    - { year: 2000, value: 0.4 }
`.replace(
        '  - name: Tipu Sultan Road\n',
        `  - name: Tipu Sultan Road
    shocks:
      demandIndex: [{ year: 2008, value: 1 }, { year: 2010, value: 0.3 }] # jute mill items
    imports:
      priceIndex: [{ year: 2000, value: 0.7 }]
`,
      ),
      'paths.yaml',
    );
    expect(params.shocks.materialPriceIndex).toEqual([
      { year: 2005, value: 1 },
      { year: 2008.5, value: 1.8 },
    ]);
    expect(params.shocks.materialPassThrough).toBe(0.2);
    expect(params.imports.capacityShare[1]).toEqual({ year: 2000, value: 0.4 });
    expect(params.towns[0].shocks).toBeUndefined();
    expect(params.towns[1].shocks).toEqual({
      demandIndex: [
        { year: 2008, value: 1 },
        { year: 2010, value: 0.3 },
      ],
    });
    expect(params.towns[1].imports).toEqual({ priceIndex: [{ year: 2000, value: 0.7 }] });
  });

  it('--set replaces a whole path, or one value of the default path', () => {
    const whole = parseScenarioText(BASE, 'paths.yaml', {
      set: ['shocks.powerAvailability=[{year: 1990, value: 1}, {year: 1991, value: 0.6}]'],
    });
    expect(whole.params.shocks.powerAvailability).toEqual([
      { year: 1990, value: 1 },
      { year: 1991, value: 0.6 },
    ]);
    const one = parseScenarioText(BASE, 'paths.yaml', { set: ['imports.capacityShare[0].value=0.3'] });
    expect(one.params.imports.capacityShare).toEqual([{ year: 2000, value: 0.3 }]);
    const town = parseScenarioText(BASE, 'paths.yaml', {
      set: ['towns.Tipu Sultan Road.shocks.demandIndex=[{year: 1991, value: 0.5}]'],
    });
    expect(town.params.towns[1].shocks).toEqual({ demandIndex: [{ year: 1991, value: 0.5 }] });
  });

  it('accepts the bounds of the year range', () => {
    const { params } = parseScenarioText(
      `${BASE}shocks:
  demandIndex: [{ year: ${PATH_YEARS.min}, value: 0 }, { year: ${PATH_YEARS.max}, value: 100 }]
`,
      'paths.yaml',
    );
    expect(params.shocks.demandIndex).toHaveLength(2);
  });
});

describe('bad paths: one line with file:line, the field path and the expectation', () => {
  it('years that do not increase', () => {
    expect(
      errorOf(`${BASE}shocks:
  materialPriceIndex:
    - { year: 1995, value: 1 }
    - { year: 1990, value: 2 }
`),
    ).toBe(
      'paths.yaml:16: shocks.materialPriceIndex[1].year: expected a year after 1995 (the years of a path must be strictly increasing), got 1990',
    );
  });

  it('a repeated year', () => {
    expect(
      errorOf(`${BASE}imports:
  quality:
    - { year: 1995, value: 0.2 }
    - { year: 2000, value: 0.4 }
    - { year: 2000, value: 0.6 }
`),
    ).toBe(
      'paths.yaml:17: imports.quality[2].year: expected a year after 2000 (the years of a path must be strictly increasing), got 2000',
    );
  });

  it('a value out of the field’s range', () => {
    expect(
      errorOf(`${BASE}shocks:
  powerAvailability:
    - { year: 1995, value: 1 }
    - { year: 1996, value: 1.5 }
`),
    ).toBe('paths.yaml:16: shocks.powerAvailability[1].value: expected a number <= 1, got 1.5');
    expect(errorOf(`${BASE}shocks:\n  demandIndex: [{ year: 1995, value: -0.1 }]\n`)).toBe(
      'paths.yaml:14: shocks.demandIndex[0].value: expected a number >= 0, got -0.1',
    );
    expect(errorOf(`${BASE}imports:\n  capacityShare: [{ year: 1995, value: 2 }]\n`)).toBe(
      'paths.yaml:14: imports.capacityShare[0].value: expected a number <= 1, got 2',
    );
    expect(errorOf(`${BASE}imports:\n  priceIndex: [{ year: 1995, value: 0 }]\n`)).toBe(
      'paths.yaml:14: imports.priceIndex[0].value: expected a number >= 0.01, got 0',
    );
  });

  it('a year out of range', () => {
    expect(errorOf(`${BASE}shocks:\n  demandIndex: [{ year: 1700, value: 1 }]\n`)).toBe(
      'paths.yaml:14: shocks.demandIndex[0].year: expected a number >= 1800, got 1700',
    );
    expect(errorOf(`${BASE}shocks:\n  demandIndex: [{ year: 3000, value: 1 }]\n`)).toBe(
      'paths.yaml:14: shocks.demandIndex[0].year: expected a number <= 2700, got 3000',
    );
  });

  it('an empty path, a missing value and a misspelt key', () => {
    expect(errorOf(`${BASE}shocks:\n  demandIndex: []\n`)).toBe(
      'paths.yaml:14: shocks.demandIndex: expected at least 1 items, got a list of 0',
    );
    expect(errorOf(`${BASE}shocks:\n  demandIndex: [{ year: 1995 }]\n`)).toBe(
      'paths.yaml:14: shocks.demandIndex[0].value: expected a number, got nothing (the field is missing)',
    );
    expect(errorOf(`${BASE}shocks:\n  demandIndex:\n    - { yaer: 1995, value: 1 }\n`)).toBe(
      'paths.yaml:15: shocks.demandIndex[0].yaer: unknown key (did you mean "year"?); expected one of: year, value',
    );
    expect(errorOf(`${BASE}shocks:\n  power: [{ year: 1995, value: 1 }]\n`)).toBe(
      'paths.yaml:14: shocks.power: unknown key; expected one of: materialPriceIndex, powerAvailability, demandIndex, materialPassThrough, sectorDemandIndex',
    );
  });

  it('in a town’s own path', () => {
    const text = BASE.replace(
      '  - name: Tipu Sultan Road\n',
      `  - name: Tipu Sultan Road
    shocks:
      demandIndex:
        - { year: 2008, value: 1 }
        - { year: 2007, value: 0.3 }
`,
    );
    expect(errorOf(text)).toBe(
      'paths.yaml:13: towns[1].shocks.demandIndex[1].year: expected a year after 2008 (the years of a path must be strictly increasing), got 2007',
    );
  });

  it('set by --set: names the --set expression', () => {
    const expression = 'shocks.demandIndex=[{year: 1991, value: 1}, {year: 1990, value: 2}]';
    expect(errorOf(BASE, { set: [expression] })).toBe(
      `--set ${expression}: shocks.demandIndex[1].year: expected a year after 1991 (the years of a path must be strictly increasing), got 1990`,
    );
    expect(errorOf(BASE, { set: ['shocks.powerAvailability[0].value=1.2'] })).toBe(
      '--set shocks.powerAvailability[0].value=1.2: shocks.powerAvailability[0].value: expected a number <= 1, got 1.2',
    );
  });
});
