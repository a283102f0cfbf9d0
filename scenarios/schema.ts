/**
 * The scenario schema: the single source of truth for what a scenario file may say.
 * Parsed values are `ModelParams` (sim/params.ts); the JSON Schema for editors
 * (scenarios/scenario.schema.json) is emitted from this file by `npm run schema`.
 * Every model parameter has a default, a unit in its name or description, and a
 * source or rationale in docs/ODD.md. The parts live in scenarios/schema/: common
 * building blocks, parameter groups, towns, the process and product catalogue, and
 * policies; this file puts them together, checks the names that tie them, and
 * derives what the model indexes by (travel matrix, masks, sector and town indices).
 */
import { z } from 'zod';
import type { ModelParams } from '../sim/params.js';
import { expectedOneOf } from './schema/common.js';
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
} from './schema/groups.js';
import { TownSchema } from './schema/towns.js';
import {
  checkCatalogue,
  ProcessesSchema,
  ProductsSchema,
  sectorDemandPaths,
  sectorsOf,
  toProcessParams,
  toProductParams,
  townProductDemand,
} from './schema/catalogue.js';
import { checkPolicies, PoliciesSchema, toPolicyParams } from './schema/policies.js';

export { PATH_YEARS, yearlyPath } from './schema/common.js';
export { MAX_PROCESSES, MAX_PRODUCTS } from './schema/catalogue.js';
export { POLICY_KINDS } from './schema/policies.js';

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of the JSON Schema, for editors'),
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
      .describe('Scenario name; the default output folder is out/<name>/'),
    description: z.string().default('').describe('One line on what the scenario is'),
    startYear: z.number().int().min(1800).max(2200).describe('Calendar year of the first tick (January)'),
    years: z.number().int().min(1).max(500).describe('Years simulated (12 monthly ticks each)'),
    moneyUnit: z.string().min(1).default('money').describe('Unit of all money amounts, e.g. Rs or Tk'),
    towns: z
      .array(TownSchema)
      .min(1)
      .max(256)
      .refine((towns) => new Set(towns.map((town) => town.name)).size === towns.length, 'town names must be unique')
      .describe('Towns (clusters)'),
    processes: ProcessesSchema,
    products: ProductsSchema,
    market: MarketSchema,
    labour: LabourSchema,
    capability: CapabilitySchema,
    entry: EntrySchema,
    finance: FinanceSchema,
    exit: ExitSchema,
    travel: TravelSchema,
    spillovers: SpilloverSchema,
    shocks: ShocksSchema,
    imports: ImportsSchema,
    vendors: VendorsSchema,
    innovation: InnovationSchema,
    imitation: ImitationSchema,
    kin: KinSchema,
    upgrading: UpgradingSchema,
    policies: PoliciesSchema,
    extends: z
      .string()
      .min(1)
      .optional()
      .describe(
        'A scenario this one varies (a bundled name or a path relative to this file): mappings merge, lists of named items merge by name, { name: X, remove: true } removes X',
      ),
  })
  .superRefine((scenario, context) => {
    // Semantic checks: names that must name something else in the scenario.
    const names = scenario.towns.map((town) => town.name);
    scenario.travel.hours.forEach((pair, index) => {
      pair.between.forEach((name, end) => {
        if (names.includes(name)) return;
        context.addIssue({
          code: 'custom',
          path: ['travel', 'hours', index, 'between', end],
          message: expectedOneOf('a town of this scenario', name, names),
        });
      });
    });
    checkCatalogue(scenario, context);
    checkPolicies(scenario, context);
  })
  .describe('A clustersim scenario');

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

/** The symmetric matrix of travel hours, [from][to], with 0 on the diagonal. */
function travelMatrix(scenario: Scenario): number[][] {
  const names = scenario.towns.map((town) => town.name);
  const hours = names.map((_, from) => names.map((__, to) => (from === to ? 0 : scenario.travel.defaultHours)));
  for (const pair of scenario.travel.hours) {
    const [a, b] = pair.between.map((name) => names.indexOf(name));
    if (a !== b) {
      hours[a][b] = pair.hours;
      hours[b][a] = pair.hours;
    }
  }
  return hours;
}

/** A parsed scenario as the model's parameters (the compiler checks the shape). */
export function toModelParams(scenario: Scenario): ModelParams {
  const { $schema: _schemaPath, extends: _base, towns, processes, products, policies, ...params } = scenario;
  const townNames = towns.map((town) => town.name);
  const processNames = processes.map((process) => process.name);
  const productNames = products.map((product) => product.name);
  return {
    ...params,
    // A town's `products` list (scenario form) becomes `productDemand`, indexed by product.
    towns: towns.map(({ products: overrides, ...town }) => ({
      ...town,
      productDemand: townProductDemand(overrides, productNames),
    })),
    processes: toProcessParams(processes),
    products: toProductParams(products, processNames),
    policies: policies.map((policy) => toPolicyParams(policy, townNames, processNames)),
    sectors: sectorsOf(products),
    sectorDemandIndex: sectorDemandPaths(products, scenario.shocks.sectorDemandIndex),
    travelHours: travelMatrix(scenario),
  };
}
