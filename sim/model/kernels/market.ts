/**
 * Market kernel, over firm blocks: each firm's share of its town's demand, sales,
 * accounts, technological effort, capability growth, and the decisions to hire or
 * exit (queued as commands). Writes per-town partial sums for the observers.
 */
import type { World } from '../../world.js';
import { clearBlock, pushCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import { capabilityGain, wageBillPerMonth } from '../equations.js';
import { PARTIAL, PARTIAL_FIELDS, partialStride } from '../partials.js';

export function marketKernel(world: World, block: number, start: number, end: number): void {
  const { market, labour, capability: capabilityParams, entry, exit } = world.params;
  const tick = world.header[HEADER.tick];
  const townCount = world.params.towns.length;
  const f = world.firms.cols;
  const townDemand = world.towns.cols.demandUnits;
  const townPull = world.towns.cols.attractivenessSum;
  const partial = world.partials.cols.value;
  const rowStart = block * partialStride(townCount);
  for (let town = 0; town < townCount; town++) {
    const cell = rowStart + town * PARTIAL_FIELDS;
    for (let field = 0; field < PARTIAL_FIELDS; field++) {
      if (field !== PARTIAL.attractivenessSum) partial[cell + field] = 0;
    }
  }
  const { hire, exit: exitCommands } = world.commands;
  clearBlock(hire, block);
  clearBlock(exitCommands, block);

  for (let id = start; id < end; id++) {
    if (f.alive[id] === 0) continue;
    const town = f.town[id];
    const capacity = f.capacityUnits[id];
    const demandShare = townPull[town] > 0 ? (townDemand[town] * f.attractiveness[id]) / townPull[town] : 0;
    const sales = Math.min(capacity, demandShare);
    const revenue = sales * f.price[id];
    const costs =
      wageBillPerMonth(labour, f.headcount[id], f.apprentices[id]) +
      sales * market.materialCostPerUnit +
      market.overheadPerFirmMonth;
    const profit = revenue - costs;
    const effort = profit > 0 ? capabilityParams.effortShareOfProfit * profit : 0;
    const utilisation = capacity > 0 ? sales / capacity : 0;
    const meanSkill = f.headcount[id] > 0 ? f.skillSum[id] / f.headcount[id] : 0;

    f.demandShareUnits[id] = demandShare;
    f.salesUnits[id] = sales;
    f.revenue[id] = revenue;
    f.profit[id] = profit;
    f.effort[id] = effort;
    f.utilisation[id] = utilisation;
    f.cash[id] += profit - effort;
    f.capability[id] += capabilityGain(capabilityParams, f.capability[id], effort, utilisation, meanSkill);
    f.lossMonths[id] = f.cash[id] < 0 ? f.lossMonths[id] + 1 : 0;
    f.shrinking[id] = demandShare < labour.layoffDemandRatio * capacity ? 1 : 0;

    if (f.lossMonths[id] >= exit.lossMonthsToExit) {
      pushCommand(exitCommands, block, id, 0);
    } else if (
      demandShare >= labour.hireDemandRatio * capacity &&
      f.cash[id] >= labour.hireReserveMonths * labour.wageJourneymanPerMonth
    ) {
      pushCommand(hire, block, id, 0);
    }

    const cell = rowStart + town * PARTIAL_FIELDS;
    partial[cell + PARTIAL.firms] += 1;
    partial[cell + PARTIAL.capabilitySum] += f.capability[id];
    if (f.capability[id] > partial[cell + PARTIAL.capabilityMax])
      partial[cell + PARTIAL.capabilityMax] = f.capability[id];
    const isSuccessfulSpinOff = f.parent[id] >= 0 && tick - f.birthTick[id] >= entry.successAgeMonths && f.cash[id] > 0;
    if (isSuccessfulSpinOff) partial[cell + PARTIAL.successfulSpinOffs] += 1;
    partial[cell + PARTIAL.salesUnits] += sales;
    partial[cell + PARTIAL.revenue] += revenue;
    partial[cell + PARTIAL.profit] += profit;
    partial[cell + PARTIAL.cash] += f.cash[id];
    partial[cell + PARTIAL.effort] += effort;
    partial[cell + PARTIAL.demandShareUnits] += demandShare;
    partial[cell + PARTIAL.priceTimesSales] += f.price[id] * sales;
  }
}
