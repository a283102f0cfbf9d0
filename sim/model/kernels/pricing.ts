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

  for (let id = start; id < end; id++) {
    if (f.alive[id] === 0) continue;
    const town = f.town[id];
    const capacity = capacityUnits(labour, f.headcount[id], f.skillSum[id], f.capability[id]);
    const unitCost = unitCostAtCapacity(market, wageBillPerMonth(labour, f.headcount[id], f.apprentices[id]), capacity);
    const price = unitCost * (1 + markup(market, townFirms[town], f.capability[id], townMeanCapability[town]));
    f.capacityUnits[id] = capacity;
    f.unitCost[id] = unitCost;
    f.price[id] = price;
    const pull = attractiveness(market, capacity, f.capability[id], price);
    f.attractiveness[id] = pull;
    partial[rowStart + town * PARTIAL_FIELDS + PARTIAL.attractivenessSum] += pull;
  }
}
