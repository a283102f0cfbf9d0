/**
 * Phase: exogenous drivers. This month's demand in each town (growth path x calendar
 * x demand shock) and for each product (its weight among the products on the frontier,
 * its sector's demand index and its own calendar), and the month's values of the shock
 * and import paths (docs/ODD.md §7.1, §7.10, §7.11, §7.12), evaluated here once per
 * tick and published in the towns stores for the kernels to read.
 */
import type { Phase } from '../../simulation.js';
import type { ImportParams, ModelParams, ShockPaths, YearlyPath } from '../../params.js';
import { HEADER } from '../../state/header.js';
import { importCapacityUnits, importPrice, townDemandUnits } from '../equations.js';
import { pathValueAt, yearAtTick } from '../paths.js';
import { catalogueOf } from '../catalogue.js';

export const exogenousDemand: Phase = {
  name: 'exogenous-demand',
  run({ world, host }) {
    const { params } = world;
    const tick = world.header[HEADER.tick];
    const year = yearAtTick(params.startYear, tick);
    const { shocks, imports, market } = params;
    // Scenario-wide values, once; a town's own path (rare) is evaluated for that town only.
    const material = pathValueAt(shocks.materialPriceIndex, year);
    const power = pathValueAt(shocks.powerAvailability, year);
    const demandIndex = pathValueAt(shocks.demandIndex, year);
    const priceIndex = pathValueAt(imports.priceIndex, year);
    const quality = pathValueAt(imports.quality, year);
    const capacityShare = pathValueAt(imports.capacityShare, year);
    const townValue = (own: YearlyPath | undefined, scenarioWide: number) =>
      own ? pathValueAt(own, year) : scenarioWide;
    const c = world.towns.cols;
    params.towns.forEach((town, index) => {
      const own: Partial<ShockPaths> = town.shocks ?? {};
      const ownImports: Partial<ImportParams> = town.imports ?? {};
      const demand = townDemandUnits(town, market, tick) * townValue(own.demandIndex, demandIndex);
      c.demandUnits[index] = demand;
      c.materialCostIndex[index] = townValue(own.materialPriceIndex, material);
      c.powerAvailability[index] = townValue(own.powerAvailability, power);
      c.importPrice[index] = importPrice(market, townValue(ownImports.priceIndex, priceIndex));
      c.importQuality[index] = townValue(ownImports.quality, quality);
      c.importCapacityUnits[index] = importCapacityUnits(townValue(ownImports.capacityShare, capacityShare), demand);
    });
    publishProductDemand(params, world.townProducts.cols.demandUnits, c.demandUnits, tick, year);
    host.tickCounts.fill(0);
  },
};

/**
 * Demand for each product in each town: the town's demand split by the products'
 * weights among those on the frontier (farmers buy what exists: [P] §4, products
 * spread from "a handful" to "well over fifty"), times the product's sector index (a
 * collapse of the jute mills, [B]) and its own calendar relative to the market's.
 */
function publishProductDemand(
  params: ModelParams,
  productDemand: Float64Array,
  townDemand: Float64Array,
  tick: number,
  year: number,
): void {
  const catalogue = catalogueOf(params);
  const productCount = params.products.length;
  const month = tick % 12;
  const sectorIndex = params.sectorDemandIndex.map((path) => pathValueAt(path, year));
  const marketSeason = params.market.seasonality[month];
  params.towns.forEach((town, townIndex) => {
    let weightSum = 0;
    const row = townIndex * productCount;
    for (let product = 0; product < productCount; product++) {
      const onFrontier = catalogue.frontierTick[product] <= tick;
      const own = town.productDemand[product];
      const weight = onFrontier ? pathValueAt(own.demandWeight ?? params.products[product].demandWeight, year) : 0;
      productDemand[row + product] = weight;
      weightSum += weight;
    }
    for (let product = 0; product < productCount; product++) {
      const spec = params.products[product];
      const calendar = town.productDemand[product].seasonality ?? spec.seasonality;
      const seasonRatio = calendar && marketSeason > 0 ? calendar[month] / marketSeason : 1;
      const share = weightSum > 0 ? productDemand[row + product] / weightSum : 0;
      productDemand[row + product] = townDemand[townIndex] * share * sectorIndex[spec.sectorIndex] * seasonRatio;
    }
  });
}
