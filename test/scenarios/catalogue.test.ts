/**
 * The process and product catalogue in scenarios: the default one-good catalogue, the
 * derived masks, sector indices, sector demand paths and per-town product demand; every
 * name check as a one-line error naming file:line (or --set), the field path and what
 * was expected; the schema's output types are exactly the contract's (sim/params.ts);
 * and a fast-check property that any valid generated catalogue round-trips.
 */
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { loadScenario, parseScenarioText, type LoadOptions } from '../../scenarios/load.js';
import { UserInputError } from '../../scenarios/errors.js';
import {
  CapabilitySchema,
  EntrySchema,
  ExitSchema,
  FinanceSchema,
  ImitationSchema,
  ImportsSchema,
  InnovationSchema,
  KinSchema,
  LabourSchema,
  MarketSchema,
  ShocksSchema,
  SpilloverSchema,
  TravelSchema,
  UpgradingSchema,
  VendorsSchema,
} from '../../scenarios/schema/groups.js';
import { TownSchema } from '../../scenarios/schema/towns.js';
import { MAX_PROCESSES, MAX_PRODUCTS } from '../../scenarios/schema.js';
import { ProcessSchema, ProductSchema } from '../../scenarios/schema/catalogue.js';
import type {
  CapabilityParams,
  EntryParams,
  ExitParams,
  FinanceParams,
  ImitationParams,
  ImportParams,
  InnovationParams,
  KinParams,
  LabourParams,
  MarketParams,
  ProcessParams,
  ProductParams,
  ShockParams,
  SpilloverParams,
  TownParams,
  TravelParams,
  UpgradingParams,
  VendorParams,
} from '../../sim/params.js';

const BASE = `name: catalogue-test
startYear: 1970
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
`;

/** BASE plus three processes (lines 14-16) and three products (lines 18-33) in two sectors. */
const CATALOGUE = `${BASE}processes:
  - { name: casting, vendorPricePerUnit: 40, minEfficientScaleUnitsPerMonth: 80, machineCost: 15000, inHouseCostPerUnit: 55 }
  - { name: pressing, vendorPricePerUnit: 10, minEfficientScaleUnitsPerMonth: 60, machineCost: 10000, inHouseCostPerUnit: 15 }
  - { name: gearCutting, vendorPricePerUnit: 45, minEfficientScaleUnitsPerMonth: 250, machineCost: 20000, inHouseCostPerUnit: 70 }
products:
  - name: pump
    complexity: 0.15
    processes: [casting]
    frontierYear: 1957
    sector: agriculture
  - name: wagonWheel
    complexity: 0.3
    frontierYear: 1960
    sector: railways
  - name: thresher
    complexity: 0.6
    processes: [gearCutting, casting, pressing]
    frontierYear: 1978
    demandWeight: [{ year: 1978, value: 0.3 }, { year: 1994, value: 1.5 }]
    seasonality: [1, 1.5, 2.5, 2.5, 1, 0.5, 0.4, 0.4, 0.5, 0.6, 0.6, 0.5]
    sector: agriculture
shocks:
  sectorDemandIndex:
    - sector: railways
      path: [{ year: 1980, value: 1 }, { year: 1990, value: 0.2 }]
`;

function errorOf(text: string, options: LoadOptions = {}): string {
  try {
    parseScenarioText(text, 'cat.yaml', options);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a UserInputError, but the scenario parsed');
}

describe('the default catalogue', () => {
  const { params } = parseScenarioText(BASE, 'cat.yaml');

  it('is one simple good every firm can make, with no processes, in sector general', () => {
    expect(params.processes).toEqual([]);
    expect(params.products).toEqual([
      {
        name: 'goods',
        complexity: 0,
        processes: [],
        processMask: 0,
        frontierYear: 1800,
        demandWeight: [{ year: 2000, value: 1 }],
        seasonality: null,
        sector: 'general',
        sectorIndex: 0,
      },
    ]);
    expect(params.sectors).toEqual(['general']);
    expect(params.sectorDemandIndex).toEqual([[{ year: 2000, value: 1 }]]);
    expect(params.shocks.sectorDemandIndex).toEqual([]);
  });

  it('towns do not override product demand', () => {
    for (const town of params.towns) expect(town.productDemand).toEqual([{ demandWeight: null, seasonality: null }]);
  });

  it('parses the same twice with no shared state (defaults are not shared objects)', () => {
    const first = parseScenarioText(BASE, 'cat.yaml').params;
    first.products[0].demandWeight[0].value = 99;
    expect(parseScenarioText(BASE, 'cat.yaml').params.products[0].demandWeight[0].value).toBe(1);
  });
});

describe('derived from a catalogue', () => {
  const { params } = parseScenarioText(CATALOGUE, 'cat.yaml');

  it('keeps processes as written', () => {
    expect(params.processes.map((process) => process.name)).toEqual(['casting', 'pressing', 'gearCutting']);
    expect(params.processes[2]).toEqual({
      name: 'gearCutting',
      vendorPricePerUnit: 45,
      minEfficientScaleUnitsPerMonth: 250,
      machineCost: 20000,
      inHouseCostPerUnit: 70,
    });
  });

  it('processMask has bit k for process k, whatever the order the product lists them in', () => {
    expect(params.products.map((product) => product.processMask)).toEqual([0b001, 0b000, 0b111]);
    expect(params.products[2].processes).toEqual(['gearCutting', 'casting', 'pressing']);
  });

  it('sectors in order of first mention, with each product pointing at its own', () => {
    expect(params.sectors).toEqual(['agriculture', 'railways']);
    expect(params.products.map((product) => product.sectorIndex)).toEqual([0, 1, 0]);
  });

  it('a sector demand path where one is given, constant 1 elsewhere', () => {
    expect(params.sectorDemandIndex).toEqual([
      [{ year: 2000, value: 1 }],
      [
        { year: 1980, value: 1 },
        { year: 1990, value: 0.2 },
      ],
    ]);
  });

  it('a product keeps its demand weight and calendar; defaults where it gives none', () => {
    expect(params.products[2].demandWeight).toEqual([
      { year: 1978, value: 0.3 },
      { year: 1994, value: 1.5 },
    ]);
    expect(params.products[2].seasonality).toHaveLength(12);
    expect(params.products[0].demandWeight).toEqual([{ year: 2000, value: 1 }]);
    expect(params.products[0].seasonality).toBeNull();
  });

  it("a town's own product demand is indexed by product, null where not overridden, and the scenario form is dropped", () => {
    const text = CATALOGUE.replace(
      '  - name: Mian Channun\n',
      `  - name: Mian Channun
    products:
      - { product: thresher, seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2] }
      - { product: pump, demandWeight: [{ year: 1970, value: 4 }] }
`,
    );
    const { params: withTown } = parseScenarioText(text, 'cat.yaml');
    expect(withTown.towns[1].productDemand).toEqual([
      { demandWeight: [{ year: 1970, value: 4 }], seasonality: null },
      { demandWeight: null, seasonality: null },
      { demandWeight: null, seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2] },
    ]);
    expect(withTown.towns[0].productDemand).toHaveLength(3);
    expect(withTown.towns[1]).not.toHaveProperty('products');
  });

  it('--set reaches into the catalogue', () => {
    const set = ['products[2].complexity=0.9', 'processes.gearCutting.minEfficientScaleUnitsPerMonth=400'];
    const { params: changed } = parseScenarioText(CATALOGUE, 'cat.yaml', { set });
    expect(changed.products[2].complexity).toBe(0.9);
    expect(changed.processes[2].minEfficientScaleUnitsPerMonth).toBe(400);
  });
});

describe('bad catalogues: one line with file:line, the field path and the expectation', () => {
  it('a product naming a process the scenario lacks, with did-you-mean', () => {
    expect(errorOf(CATALOGUE.replace('processes: [casting]', 'processes: [castng]'))).toBe(
      'cat.yaml:20: products[0].processes[0]: expected a process of this scenario (did you mean "casting"?): casting, pressing, gearCutting, got "castng"',
    );
  });

  it('a product naming a process when the scenario lists none', () => {
    const text = `${BASE}products:\n  - { name: pump, complexity: 0.1, frontierYear: 1960, processes: [casting] }\n`;
    expect(errorOf(text)).toBe(
      'cat.yaml:14: products[0].processes[0]: expected a process of this scenario: (there are none), got "casting"',
    );
  });

  it('a process listed twice in one product', () => {
    expect(errorOf(CATALOGUE.replace('[gearCutting, casting, pressing]', '[gearCutting, casting, gearCutting]'))).toBe(
      'cat.yaml:29: products[2].processes[2]: expected each process once (processes[0] of this product names it too), got "gearCutting"',
    );
  });

  it('two processes with one name', () => {
    expect(errorOf(CATALOGUE.replace('{ name: pressing,', '{ name: casting,'))).toBe(
      'cat.yaml:15: processes[1].name: expected a name no other process has (processes[0] has it too), got "casting"',
    );
  });

  it('two products with one name', () => {
    expect(errorOf(CATALOGUE.replace('name: wagonWheel', 'name: pump'))).toBe(
      'cat.yaml:23: products[1].name: expected a name no other product has (products[0] has it too), got "pump"',
    );
  });

  it('no product on the frontier by startYear', () => {
    expect(errorOf(CATALOGUE.replace('startYear: 1970', 'startYear: 1950'))).toBe(
      'cat.yaml:18: products: expected at least one product with frontierYear <= startYear (1950), so that the founding firms have something to make, got a list of 3',
    );
  });

  it('a --set startYear before every product: the products in the file, with the start year set', () => {
    expect(errorOf(CATALOGUE, { set: ['startYear=1900'] })).toMatch(
      /^cat\.yaml:18: products: expected at least one product with frontierYear <= startYear \(1900\)/,
    );
  });

  it('a sector demand index for a sector no product names, with did-you-mean', () => {
    expect(errorOf(CATALOGUE.replace('- sector: railways', '- sector: railway'))).toBe(
      'cat.yaml:36: shocks.sectorDemandIndex[0].sector: expected a sector named by a product of this scenario (did you mean "railways"?): agriculture, railways, got "railway"',
    );
  });

  it('a sector given two demand index paths', () => {
    const text = `${CATALOGUE}    - sector: railways\n      path: [{ year: 1980, value: 1 }]\n`;
    expect(errorOf(text)).toBe(
      'cat.yaml:38: shocks.sectorDemandIndex[1].sector: expected each sector once (shocks.sectorDemandIndex[0] names it too), got "railways"',
    );
  });

  it("a town's product override naming a product the scenario lacks, with did-you-mean", () => {
    const text = CATALOGUE.replace(
      '    demand: { unitsPerMonth: 10, growthPerYear: 0 }\n  - name: Mian Channun',
      '    demand: { unitsPerMonth: 10, growthPerYear: 0 }\n    products: [{ product: thresher }, { product: pmp }]\n  - name: Mian Channun',
    );
    expect(errorOf(text)).toBe(
      'cat.yaml:9: towns[0].products[1].product: expected a product of this scenario (did you mean "pump"?): pump, wagonWheel, thresher, got "pmp"',
    );
  });

  it('a town overriding one product twice', () => {
    const text = CATALOGUE.replace(
      '    demand: { unitsPerMonth: 10, growthPerYear: 0 }\n  - name: Mian Channun',
      '    demand: { unitsPerMonth: 10, growthPerYear: 0 }\n    products: [{ product: pump }, { product: pump }]\n  - name: Mian Channun',
    );
    expect(errorOf(text)).toBe(
      'cat.yaml:9: towns[0].products[1].product: expected each product once per town (products[0] of this town names it too), got "pump"',
    );
  });

  it('a calendar of 11 months', () => {
    expect(errorOf(CATALOGUE.replace('0.6, 0.6, 0.5]', '0.6, 0.6]'))).toBe(
      'cat.yaml:32: products[2].seasonality: expected exactly 12 items, got a list of 11',
    );
  });

  it('a complexity above 1 and a missing frontierYear', () => {
    expect(errorOf(CATALOGUE.replace('complexity: 0.3', 'complexity: 1.3'))).toBe(
      'cat.yaml:24: products[1].complexity: expected a number <= 1, got 1.3',
    );
    expect(errorOf(CATALOGUE.replace('    frontierYear: 1960\n', ''))).toBe(
      'cat.yaml:23: products[1].frontierYear: expected a number, got nothing (the field is missing)',
    );
  });

  it('a misspelt key in a process or product: unknown key with did-you-mean', () => {
    expect(errorOf(CATALOGUE.replace('machineCost: 15000', 'machinCost: 15000'))).toMatch(
      /^cat\.yaml:14: processes\[0\]\.machinCost: unknown key \(did you mean "machineCost"\?\)/,
    );
    expect(errorOf(CATALOGUE.replace('frontierYear: 1957', 'frontierYr: 1957'))).toMatch(
      /^cat\.yaml:21: products\[0\]\.frontierYr: unknown key \(did you mean "frontierYear"\?\)/,
    );
  });

  it(`more than ${MAX_PROCESSES} processes or ${MAX_PRODUCTS} products`, () => {
    const processes = Array.from(
      { length: MAX_PROCESSES + 1 },
      (_, k) =>
        `  - { name: p${k}, vendorPricePerUnit: 1, minEfficientScaleUnitsPerMonth: 1, machineCost: 1, inHouseCostPerUnit: 1 }`,
    );
    expect(errorOf(`${BASE}processes:\n${processes.join('\n')}\n`)).toBe(
      `cat.yaml:14: processes: expected at most ${MAX_PROCESSES} items, got a list of ${MAX_PROCESSES + 1}`,
    );
    const products = Array.from(
      { length: MAX_PRODUCTS + 1 },
      (_, k) => `  - { name: g${k}, complexity: 0, frontierYear: 1900 }`,
    );
    expect(errorOf(`${BASE}products:\n${products.join('\n')}\n`)).toBe(
      `cat.yaml:14: products: expected at most ${MAX_PRODUCTS} items, got a list of ${MAX_PRODUCTS + 1}`,
    );
    expect(errorOf(`${BASE}products: []\n`)).toBe('cat.yaml:13: products: expected at least 1 items, got a list of 0');
  });
});

describe('the Punjab catalogue', () => {
  const { params } = loadScenario('punjab-farm-equipment');
  const product = (name: string) => {
    const found = params.products.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no product ${name}`);
    return found;
  };
  const processBit = (name: string) => 1 << params.processes.findIndex((process) => process.name === name);

  it("lists §4.1's vendor processes plus gear cutting and heat treatment", () => {
    expect(params.processes.map((process) => process.name)).toEqual([
      'casting',
      'boring',
      'honing',
      'milling',
      'pressing',
      'gearCutting',
      'heatTreatment',
    ]);
  });

  it('vendors at scale are cheaper than doing a process in-house', () => {
    for (const process of params.processes) expect(process.vendorPricePerUnit).toBeLessThan(process.inHouseCostPerUnit);
  });

  it('has 20-28 agricultural products, the transmissions needing gear cutting and heat treatment', () => {
    expect(params.products.length).toBeGreaterThanOrEqual(20);
    expect(params.products.length).toBeLessThanOrEqual(28);
    expect(params.sectors).toEqual(['agriculture']);
    for (const name of ['wheatThresher', 'riceThresher', 'maizeSheller', 'rotaryCultivator']) {
      const mask = product(name).processMask;
      expect(mask & processBit('gearCutting'), name).not.toBe(0);
      expect(mask & processBit('heatTreatment'), name).not.toBe(0);
    }
  });

  it('complexity rises with the waves: irrigation items before tractor implements before transmissions', () => {
    expect(product('centrifugalPump').frontierYear).toBeLessThanOrEqual(params.startYear);
    expect(product('rotaryCultivator').complexity).toBe(Math.max(...params.products.map((p) => p.complexity)));
    expect(product('seedDrill').frontierYear).toBeGreaterThanOrEqual(1970);
    expect(product('rotaryCultivator').frontierYear).toBeGreaterThan(1980);
  });
});

describe("the schema's output is exactly the contract's types (checked by tsc)", () => {
  it('groups, processes, products (less derived fields) and towns (less productDemand)', () => {
    expectTypeOf<z.output<typeof MarketSchema>>().toEqualTypeOf<MarketParams>();
    expectTypeOf<z.output<typeof LabourSchema>>().toEqualTypeOf<LabourParams>();
    expectTypeOf<z.output<typeof CapabilitySchema>>().toEqualTypeOf<CapabilityParams>();
    expectTypeOf<z.output<typeof EntrySchema>>().toEqualTypeOf<EntryParams>();
    expectTypeOf<z.output<typeof FinanceSchema>>().toEqualTypeOf<FinanceParams>();
    expectTypeOf<z.output<typeof ExitSchema>>().toEqualTypeOf<ExitParams>();
    expectTypeOf<z.output<typeof TravelSchema>>().toEqualTypeOf<TravelParams>();
    expectTypeOf<z.output<typeof SpilloverSchema>>().toEqualTypeOf<SpilloverParams>();
    expectTypeOf<z.output<typeof ShocksSchema>>().toEqualTypeOf<ShockParams>();
    expectTypeOf<z.output<typeof ImportsSchema>>().toEqualTypeOf<ImportParams>();
    expectTypeOf<z.output<typeof VendorsSchema>>().toEqualTypeOf<VendorParams>();
    expectTypeOf<z.output<typeof InnovationSchema>>().toEqualTypeOf<InnovationParams>();
    expectTypeOf<z.output<typeof ImitationSchema>>().toEqualTypeOf<ImitationParams>();
    expectTypeOf<z.output<typeof KinSchema>>().toEqualTypeOf<KinParams>();
    expectTypeOf<z.output<typeof UpgradingSchema>>().toEqualTypeOf<UpgradingParams>();
    expectTypeOf<z.output<typeof ProcessSchema>>().toEqualTypeOf<ProcessParams>();
    expectTypeOf<z.output<typeof ProductSchema>>().toEqualTypeOf<Omit<ProductParams, 'processMask' | 'sectorIndex'>>();
    expectTypeOf<Omit<z.output<typeof TownSchema>, 'products'>>().toEqualTypeOf<Omit<TownParams, 'productDemand'>>();
  });
});

// --- property -----------------------------------------------------------------------

const identifier = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,11}$/);

/** A valid catalogue: unique names, products naming only listed processes, one product on the frontier. */
const catalogue = fc
  .record({
    processNames: fc.uniqueArray(identifier, { maxLength: MAX_PROCESSES }),
    productNames: fc.uniqueArray(identifier, { minLength: 1, maxLength: MAX_PRODUCTS }),
    sectorPool: fc.uniqueArray(identifier, { minLength: 1, maxLength: 4 }),
  })
  .chain(({ processNames, productNames, sectorPool }) =>
    fc.record({
      processes: fc.constant(processNames).chain((names) =>
        fc.tuple(
          ...names.map((name) =>
            fc.record({
              name: fc.constant(name),
              vendorPricePerUnit: fc.integer({ min: 0, max: 1000 }),
              minEfficientScaleUnitsPerMonth: fc.integer({ min: 1, max: 1000 }),
              machineCost: fc.integer({ min: 0, max: 100000 }),
              inHouseCostPerUnit: fc.integer({ min: 0, max: 1000 }),
            }),
          ),
        ),
      ),
      products: fc.tuple(
        ...productNames.map((name, index) =>
          fc.record({
            name: fc.constant(name),
            complexity: fc.double({ min: 0, max: 1, noNaN: true }),
            processes: fc.shuffledSubarray(processNames),
            // The first product is on the frontier by the start year (1970).
            frontierYear: index === 0 ? fc.integer({ min: 1800, max: 1970 }) : fc.integer({ min: 1800, max: 2100 }),
            sector: fc.constantFrom(...sectorPool),
          }),
        ),
      ),
      sectorDemand: fc.subarray(sectorPool),
      townOverrides: fc.subarray(productNames),
    }),
  );

describe('property', () => {
  it('any valid catalogue round-trips, with masks, sector indices and town demand consistent with the names', () => {
    fc.assert(
      fc.property(catalogue, ({ processes, products, sectorDemand, townOverrides }) => {
        const usedSectors = [...new Set(products.map((product) => product.sector))];
        const shocks = sectorDemand
          .filter((sector) => usedSectors.includes(sector))
          .map((sector, k) => ({ sector, path: [{ year: 1980, value: k + 0.5 }] }));
        const scenario = {
          name: 'generated',
          startYear: 1970,
          years: 1,
          towns: [
            {
              name: 'Alpha',
              initialFirms: 1,
              workersPerFirm: { min: 1, max: 1 },
              demand: { unitsPerMonth: 1, growthPerYear: 0 },
              products: townOverrides.map((product) => ({ product, seasonality: Array(12).fill(2) })),
            },
          ],
          processes,
          products,
          shocks: { sectorDemandIndex: shocks },
        };
        // JSON is YAML: the text goes through the loader like any scenario file.
        const { params } = parseScenarioText(JSON.stringify(scenario), 'generated.yaml');
        const processNames = processes.map((process) => process.name);
        expect(params.processes).toEqual(processes);
        expect(params.sectors).toEqual(usedSectors);
        params.products.forEach((product, i) => {
          expect(product.name).toBe(products[i].name);
          expect(product.complexity).toBe(products[i].complexity);
          expect(product.frontierYear).toBe(products[i].frontierYear);
          expect(product.processes).toEqual(products[i].processes);
          for (let k = 0; k < processNames.length; k++) {
            expect(Boolean(product.processMask & (1 << k))).toBe(product.processes.includes(processNames[k]));
          }
          expect(product.processMask >>> processNames.length).toBe(0);
          expect(params.sectors[product.sectorIndex]).toBe(product.sector);
        });
        expect(params.sectorDemandIndex).toHaveLength(usedSectors.length);
        usedSectors.forEach((sector, s) => {
          const given = shocks.find((entry) => entry.sector === sector);
          expect(params.sectorDemandIndex[s]).toEqual(given ? given.path : [{ year: 2000, value: 1 }]);
        });
        expect(params.towns[0].productDemand.map((demand) => demand.seasonality !== null)).toEqual(
          products.map((product) => townOverrides.includes(product.name)),
        );
      }),
      { numRuns: 200 },
    );
  });
});
