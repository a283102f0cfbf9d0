/**
 * The scenario loader in-process: defaults, --set (by index, by town name, `[i]`),
 * --years, recorded overrides and where errors point; then fast-check properties:
 * --set round-trips every in-range value, refuses every out-of-range one with one
 * line, parsing is pure and deterministic, and junk text only ever gives UserInputError.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadScenario, parseScenarioText, type LoadOptions, type LoadedScenario } from '../../scenarios/load.js';
import { UserInputError } from '../../scenarios/errors.js';
import { scenarioJsonSchemaText } from '../../scenarios/jsonSchema.js';
import { REPO_ROOT } from '../helpers/cli.js';

const PUNJAB_FILE = join(REPO_ROOT, 'scenarios', 'punjab-farm-equipment.yaml');
const PUNJAB = readFileSync(PUNJAB_FILE, 'utf8');

/** Only the required fields: everything else must come from the defaults. */
const MINIMAL = `name: minimal
startYear: 2000
years: 3
towns:
  - name: Alpha
    initialFirms: 4
    workersPerFirm: { min: 2, max: 6 }
    demand: { unitsPerMonth: 50, growthPerYear: 0.1 }
  - name: Beta Town
    initialFirms: 1
    workersPerFirm: { min: 1, max: 1 }
    demand: { unitsPerMonth: 5, growthPerYear: 0 }
`;

const tmp = mkdtempSync(join(tmpdir(), 'clustersim-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The UserInputError message parsing throws, or fails the test. */
function errorOf(text: string, options: LoadOptions = {}, file = 'f.yaml'): string {
  try {
    parseScenarioText(text, file, options);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as Error).message;
  }
  throw new Error('expected a UserInputError, but the scenario parsed');
}

/** The value at `path`, or undefined where the path leaves the value (an empty list, a null). */
function getIn(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | null | undefined)?.[key],
    root,
  );
}

function setIn(root: unknown, path: readonly (string | number)[], value: unknown): void {
  const parent = getIn(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = value;
}

describe('defaults', () => {
  const loaded = parseScenarioText(MINIMAL, 'minimal.yaml');

  it('fills in every optional field from the schema', () => {
    const { params } = loaded;
    expect(params.description).toBe('');
    expect(params.moneyUnit).toBe('money');
    expect(params.market.seasonality).toEqual([0.9, 0.8, 1.0, 1.3, 1.2, 1.0, 0.8, 0.7, 0.9, 1.3, 1.2, 0.9]);
    expect(params.market.materialCostPerUnit).toBe(400);
    expect(params.market.markupHalvingRivals).toBe(20);
    expect(params.labour.quitProbabilityPerMonth).toBe(0.01);
    expect(params.labour.apprenticeshipMonths).toBe(24);
    expect(params.capability.effortShareOfProfit).toBe(0.1);
    expect(params.entry.spinOffProbabilityPerMonth).toBe(0.002);
    expect(params.entry.spinOffMinTenureMonths).toBe(36);
    expect(params.exit.lossMonthsToExit).toBe(12);
    expect(params.towns[0].initialCapability).toEqual({ min: 0.1, max: 0.3 });
    expect(params.towns[1].initialSkill).toEqual({ min: 0.3, max: 0.7 });
  });

  it('keeps what the file says', () => {
    expect(loaded.params.name).toBe('minimal');
    expect(loaded.params.years).toBe(3);
    expect(loaded.params.towns.map((town) => town.name)).toEqual(['Alpha', 'Beta Town']);
    expect(loaded.params.towns[0].workersPerFirm).toEqual({ min: 2, max: 6 });
  });

  it('every default is what the JSON Schema advertises', () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as {
      properties: Record<string, { properties?: Record<string, { default?: unknown }> }>;
    };
    const sections = [
      'market',
      'labour',
      'capability',
      'entry',
      'exit',
      'vendors',
      'innovation',
      'imitation',
      'kin',
      'upgrading',
    ] as const;
    for (const section of sections) {
      for (const [key, field] of Object.entries(schema.properties[section].properties ?? {})) {
        expect((loaded.params[section] as unknown as Record<string, unknown>)[key], `${section}.${key}`).toEqual(
          field.default,
        );
      }
    }
  });

  it('records the file, the sha256 of its text and no overrides', () => {
    expect(loaded.file).toBe('minimal.yaml');
    expect(loaded.fileHash).toBe(createHash('sha256').update(MINIMAL).digest('hex'));
    expect(loaded.overrides).toEqual([]);
  });

  it('drops $schema from the parameters', () => {
    const params = parseScenarioText(`$schema: ./scenario.schema.json\n${MINIMAL}`, 'f.yaml').params;
    expect(params).not.toHaveProperty('$schema');
    expect(params).toEqual(loaded.params);
  });
});

describe('loadScenario', () => {
  it('loads the bundled scenario by bare name and by path, identically', () => {
    const byName = loadScenario('punjab-farm-equipment');
    const byPath = loadScenario(PUNJAB_FILE);
    expect(byName.params.name).toBe('punjab-farm-equipment');
    expect(byName.params).toEqual(byPath.params);
    expect(byName.fileHash).toBe(byPath.fileHash);
    expect(byName.params.towns).toHaveLength(8);
  });

  it('a missing file is a UserInputError naming it', () => {
    const missing = join(tmp, 'missing.yaml');
    expect(() => loadScenario(missing)).toThrow(UserInputError);
    expect(() => loadScenario(missing)).toThrow(`${missing}: scenario file not found`);
  });

  it('a directory is a UserInputError', () => {
    const sub = join(tmp, 'sub');
    mkdirSync(sub, { recursive: true });
    expect(() => loadScenario(sub)).toThrow(`${sub}: cannot read file (it is a directory)`);
  });

  it('passes options through to the parser', () => {
    const file = join(tmp, 'minimal.yaml');
    writeFileSync(file, MINIMAL);
    const loaded = loadScenario(file, { set: ['towns.Alpha.initialFirms=9'], years: 7 });
    expect(loaded.params.towns[0].initialFirms).toBe(9);
    expect(loaded.params.years).toBe(7);
    expect(loaded.overrides).toEqual(['--set towns.Alpha.initialFirms=9', '--years 7']);
  });
});

describe('--set', () => {
  const parse = (...set: string[]) => parseScenarioText(MINIMAL, 'minimal.yaml', { set });

  it('by index with [i] syntax', () => {
    expect(parse('towns[1].initialFirms=40').params.towns[1].initialFirms).toBe(40);
  });

  it('by index with dotted syntax', () => {
    expect(parse('towns.1.initialFirms=40').params.towns[1].initialFirms).toBe(40);
  });

  it('by town name, including a name with a space', () => {
    expect(parse('towns.Alpha.demand.growthPerYear=0.25').params.towns[0].demand.growthPerYear).toBe(0.25);
    expect(parse('towns.Beta Town.initialFirms=7').params.towns[1].initialFirms).toBe(7);
  });

  it('changes only the value it names', () => {
    const base = parse().params;
    const changed = parse('towns[0].workersPerFirm.max=8').params;
    const expected = structuredClone(base);
    expected.towns[0].workersPerFirm.max = 8;
    expect(changed).toEqual(expected);
  });

  it("into a section the file leaves out, keeping that section's other defaults", () => {
    const { params } = parse('labour.quitProbabilityPerMonth=0.03');
    expect(params.labour.quitProbabilityPerMonth).toBe(0.03);
    expect(params.labour.layoffProbabilityPerMonth).toBe(0.05);
  });

  it('one end of a range the file leaves out keeps the default other end', () => {
    const { params } = parse('towns.Alpha.initialSkill.max=0.9', 'towns[1].initialCapability.min=0.2');
    expect(params.towns[0].initialSkill).toEqual({ min: 0.3, max: 0.9 });
    expect(params.towns[1].initialCapability).toEqual({ min: 0.2, max: 0.3 });
  });

  it('an element of a list, and a whole list', () => {
    expect(parse('market.seasonality[3]=2').params.market.seasonality[3]).toBe(2);
    expect(parse('market.seasonality=[1,1,1,1,1,1,1,1,1,1,1,1]').params.market.seasonality).toEqual(Array(12).fill(1));
  });

  it('a string value, with = signs and spaces kept', () => {
    expect(parse('description=a = b, with spaces').params.description).toBe('a = b, with spaces');
  });

  it('applies expressions in order, the last one winning', () => {
    expect(parse('years=5', 'years=9').params.years).toBe(9);
  });

  it('records every override, in order, with --years last', () => {
    const loaded = parseScenarioText(MINIMAL, 'minimal.yaml', {
      set: ['years=5', 'towns.Alpha.initialFirms=2'],
      years: 11,
    });
    expect(loaded.overrides).toEqual(['--set years=5', '--set towns.Alpha.initialFirms=2', '--years 11']);
    expect(loaded.params.years).toBe(11);
  });

  it('does not change the file hash', () => {
    expect(parse('years=5').fileHash).toBe(parse().fileHash);
  });
});

describe('--years', () => {
  it('overrides the horizon and is recorded', () => {
    const loaded = parseScenarioText(PUNJAB, PUNJAB_FILE, { years: 1 });
    expect(loaded.params.years).toBe(1);
    expect(loaded.overrides).toEqual(['--years 1']);
  });

  it('out of range names --years as the source', () => {
    expect(errorOf(MINIMAL, { years: 0 })).toBe('--years 0: years: expected a number >= 1, got 0');
    expect(errorOf(MINIMAL, { years: 501 })).toBe('--years 501: years: expected a number <= 500, got 501');
  });
});

describe('where errors point', () => {
  it('a value in the file: file:line, path, expectation, value', () => {
    const text = MINIMAL.replace('growthPerYear: 0 }', 'growthPerYear: -3 }');
    expect(errorOf(text)).toBe('f.yaml:12: towns[1].demand.growthPerYear: expected a number >= -0.9, got -3');
  });

  it('a block-style value points at its own line', () => {
    const text = `${MINIMAL}entry:\n  demonstrationWeight: 2\n  spinOffMinSkill: 7\n`;
    expect(errorOf(text)).toBe('f.yaml:15: entry.spinOffMinSkill: expected a number <= 1, got 7');
  });

  it('an unknown key: its own line, with did-you-mean and the known keys', () => {
    const text = `${MINIMAL}exit:\n  lossMonthToExit: 3\n`;
    expect(errorOf(text)).toBe(
      'f.yaml:14: exit.lossMonthToExit: unknown key (did you mean "lossMonthsToExit"?); expected one of: lossMonthsToExit, ownerPatienceMonths, ownerGiveUpProbabilityPerMonth',
    );
  });

  it('a misspelt key is reported as unknown rather than as the field it leaves missing', () => {
    const text = MINIMAL.replace('    workersPerFirm: { min: 2, max: 6 }', '    workersPerFrim: { min: 2, max: 6 }');
    expect(errorOf(text)).toMatch(
      /^f\.yaml:7: towns\[0\]\.workersPerFrim: unknown key \(did you mean "workersPerFirm"\?\)/,
    );
  });

  it('a value set by --set: the --set expression, the resolved path', () => {
    expect(errorOf(MINIMAL, { set: ['towns.Beta Town.initialFirms=-1'] })).toBe(
      '--set towns.Beta Town.initialFirms=-1: towns[1].initialFirms: expected a number >= 0, got -1',
    );
  });

  it('an unknown key set by --set: the --set expression', () => {
    expect(errorOf(MINIMAL, { set: ['market.markupMx=1'] })).toMatch(
      /^--set market\.markupMx=1: market\.markupMx: unknown key \(did you mean "markupMax"\?\)/,
    );
  });

  it('an error in the file is still located in the file when --set touched something else', () => {
    const text = MINIMAL.replace('years: 3', 'years: 0');
    expect(errorOf(text, { set: ['labour.quitProbabilityPerMonth=0.02'] })).toBe(
      'f.yaml:3: years: expected a number >= 1, got 0',
    );
  });

  it('an error inside what a --set created names the --set, not the file', () => {
    expect(errorOf(MINIMAL, { set: ['towns.Alpha.initialCapability.max=0.05'] })).toBe(
      '--set towns.Alpha.initialCapability.max=0.05: towns[0].initialCapability.min: min must not exceed max, got 0.1',
    );
    expect(errorOf(MINIMAL, { set: ['market.seasonality[12]=1'] })).toMatch(
      /^--set market\.seasonality\[12\]=1: market\.seasonality: no item "12"; expected an index below 12/,
    );
  });

  it('an error in a subtree replaced by --set names the --set', () => {
    expect(errorOf(MINIMAL, { set: ['towns[0].demand={unitsPerMonth: 1}'] })).toBe(
      '--set towns[0].demand={unitsPerMonth: 1}: towns[0].demand.growthPerYear: expected a number, got nothing (the field is missing)',
    );
  });

  it('malformed YAML: file:line and the reason', () => {
    expect(errorOf('name: x\nyears: [1, 2\nstartYear: 3\n')).toMatch(/^f\.yaml:\d+: malformed YAML: \S/);
    expect(errorOf('a: 1\nb: 2\nc: 3\nd: x: y\n')).toBe(
      'f.yaml:4: malformed YAML: Nested mappings are not allowed in compact mappings',
    );
  });

  it('--set syntax errors name the expression', () => {
    expect(errorOf(MINIMAL, { set: ['years'] })).toMatch(/^--set years: expected path=value/);
    expect(errorOf(MINIMAL, { set: ['=1'] })).toMatch(/^--set =1: expected path=value/);
    expect(errorOf(MINIMAL, { set: ['...=1'] })).toMatch(/^--set \.\.\.=1: expected path=value/);
  });

  it('--set to a missing town lists the towns', () => {
    expect(errorOf(MINIMAL, { set: ['towns.Gamma.initialFirms=1'] })).toBe(
      '--set towns.Gamma.initialFirms=1: towns: no item "Gamma"; expected an index below 2 or one of: Alpha, Beta Town',
    );
  });

  it('--set through a scalar names the scalar', () => {
    expect(errorOf(MINIMAL, { set: ['years.max=1'] })).toBe('--set years.max=1: years: is 3, not a mapping or list');
  });

  it('YAML 1.1 tags are not a way round the schema: !!omap, !!set and !!binary content is checked', () => {
    expect(errorOf(`${MINIMAL}market: !!omap [markupMax: 99]\n`)).toBe(
      'f.yaml:13: market: expected a mapping, got a list of 1',
    );
    expect(errorOf(`${MINIMAL}market: !!set { markupMx }\n`)).toMatch(
      /^f\.yaml:13: market\.markupMx: unknown key \(did you mean "markupMax"\?\)/,
    );
    expect(errorOf(MINIMAL, { set: ['market=!!omap [markupMax: 99]'] })).toBe(
      '--set market=!!omap [markupMax: 99]: market: expected a mapping, got a list of 1',
    );
    expect(errorOf(MINIMAL, { set: ['constructor=!!binary x', 'constructor.0=['] })).toMatch(
      /^--set constructor\.0=\[: constructor: /,
    );
    expect(parseScenarioText(`${MINIMAL}description: !!binary aGVsbG8=\n`, 'f.yaml').params.description).toBe(
      'aGVsbG8=',
    );
  });

  it('an unresolved alias and an alias explosion are UserInputErrors', () => {
    expect(errorOf(`${MINIMAL}description: *nowhere\n`)).toMatch(/^f\.yaml: malformed YAML: .*nowhere/);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(errorOf(bomb)).toMatch(/^f\.yaml: malformed YAML: /);
  });
});

describe('no prototype pollution', () => {
  const prototypeKeys = () => [
    Object.getOwnPropertyNames(Object.prototype),
    Object.getOwnPropertyNames(Array.prototype),
  ];

  it.each([
    '__proto__.polluted=1',
    'constructor.prototype.polluted=1',
    'towns.0.__proto__.polluted=1',
    'market.__proto__=1',
    'towns.__proto__.polluted=1',
  ])('--set %s is refused and leaves the prototypes alone', (expression) => {
    const before = prototypeKeys();
    expect(errorOf(MINIMAL, { set: [expression] })).toMatch(
      new RegExp(`^--set ${expression.replace(/[.[\]]/g, '\\$&')}: `),
    );
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a __proto__ key in the file is an unknown key', () => {
    expect(errorOf(`${MINIMAL}__proto__:\n  polluted: 1\n`)).toMatch(/^f\.yaml:13: __proto__: unknown key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// --- properties -------------------------------------------------------------------

interface NumericParameter {
  /** Canonical path, as the error messages print it, e.g. towns[0].demand.growthPerYear. */
  path: string;
  segments: (string | number)[];
  integer: boolean;
  min: number;
  max: number;
  minExcluded: boolean;
}

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

const PUNJAB_PARAMS = parseScenarioText(PUNJAB, PUNJAB_FILE).params;

/**
 * Every numeric parameter of the scenario, with its bounds, from the JSON Schema (emitted
 * from zod). Optional fields without a default that the default scenario leaves out (a
 * town's own shock and import paths) are skipped: --set cannot reach into what is not
 * there; test/scenarios/paths.test.ts covers them.
 */
function numericParameters(): NumericParameter[] {
  const found: NumericParameter[] = [];
  const walk = (node: JsonSchemaNode, segments: (string | number)[]) => {
    if (node.type === 'number' || node.type === 'integer') {
      const min = node.exclusiveMinimum ?? node.minimum;
      if (min === undefined || node.maximum === undefined) throw new Error(`unbounded ${segments.join('.')}`);
      found.push({
        path: segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join(''),
        segments,
        integer: node.type === 'integer',
        min,
        max: node.maximum,
        minExcluded: node.exclusiveMinimum !== undefined,
      });
    } else if (node.type === 'object') {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (getIn(PUNJAB_PARAMS, [...segments, key]) === undefined) continue;
        walk(child, [...segments, key]);
      }
    } else if (node.type === 'array' && node.items) {
      // The first and last item of a list the default scenario fills (8 towns, 12 months).
      const last = segments.at(-1) === 'towns' ? 7 : (node.minItems ?? 1) - 1;
      for (const index of new Set([0, last])) walk(node.items, [...segments, index]);
    }
  };
  walk(JSON.parse(scenarioJsonSchemaText()) as JsonSchemaNode, []);
  return found;
}

const PARAMETERS = numericParameters();
const TOWN_NAMES = PUNJAB_PARAMS.towns.map((town) => town.name);

/**
 * The bounds of a parameter given the rest of the default scenario: a range's min may
 * not exceed its max, so `x.min` is capped by the scenario's `x.max`; and some product
 * must exist by the start, so `startYear` may not precede the earliest frontierYear.
 */
function boundsGiven(parameter: NumericParameter): { min: number; max: number } {
  let { min, max } = parameter;
  const last = parameter.segments.at(-1);
  const parent = getIn(PUNJAB_PARAMS, parameter.segments.slice(0, -1)) as Record<string, number>;
  if (last === 'min' && typeof parent.max === 'number') max = Math.min(max, parent.max);
  if (last === 'max' && typeof parent.min === 'number') min = Math.max(min, parent.min);
  if (parameter.path === 'startYear')
    min = Math.max(min, Math.ceil(Math.min(...PUNJAB_PARAMS.products.map((product) => product.frontierYear))));
  return { min, max };
}

/** The in-range values of a parameter given the rest of the default scenario. */
function inRange(parameter: NumericParameter): fc.Arbitrary<number> {
  const { min, max } = boundsGiven(parameter);
  return parameter.integer
    ? fc.integer({ min, max })
    : fc.double({ min, max, minExcluded: parameter.minExcluded, noNaN: true });
}

function outOfRange(parameter: NumericParameter): fc.Arbitrary<number> {
  const { min, max } = parameter;
  // Filtered on the numbers, not fast-check's order: -0 is "below" 0 there but in range here.
  const below = fc
    .double({ max: min, noNaN: true, noDefaultInfinity: true })
    .filter((value) => (parameter.minExcluded ? value <= min : value < min));
  const above = fc.double({ min: max, noNaN: true, noDefaultInfinity: true }).filter((value) => value > max);
  const arbitraries = [below, above];
  if (parameter.integer) {
    if (min > Number.MIN_SAFE_INTEGER) arbitraries.push(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: min - 1 }));
    arbitraries.push(fc.integer({ min: max + 1, max: Number.MAX_SAFE_INTEGER }));
  }
  return fc.oneof(...arbitraries);
}

/** The ways --set may spell a path: towns[0].x, towns.0.x or towns.Daska.x. */
function spellings(parameter: NumericParameter): fc.Arbitrary<string> {
  const [first, index, ...rest] = parameter.segments;
  if (first !== 'towns' || typeof index !== 'number') return fc.constant(parameter.path);
  const tail = rest.map((segment) => `.${segment}`).join('');
  return fc.constantFrom(`towns[${index}]${tail}`, `towns.${index}${tail}`, `towns.${TOWN_NAMES[index]}${tail}`);
}

describe('properties', () => {
  it('finds the numeric parameters of every section', () => {
    const paths = PARAMETERS.map((parameter) => parameter.path);
    expect(paths).toContain('years');
    expect(paths).toContain('towns[0].demand.growthPerYear');
    expect(paths).toContain('towns[7].workersPerFirm.max');
    expect(paths).toContain('market.seasonality[11]');
    expect(paths).toContain('labour.quitProbabilityPerMonth');
    expect(paths).toContain('capability.effortHalfSaturation');
    expect(paths).toContain('entry.spinOffMinTenureMonths');
    expect(paths).toContain('exit.lossMonthsToExit');
    expect(paths).toContain('shocks.materialPriceIndex[0].year');
    expect(paths).toContain('shocks.materialPassThrough');
    expect(paths).toContain('imports.capacityShare[0].value');
    expect(paths).toContain('processes[0].minEfficientScaleUnitsPerMonth');
    expect(paths).toContain('products[0].complexity');
    expect(paths).toContain('products[0].frontierYear');
    expect(paths).toContain('products[0].demandWeight[0].value');
    expect(paths).toContain('vendors.paybackMonths');
    expect(paths).toContain('innovation.noveltyLifeMonths');
    expect(paths).toContain('imitation.copyBuildMonths');
    expect(paths).toContain('kin.groups');
    expect(paths).toContain('upgrading.machineDepreciationPerYear');
    expect(paths).toContain('labour.quitWageGapElasticity');
    expect(paths).toContain('exit.ownerPatienceMonths');
    expect(PARAMETERS.length).toBeGreaterThan(50);
  });

  it('(a) --set round-trips every in-range value exactly, and changes nothing else', () => {
    const cases = fc
      .constantFrom(...PARAMETERS)
      .chain((parameter) => fc.tuple(fc.constant(parameter), spellings(parameter), inRange(parameter)));
    fc.assert(
      fc.property(cases, ([parameter, spelling, value]) => {
        // String(-0) is "0", which reads back as +0: write the sign fast-check meant.
        const expression = `${spelling}=${Object.is(value, -0) ? '-0' : String(value)}`;
        const loaded = parseScenarioText(PUNJAB, PUNJAB_FILE, { set: [expression] });
        expect(getIn(loaded.params, parameter.segments)).toBe(value);
        const expected = structuredClone(PUNJAB_PARAMS);
        setIn(expected, parameter.segments, value);
        // travelHours is derived from travel (checked in travel.test.ts); compare the rest.
        const { travelHours: _derived, ...loadedRest } = loaded.params;
        const { travelHours: _expectedDerived, ...expectedRest } = expected;
        expect(loadedRest).toEqual(expectedRest);
        expect(loaded.overrides).toEqual([`--set ${expression}`]);
      }),
      { numRuns: 500 },
    );
  });

  it('(a) the bounds themselves are accepted', () => {
    for (const parameter of PARAMETERS) {
      if (['min', 'max'].includes(String(parameter.segments.at(-1)))) continue;
      const { min, max } = boundsGiven(parameter);
      const bounds = parameter.minExcluded ? [max] : [min, max];
      for (const bound of bounds) {
        const loaded = parseScenarioText(PUNJAB, PUNJAB_FILE, { set: [`${parameter.path}=${bound}`] });
        expect(getIn(loaded.params, parameter.segments), parameter.path).toBe(bound);
      }
    }
  });

  it('(b) every out-of-range value is a one-line UserInputError naming --set <expr> and the path', () => {
    const cases = fc
      .constantFrom(...PARAMETERS)
      .chain((parameter) => fc.tuple(fc.constant(parameter), spellings(parameter), outOfRange(parameter)));
    fc.assert(
      fc.property(cases, ([parameter, spelling, value]) => {
        const expression = `${spelling}=${String(value)}`;
        let thrown: unknown;
        try {
          parseScenarioText(PUNJAB, PUNJAB_FILE, { set: [expression] });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(UserInputError);
        const message = (thrown as Error).message;
        expect(message).not.toContain('\n');
        expect(message.startsWith(`--set ${expression}: ${parameter.path}: expected `)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  /** Expressions for --set: good ones, bad ones, dangerous paths and junk. */
  const setExpression = fc.oneof(
    fc.constantFrom(
      'years=4',
      'towns.Daska.initialFirms=3',
      'towns[1].demand.growthPerYear=0.1',
      'labour.quitProbabilityPerMonth=1.5',
      'market.seasonality[0]=2',
      'description=x: y',
      'towns.Nowhere.initialFirms=1',
      '__proto__.polluted=1',
      'constructor.prototype.polluted=1',
      'towns.__proto__.x=1',
      'name.deeper=1',
      'labour=[1, 2]',
      'years',
      '=',
    ),
    fc
      .tuple(
        fc.array(
          fc.constantFrom('towns', 'Daska', '0', '[3]', 'labour', 'market', 'x', '__proto__', 'constructor', 'name'),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.oneof(fc.double().map(String), fc.string(), fc.constantFrom('[', '{a: 1}', '*a', '&a', '!!binary x', '~')),
      )
      .map(([segments, value]) => `${segments.join('.')}=${value}`),
    fc.string(),
  );

  const loadOptions = fc.record(
    { set: fc.array(setExpression, { maxLength: 4 }), years: fc.integer({ min: -5, max: 600 }) },
    { requiredKeys: [] },
  );

  type Outcome = { ok: LoadedScenario } | { error: string; name: string };
  function outcome(text: string, options: LoadOptions): Outcome {
    try {
      return { ok: parseScenarioText(text, 'f.yaml', options) };
    } catch (error) {
      return { error: (error as Error).message, name: (error as Error).constructor.name };
    }
  }

  function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object') {
      for (const child of Object.values(value)) deepFreeze(child);
      Object.freeze(value);
    }
    return value;
  }

  it('(c) parsing never mutates its inputs, is deterministic, and leaves the prototypes alone', () => {
    const prototypeKeys = () => [
      Object.getOwnPropertyNames(Object.prototype),
      Object.getOwnPropertyNames(Array.prototype),
    ];
    const before = prototypeKeys();
    fc.assert(
      fc.property(fc.constantFrom(PUNJAB, MINIMAL), loadOptions, (text, options) => {
        const copy = structuredClone(options);
        // Frozen: a write to the options would throw (modules are strict) and show up below.
        const frozen = deepFreeze(structuredClone(options));
        const first = outcome(text, frozen);
        const second = outcome(text, frozen);
        expect(frozen).toEqual(copy);
        expect(second).toEqual(first);
        expect(outcome(text, structuredClone(options))).toEqual(first);
        if ('error' in first) expect(first.name).toBe('UserInputError');
        expect(prototypeKeys()).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  describe('(d) junk text', () => {
    let warnings: ReturnType<typeof vi.spyOn>;
    beforeEach(() => {
      warnings = vi.spyOn(process, 'emitWarning');
    });
    afterEach(() => {
      warnings.mockRestore();
    });

    function onlyUserInputErrors(text: string): void {
      try {
        parseScenarioText(text, 'junk.yaml');
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(UserInputError);
        expect((error as Error).message).not.toContain('\n');
        expect((error as Error).message.startsWith('junk.yaml')).toBe(true);
      }
      // A yaml warning would be a second line on the CLI's stderr.
      expect(warnings).not.toHaveBeenCalled();
    }

    it('arbitrary strings never throw anything but a one-line UserInputError', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), onlyUserInputErrors), { numRuns: 500 });
    });

    it('strings of YAML tokens never throw anything but a one-line UserInputError', () => {
      const token = fc.constantFrom(
        ':',
        ': ',
        '- ',
        '[',
        ']',
        '{',
        '}',
        ',',
        '&a ',
        '*a',
        '*b',
        '!!str ',
        '!!int ',
        '!!binary ',
        '!!set ',
        '!!map ',
        '!foo ',
        '? ',
        '<<: ',
        '\n',
        '\n  ',
        '\n    ',
        ' ',
        '\t',
        '"',
        "'",
        '\\',
        '#',
        '|',
        '>',
        '%YAML 1.2\n',
        '---\n',
        '...\n',
        'name',
        'towns',
        'years',
        '1',
        '-1',
        '.inf',
        '.nan',
        '~',
        'null',
        'true',
        '0x1F',
        'Daska',
        '__proto__',
        'constructor',
      );
      fc.assert(
        fc.property(
          fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join('')),
          onlyUserInputErrors,
        ),
        { numRuns: 1000 },
      );
    });

    it('the default scenario with random damage never throws anything but a one-line UserInputError', () => {
      const damage = fc.array(
        fc.tuple(fc.nat({ max: PUNJAB.length }), fc.nat({ max: 20 }), fc.string({ maxLength: 6 })),
        { minLength: 1, maxLength: 4 },
      );
      fc.assert(
        fc.property(damage, (edits) => {
          let text = PUNJAB;
          for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
          onlyUserInputErrors(text);
        }),
        { numRuns: 500 },
      );
    });
  });
});
