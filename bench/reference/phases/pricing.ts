/**
 * Phase 9, pricing (sim/model/kernels/pricing.ts, run there over firm blocks): each
 * firm drops the products it can no longer make, sets its process cost, capacity,
 * unit cost, mark-up and price, and pulls on the demand for each product it makes.
 * Phase 10, reduce-attractiveness (sim/model/phases/reduceTowns.ts): each product's
 * total pull in each town (in the engine's block grouping, see ../blockSum.ts), plus
 * imports' pull and sales.
 */
import { UPGRADE } from '../../../sim/state/firms.js';
import {
  attractiveness,
  capacityUnits,
  markup,
  materialCostPerUnitAt,
  poweredCapacity,
  priceWithPassThrough,
  salesFromShare,
  unitCostAtCapacity,
  wageBillPerMonth,
} from '../../../sim/model/equations.js';
import { wageMultiplier } from '../../../sim/model/rules/people.js';
import { inHouseCostPerUnit } from '../../../sim/model/rules/sourcing.js';
import { bitCount, feasibleProducts, lowestBit } from '../../../sim/model/rules/bits.js';
import { countProcessNeeds, simplestFeasibleProduct } from '../../../sim/model/kernels/pricing.js';
import type { Firm } from '../agents.js';
import type { Model } from '../model.js';
import { BlockedSum } from '../blockSum.js';

/** A town's pull totals this month: all firms', those eligible to export, and per product. */
export interface PullSums {
  attractiveness: BlockedSum;
  exportPull: BlockedSum;
  productPull: BlockedSum[];
  producers: BlockedSum[];
}

export function pricing(model: Model): void {
  model.pullSums = model.towns.map(() => ({
    attractiveness: new BlockedSum(),
    exportPull: new BlockedSum(),
    productPull: model.params.products.map(() => new BlockedSum()),
    producers: model.params.products.map(() => new BlockedSum()),
  }));
  for (const firm of model.firms) {
    if (firm.alive) priceFirm(model, firm);
  }
}

function priceFirm(model: Model, firm: Firm): void {
  const { params, catalogue, tick } = model;
  const { market, labour, shocks, innovation, imitation } = params;
  const town = model.towns[firm.town];
  const available = firm.inHouse | town.accessibleProcesses;

  // Products whose processes are no longer owned or obtainable are dropped; a firm left
  // with nothing takes up the simplest feasible product.
  let productMask = firm.products;
  const feasible = feasibleProducts(productMask, catalogue.productProcesses, available);
  if (feasible !== productMask) {
    for (let dropped = productMask & ~feasible; dropped !== 0; dropped &= dropped - 1) {
      const product = lowestBit(dropped);
      firm.designs[product] = -1;
      if (firm.freshSlot === model.slotOf(firm.town, product).slot) firm.freshSlot = -1;
    }
    firm.upgradeFlags |= UPGRADE.droppedProduct;
    productMask = feasible;
  }
  if (productMask === 0) {
    const product = simplestFeasibleProduct(
      catalogue,
      tick,
      firm.capability,
      available,
      imitation.copyCapabilityMargin,
    );
    if (product >= 0) {
      productMask = 1 << product;
      firm.designs[product] = -2;
      firm.sectors |= catalogue.sectorBit[product];
    }
  }
  firm.products = productMask;
  const productsMade = bitCount(productMask);

  // Process cost per unit: each process at the cheaper of in-house and the best outside price.
  let processCost = 0;
  let doneInHouse = 0;
  if (catalogue.processCount > 0 && productsMade > 0) {
    const unitsLastMonth = firm.salesUnits + firm.exportSalesUnits;
    const processNeeds = new Float64Array(32);
    const needed = countProcessNeeds(catalogue, productMask, processNeeds);
    for (let rest = needed; rest !== 0; rest &= rest - 1) {
      const process = lowestBit(rest);
      const buyPrice = town.processes[process].accessPrice;
      const ownVolume = (unitsLastMonth * processNeeds[process]) / productsMade;
      const ownCost = inHouseCostPerUnit(params.processes[process], params.vendors, ownVolume);
      const useOwn = (firm.inHouse & (1 << process)) !== 0 && ownCost <= buyPrice;
      if (useOwn) doneInHouse |= 1 << process;
      processCost += (processNeeds[process] / productsMade) * (useOwn ? ownCost : buyPrice);
    }
  }
  firm.usesInHouse = doneInHouse;
  firm.processCostPerUnit = processCost;

  const capacity =
    productsMade > 0
      ? poweredCapacity(capacityUnits(labour, firm.headcount, firm.skillSum, firm.capability), town.powerAvailability)
      : 0;
  const wageBill =
    wageBillPerMonth(labour, firm.headcount, firm.apprentices) *
    wageMultiplier(labour, firm.capability, town.meanCapability);
  const referenceUnitCost = capacity > 0 ? unitCostAtCapacity(market, wageBill, capacity) + processCost : 0;
  const materialCostShock =
    capacity > 0 ? materialCostPerUnitAt(market, town.materialCostIndex) - market.materialCostPerUnit : 0;
  const freshDesign = ownFreshSlot(model, firm);
  const markupRate =
    markup(market, town.firms, firm.capability, town.meanCapability) +
    (freshDesign >= 0 ? innovation.noveltyMarkup : 0);
  const price = priceWithPassThrough(referenceUnitCost, markupRate, materialCostShock, shocks.materialPassThrough);
  firm.capacityUnits = capacity;
  firm.unitCost = referenceUnitCost + materialCostShock;
  firm.price = price;
  const pull = attractiveness(market, capacity, firm.capability, price);
  firm.attractiveness = pull;

  const sums = model.pullSums[firm.town];
  sums.attractiveness.add(firm.id, pull);
  // Capacity is spread over the firm's products; a fresh design pulls harder.
  const freshProduct = freshDesign >= 0 ? model.slots[freshDesign].product : -1;
  for (let bits = productMask; bits !== 0; bits &= bits - 1) {
    const product = lowestBit(bits);
    const novelty = product === freshProduct ? 1 + innovation.noveltyPull : 1;
    sums.productPull[product].add(firm.id, (pull / productsMade) * novelty);
    sums.producers[product].add(firm.id, 1);
  }
  if (town.exportDemandUnits > 0 && firm.capability >= town.exportQualityThreshold) {
    sums.exportPull.add(firm.id, pull);
  }
}

/** The slot of the firm's own design that is still fresh (uncopied in its town), or -1. */
export function ownFreshSlot(model: Model, firm: Firm): number {
  const slot = firm.freshSlot;
  return slot >= 0 && model.slots[slot].fresh && model.slots[slot].originator === firm.id ? slot : -1;
}

export function reduceAttractiveness(model: Model): void {
  const { market } = model.params;
  for (const town of model.towns) {
    const sums = model.pullSums[town.index];
    let importPullTotal = 0;
    let importSales = 0;
    for (const slot of town.products) {
      const demand = slot.demandUnits;
      const importCapacity = town.demandUnits > 0 ? town.importCapacityUnits * (demand / town.demandUnits) : 0;
      const importPull = attractiveness(market, importCapacity, town.importQuality, town.importPrice);
      const firmsPull = sums.productPull[slot.product].value;
      slot.pullSum = firmsPull;
      slot.producers = sums.producers[slot.product].value;
      slot.importPull = importPull;
      slot.importSalesUnits =
        importPull > 0 ? salesFromShare(demand, importPull, firmsPull + importPull, importCapacity) : 0;
      importPullTotal += importPull;
      importSales += slot.importSalesUnits;
    }
    town.attractivenessSum = sums.attractiveness.value + importPullTotal;
    town.importAttractiveness = importPullTotal;
    town.importSalesUnits = importSales;
    town.exportPullSum = sums.exportPull.value;
  }
}
