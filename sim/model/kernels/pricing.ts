/**
 * Pricing kernel, over firm blocks: capacity from the gathered workforce, unit cost,
 * mark-up (squeezed by last month's rival count) and attractiveness to buyers.
 */
import type { World } from '../../world.js';
import { attractiveness, capacityUnits, markup, unitCostAtCapacity, wageBillPerMonth } from '../equations.js';
import { PARTIAL, PARTIAL_FIELDS, partialStride } from '../partials.js';

export function pricingKernel(world: World, block: number, start: number, end: number): void {
  const { market, labour } = world.params;
  const townCount = world.params.towns.length;
  const f = world.firms.cols;
  const townFirms = world.towns.cols.firms;
  const townMeanCapability = world.towns.cols.meanCapability;
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
    const capacity = capacityUnits(labour, headcount[id], skillSum[id], firmCapability);
    const unitCost = unitCostAtCapacity(market, wageBillPerMonth(labour, headcount[id], apprentices[id]), capacity);
    const price = unitCost * (1 + markup(market, townFirms[town], firmCapability, townMeanCapability[town]));
    capacityColumn[id] = capacity;
    unitCostColumn[id] = unitCost;
    priceColumn[id] = price;
    const pull = attractiveness(market, capacity, firmCapability, price);
    attractivenessColumn[id] = pull;
    partial[rowStart + town * PARTIAL_FIELDS + PARTIAL.attractivenessSum] += pull;
  }
}
