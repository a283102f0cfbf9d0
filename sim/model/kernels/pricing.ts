/**
 * Pricing kernel, over firm blocks: capacity from the gathered workforce (and this
 * month's power availability), unit cost (at this month's material price), mark-up
 * (squeezed by last month's rival count) and attractiveness to buyers.
 */
import type { World } from '../../world.js';
import {
  attractiveness,
  capacityUnits,
  markup,
  materialCostPerUnitAt,
  poweredCapacity,
  priceWithPassThrough,
  unitCostAtCapacity,
  wageBillPerMonth,
} from '../equations.js';
import { PARTIAL, PARTIAL_FIELDS, partialStride } from '../partials.js';

export function pricingKernel(world: World, block: number, start: number, end: number): void {
  const { market, labour, shocks } = world.params;
  const townCount = world.params.towns.length;
  const f = world.firms.cols;
  const { firms: townFirms, meanCapability: townMeanCapability } = world.towns.cols;
  const { materialCostIndex: townMaterialIndex, powerAvailability: townPower } = world.towns.cols;
  const partial = world.partials.cols.value;
  const rowStart = block * partialStride(townCount);
  for (let town = 0; town < townCount; town++)
    partial[rowStart + town * PARTIAL_FIELDS + PARTIAL.attractivenessSum] = 0;

  // Columns in locals: the loop then indexes typed arrays directly (measured ~2x faster).
  const { alive, town: firmTown, headcount, skillSum, apprentices, capability } = f;
  const { capacityUnits: capacityColumn, unitCost: unitCostColumn, price: priceColumn } = f;
  const attractivenessColumn = f.attractiveness;
  for (let id = start; id < end; id++) {
    if (alive[id] === 0) continue;
    const town = firmTown[id];
    const firmCapability = capability[id];
    const capacity = poweredCapacity(
      capacityUnits(labour, headcount[id], skillSum[id], firmCapability),
      townPower[town],
    );
    // Unit cost at the base material price; a material price shock adds to it per unit.
    const referenceUnitCost = unitCostAtCapacity(
      market,
      wageBillPerMonth(labour, headcount[id], apprentices[id]),
      capacity,
    );
    const materialCostShock =
      capacity > 0 ? materialCostPerUnitAt(market, townMaterialIndex[town]) - market.materialCostPerUnit : 0;
    const unitCost = referenceUnitCost + materialCostShock;
    const price = priceWithPassThrough(
      referenceUnitCost,
      markup(market, townFirms[town], firmCapability, townMeanCapability[town]),
      materialCostShock,
      shocks.materialPassThrough,
    );
    capacityColumn[id] = capacity;
    unitCostColumn[id] = unitCost;
    priceColumn[id] = price;
    const pull = attractiveness(market, capacity, firmCapability, price);
    attractivenessColumn[id] = pull;
    partial[rowStart + town * PARTIAL_FIELDS + PARTIAL.attractivenessSum] += pull;
  }
}
