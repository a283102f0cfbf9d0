/**
 * Phase 1, exogenous-demand (sim/model/phases/exogenous.ts): this month's demand in
 * each town and for each product, and the month's shock and import values, from the
 * scenario's yearly paths. Also starts the month's counts of structural changes.
 */
import type { ImportParams, ShockPaths, YearlyPath } from '../../../sim/params.js';
import { importCapacityUnits, importPrice, townDemandUnits } from '../../../sim/model/equations.js';
import { pathValueAt, yearAtTick } from '../../../sim/model/paths.js';
import type { Model } from '../model.js';
import type { Town } from '../town.js';

export function exogenousDemand(model: Model): void {
  const { params, tick } = model;
  const year = yearAtTick(params.startYear, tick);
  const { shocks, imports, market } = params;
  const material = pathValueAt(shocks.materialPriceIndex, year);
  const power = pathValueAt(shocks.powerAvailability, year);
  const demandIndex = pathValueAt(shocks.demandIndex, year);
  const priceIndex = pathValueAt(imports.priceIndex, year);
  const quality = pathValueAt(imports.quality, year);
  const capacityShare = pathValueAt(imports.capacityShare, year);
  // A town's own path, where it has one, replaces the scenario-wide value.
  const townValue = (own: YearlyPath | undefined, scenarioWide: number) =>
    own ? pathValueAt(own, year) : scenarioWide;
  for (const town of model.towns) {
    const own: Partial<ShockPaths> = town.params.shocks ?? {};
    const ownImports: Partial<ImportParams> = town.params.imports ?? {};
    const demand = townDemandUnits(town.params, market, tick) * townValue(own.demandIndex, demandIndex);
    town.demandUnits = demand;
    town.materialCostIndex = townValue(own.materialPriceIndex, material);
    town.powerAvailability = townValue(own.powerAvailability, power);
    town.importPrice = importPrice(market, townValue(ownImports.priceIndex, priceIndex));
    town.importQuality = townValue(ownImports.quality, quality);
    town.importCapacityUnits = importCapacityUnits(townValue(ownImports.capacityShare, capacityShare), demand);
  }
  const sectorIndex = params.sectorDemandIndex.map((path) => pathValueAt(path, year));
  for (const town of model.towns) productDemand(model, town, sectorIndex, year);
  for (const town of model.towns) town.resetCounts();
}

/**
 * Demand for each product: the town's demand split by the weights of the products on
 * the frontier, times the product's sector index and its calendar relative to the market's.
 */
function productDemand(model: Model, town: Town, sectorIndex: number[], year: number): void {
  const { params, catalogue, tick } = model;
  const month = tick % 12;
  const marketSeason = params.market.seasonality[month];
  const weights: number[] = [];
  let weightSum = 0;
  for (let product = 0; product < catalogue.productCount; product++) {
    const onFrontier = catalogue.frontierTick[product] <= tick;
    const own = town.params.productDemand[product];
    const weight = onFrontier ? pathValueAt(own.demandWeight ?? params.products[product].demandWeight, year) : 0;
    weights.push(weight);
    weightSum += weight;
  }
  for (const slot of town.products) {
    const spec = params.products[slot.product];
    const calendar = town.params.productDemand[slot.product].seasonality ?? spec.seasonality;
    const seasonRatio = calendar && marketSeason > 0 ? calendar[month] / marketSeason : 1;
    const share = weightSum > 0 ? weights[slot.product] / weightSum : 0;
    slot.demandUnits = town.demandUnits * share * sectorIndex[spec.sectorIndex] * seasonRatio;
  }
}
