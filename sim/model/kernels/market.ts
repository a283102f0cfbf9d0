/**
 * Market kernel, over firm blocks: each firm's share of its town's demand, sales,
 * accounts, technological effort, capability growth, and the decisions to hire or
 * exit (queued as commands). Writes per-town partial sums for the observers.
 */
import type { World } from '../../world.js';
import { clearBlock, pushCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import {
  capabilityGain,
  creditLine,
  materialCostPerUnitAt,
  monthlyInterest,
  spilloverGain,
  wageBillPerMonth,
} from '../equations.js';
import { PARTIAL, PARTIAL_FIELDS, partialStride } from '../partials.js';

export function marketKernel(world: World, block: number, start: number, end: number): void {
  const { market, labour, capability: capabilityParams, entry, exit, finance, spillovers } = world.params;
  const tick = world.header[HEADER.tick];
  const townCount = world.params.towns.length;
  const f = world.firms.cols;
  const townDemand = world.towns.cols.demandUnits;
  const townPull = world.towns.cols.attractivenessSum;
  const townKnowledgePool = world.towns.cols.knowledgePool;
  const townMaterialIndex = world.towns.cols.materialCostIndex;
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

  // Columns in locals: the loop then indexes typed arrays directly (measured ~2x faster).
  const { alive, town: firmTown, capacityUnits, attractiveness, price, headcount, apprentices, skillSum } = f;
  const { demandShareUnits, salesUnits, revenue: revenueColumn, profit: profitColumn, effort: effortColumn } = f;
  const { utilisation: utilisationColumn, cash, debt, interest: interestColumn } = f;
  const { capability, lossMonths, shrinking, parent, birthTick } = f;
  const hireCashReserve = labour.hireReserveMonths * labour.wageJourneymanPerMonth;

  for (let id = start; id < end; id++) {
    if (alive[id] === 0) continue;
    const town = firmTown[id];
    const capacity = capacityUnits[id];
    // The town's pull includes the imports' (reduce-attractiveness), so imports take their share.
    const demandShare = townPull[town] > 0 ? (townDemand[town] * attractiveness[id]) / townPull[town] : 0;
    const sales = Math.min(capacity, demandShare);
    const revenue = sales * price[id];
    const wageBill = wageBillPerMonth(labour, headcount[id], apprentices[id]);
    const openingDebt = debt[id];
    const interest = monthlyInterest(finance, openingDebt);
    const materialCost = materialCostPerUnitAt(market, townMaterialIndex[town]);
    const costs = wageBill + sales * materialCost + market.overheadPerFirmMonth + interest;
    const profit = revenue - costs;
    const effort = profit > 0 ? capabilityParams.effortShareOfProfit * profit : 0;
    const utilisation = capacity > 0 ? sales / capacity : 0;
    const meanSkill = headcount[id] > 0 ? skillSum[id] / headcount[id] : 0;

    demandShareUnits[id] = demandShare;
    salesUnits[id] = sales;
    revenueColumn[id] = revenue;
    profitColumn[id] = profit;
    effortColumn[id] = effort;
    utilisationColumn[id] = utilisation;
    // Cash never goes negative: a shortfall is borrowed, and cash repays debt first.
    const netPosition = cash[id] - openingDebt + (profit - effort);
    const firmCash = netPosition > 0 ? netPosition : 0;
    const firmDebt = netPosition < 0 ? -netPosition : 0;
    cash[id] = firmCash;
    debt[id] = firmDebt;
    interestColumn[id] = interest;
    const openingCapability = capability[id];
    // Effort, production and spillovers each close part of the gap; capped at the frontier (1).
    const firmCapability = Math.min(
      1,
      openingCapability +
        capabilityGain(capabilityParams, openingCapability, effort, utilisation, meanSkill) +
        spilloverGain(spillovers, openingCapability, townKnowledgePool[town]),
    );
    capability[id] = firmCapability;
    const inDistress = firmDebt > creditLine(finance, wageBill);
    const monthsInLoss = inDistress ? lossMonths[id] + 1 : 0;
    lossMonths[id] = monthsInLoss;
    shrinking[id] = demandShare < labour.layoffDemandRatio * capacity ? 1 : 0;

    if (monthsInLoss >= exit.lossMonthsToExit) {
      pushCommand(exitCommands, block, id, 0);
    } else if (demandShare >= labour.hireDemandRatio * capacity && firmCash >= hireCashReserve) {
      pushCommand(hire, block, id, 0);
    }

    const cell = rowStart + town * PARTIAL_FIELDS;
    partial[cell + PARTIAL.firms] += 1;
    partial[cell + PARTIAL.capabilitySum] += firmCapability;
    if (firmCapability > partial[cell + PARTIAL.capabilityMax]) partial[cell + PARTIAL.capabilityMax] = firmCapability;
    const isSuccessfulSpinOff = parent[id] >= 0 && tick - birthTick[id] >= entry.successAgeMonths && firmCash > 0;
    if (isSuccessfulSpinOff) partial[cell + PARTIAL.successfulSpinOffs] += 1;
    partial[cell + PARTIAL.salesUnits] += sales;
    partial[cell + PARTIAL.revenue] += revenue;
    partial[cell + PARTIAL.profit] += profit;
    partial[cell + PARTIAL.cash] += firmCash;
    partial[cell + PARTIAL.effort] += effort;
    partial[cell + PARTIAL.demandShareUnits] += demandShare;
    partial[cell + PARTIAL.priceTimesSales] += price[id] * sales;
    partial[cell + PARTIAL.debt] += firmDebt;
    partial[cell + PARTIAL.interest] += interest;
    if (firmDebt > openingDebt) partial[cell + PARTIAL.borrowed] += firmDebt - openingDebt;
    else partial[cell + PARTIAL.repaid] += openingDebt - firmDebt;
  }
}
