/**
 * The process and product catalogue: the processes a product may need (each a make-or-buy
 * choice between a machine and a specialist vendor) and the products towns demand, with
 * the checks that tie names together and the derived masks and sector indices.
 */
import { z } from 'zod';
import type { ProcessParams, ProductParams, TownProductDemand, YearlyPath } from '../../sim/params.js';
import { calendar, calendarYear, checkNameList, constantPath, maskOf, repeats, yearlyPath } from './common.js';

/** Processes a scenario may list: a product's processes are a bit mask in one 16-bit field. */
export const MAX_PROCESSES = 16;
/** Products a scenario may list (products are bits of a 31-bit field). */
export const MAX_PRODUCTS = 31;
/** The customer sector of a product that names none. */
export const DEFAULT_SECTOR = 'general';

export const demandWeightPath = () =>
  yearlyPath(
    "Relative weight of the product in each town's demand (0 = no demand)",
    'Weight relative to the other products',
    0,
    1e6,
  );

export const productCalendar = () =>
  calendar("Demand multiplier per calendar month for this product, January first (replaces the market's calendar)");

export const ProcessSchema = z
  .strictObject({
    name: z.string().min(1).describe('Process name (products and common facilities refer to it)'),
    vendorPricePerUnit: z
      .number()
      .min(0)
      .max(1e12)
      .describe('Price a lone local vendor working at its minimum efficient scale charges, money per product unit'),
    minEfficientScaleUnitsPerMonth: z
      .number()
      .min(0.01)
      .max(1e12)
      .describe('Volume a vendor needs to be viable, product units per month (critical minimum demand, I c)'),
    machineCost: z.number().min(0).max(1e12).describe('Indivisible investment to do the process in-house, money'),
    inHouseCostPerUnit: z
      .number()
      .min(0)
      .max(1e12)
      .describe('Operating cost of doing the process in-house once the machine is owned, money per product unit'),
  })
  .describe('A production process: done in-house on an owned machine, or bought from a specialist vendor');

export const ProcessesSchema = z
  .array(ProcessSchema)
  .max(MAX_PROCESSES)
  .default([])
  .describe('The production processes products may need (none = every product is made with light tools only)');

export const ProductSchema = z
  .strictObject({
    name: z.string().min(1).describe('Product name'),
    complexity: z
      .number()
      .min(0)
      .max(1)
      .describe('Capability a firm needs to make (or reverse-engineer) the product, in [0, 1]'),
    processes: z
      .array(z.string().min(1))
      .max(MAX_PROCESSES)
      .default([])
      .describe('Names of the processes (of `processes`) the product needs'),
    frontierYear: calendarYear(
      'First year the design exists on the frontier (imported prototypes) and can be reverse-engineered, calendar year',
    ),
    demandWeight: demandWeightPath().default(() => constantPath(1)),
    seasonality: productCalendar()
      .nullable()
      .default(null)
      .describe(
        "Demand multiplier per calendar month for this product, January first; null or left out = the market's calendar",
      ),
    sector: z
      .string()
      .min(1)
      .default(DEFAULT_SECTOR)
      .describe('Customer sector (agriculture, jute mills, railways ...); shocks.sectorDemandIndex refers to it'),
  })
  .describe('A product of the catalogue: what it takes to make it and who buys it');

/** The catalogue of a scenario that lists no products: one simple good every firm can make. */
const defaultProducts = () => [
  {
    name: 'goods',
    complexity: 0,
    processes: [],
    frontierYear: 1800,
    demandWeight: constantPath(1),
    seasonality: null,
    sector: DEFAULT_SECTOR,
  },
];

export const ProductsSchema = z
  .array(ProductSchema)
  .min(1)
  .max(MAX_PRODUCTS)
  .default(defaultProducts)
  .describe(
    'The products towns demand; at least one must exist on the frontier by startYear (default: one simple good)',
  );

export const TownProductsSchema = z
  .array(
    z.strictObject({
      product: z.string().min(1).describe('A product of `products`'),
      demandWeight: demandWeightPath().optional(),
      seasonality: productCalendar().optional(),
    }),
  )
  .max(MAX_PRODUCTS)
  .describe("This town's own demand for some products: a weight path and/or calendar replacing the product's own");

type Process = z.output<typeof ProcessSchema>;
type Product = z.output<typeof ProductSchema>;
type TownProducts = z.output<typeof TownProductsSchema>;

/** What the catalogue checks read of a parsed scenario. */
interface CatalogueView {
  startYear: number;
  processes: readonly Process[];
  products: readonly Product[];
  shocks: { sectorDemandIndex: readonly { sector: string }[] };
  towns: readonly { products?: TownProducts }[];
}

/** Adds an issue for every name in the catalogue that is repeated or names nothing. */
export function checkCatalogue(scenario: CatalogueView, context: z.RefinementCtx): void {
  const processNames = scenario.processes.map((process) => process.name);
  const productNames = scenario.products.map((product) => product.name);
  for (const { index, first } of repeats(processNames)) {
    context.addIssue({
      code: 'custom',
      path: ['processes', index, 'name'],
      message: `expected a name no other process has (processes[${first}] has it too)`,
    });
  }
  for (const { index, first } of repeats(productNames)) {
    context.addIssue({
      code: 'custom',
      path: ['products', index, 'name'],
      message: `expected a name no other product has (products[${first}] has it too)`,
    });
  }
  scenario.products.forEach((product, i) =>
    checkNameList(
      context,
      product.processes,
      processNames,
      'a process of this scenario',
      (j) => ['products', i, 'processes', j],
      (first) => `expected each process once (processes[${first}] of this product names it too)`,
    ),
  );
  if (!scenario.products.some((product) => product.frontierYear <= scenario.startYear)) {
    context.addIssue({
      code: 'custom',
      path: ['products'],
      message: `expected at least one product with frontierYear <= startYear (${scenario.startYear}), so that the founding firms have something to make`,
    });
  }
  const sectors = sectorsOf(scenario.products);
  checkNameList(
    context,
    scenario.shocks.sectorDemandIndex.map(({ sector }) => sector),
    sectors,
    'a sector named by a product of this scenario',
    (i) => ['shocks', 'sectorDemandIndex', i, 'sector'],
    (first) => `expected each sector once (shocks.sectorDemandIndex[${first}] names it too)`,
  );
  scenario.towns.forEach((town, t) =>
    checkNameList(
      context,
      (town.products ?? []).map(({ product }) => product),
      productNames,
      'a product of this scenario',
      (i) => ['towns', t, 'products', i, 'product'],
      (first) => `expected each product once per town (products[${first}] of this town names it too)`,
    ),
  );
}

/** Customer sectors in order of first mention over the products. */
export function sectorsOf(products: readonly { sector: string }[]): string[] {
  return [...new Set(products.map((product) => product.sector))];
}

export function toProcessParams(processes: readonly Process[]): ProcessParams[] {
  return processes.map((process) => ({ ...process }));
}

export function toProductParams(products: readonly Product[], processNames: readonly string[]): ProductParams[] {
  const sectors = sectorsOf(products);
  return products.map((product) => ({
    name: product.name,
    complexity: product.complexity,
    processes: [...product.processes],
    processMask: maskOf(product.processes, processNames),
    frontierYear: product.frontierYear,
    demandWeight: product.demandWeight,
    seasonality: product.seasonality,
    sector: product.sector,
    sectorIndex: sectors.indexOf(product.sector),
  }));
}

/** The demand index path of each sector, indexed like `sectorsOf(products)` (constant 1 where none is given). */
export function sectorDemandPaths(
  products: readonly { sector: string }[],
  given: readonly { sector: string; path: YearlyPath }[],
): YearlyPath[] {
  return sectorsOf(products).map((sector) => given.find((entry) => entry.sector === sector)?.path ?? constantPath(1));
}

/** A town's own product demand, indexed like `products` (null where it does not override). */
export function townProductDemand(
  overrides: TownProducts | undefined,
  productNames: readonly string[],
): TownProductDemand[] {
  return productNames.map((name) => {
    const override = overrides?.find((entry) => entry.product === name);
    return { demandWeight: override?.demandWeight ?? null, seasonality: override?.seasonality ?? null };
  });
}
