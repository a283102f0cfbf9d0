/**
 * Market kernel, over firm blocks: each firm's share of the demand for each product
 * it makes (and of foreign demand, if it qualifies), sales, accounts, technological
 * effort and capability, design work and imitation (§7.14, §7.15), make-or-buy
 * investment (§7.13), and the decisions to hire, exit, launch, copy or invest
 * (queued as commands). Writes per-town partial sums for the reductions.
 */
import type { World } from '../../world.js';
import { clearBlock, pushCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import { UPGRADE } from '../../state/firms.js';
import {
  capabilityGain,
  creditLine,
  materialCostPerUnitAt,
  monthlyInterest,
  spilloverGain,
  wageBillPerMonth,
} from '../equations.js';
import { wageMultiplier } from '../rules/people.js';
import { bitCount, lowestBit } from '../rules/bits.js';
import { machineCost, machinePaysBack } from '../rules/sourcing.js';
import { catalogueOf } from '../catalogue.js';
import {
  PARTIAL,
  PRICING_FIELDS,
  partialStride,
  processBoughtField,
  productPullField,
  townStride,
} from '../partials.js';
import { countProcessNeeds } from './pricing.js';
import { designWork, openProductsByTown } from './designWork.js';
import { startCopying } from './imitation.js';
import { drawBase, STREAM, uniformAt } from '../../rng/streams.js';
import { isMember } from '../membership.js';

/** Why a firm closes (the `arg` of an exit command). */
export const EXIT_REASON = { losses: 0, ownerGaveUp: 1 } as const;

const processNeeds = new Float64Array(32);
/** Per-thread scratch: each town's open products this block (designWork.ts `openProductsByTown`). */
let openProducts = new Int32Array(8);

export function marketKernel(world: World, block: number, start: number, end: number): void {
  const { params } = world;
  const { market, labour, capability: capabilityParams, entry, exit, spillovers, processes, vendors } = params;
  const catalogue = catalogueOf(params);
  const productCount = catalogue.productCount;
  const processCount = catalogue.processCount;
  const tick = world.header[HEADER.tick];
  const townCount = params.towns.length;
  const stride = townStride(params);
  const f = world.firms.cols;
  const tc = world.towns.cols;
  const tp = world.townProducts.cols;
  const accessPrice = world.townProcesses.cols.accessPrice;
  const partial = world.partials.cols.value;
  const rowStart = block * partialStride(params);
  for (let town = 0; town < townCount; town++) {
    const cell = rowStart + town * stride;
    for (let field = 0; field < stride; field++) {
      const isPricingField =
        field >= productPullField(0) ? field < processBoughtField(params, 0) : PRICING_FIELDS.includes(field);
      if (!isPricingField) partial[cell + field] = 0;
    }
  }
  const { hire, exit: exitCommands, launch, copy, invest } = world.commands;
  clearBlock(hire, block);
  clearBlock(exitCommands, block);
  clearBlock(launch, block);
  clearBlock(copy, block);
  clearBlock(invest, block);
  if (openProducts.length < townCount) openProducts = new Int32Array(townCount);
  openProductsByTown(world, catalogue, tick, openProducts);
  const policyKey = world.streamKeys[STREAM.policy];
  const ownerKey = world.streamKeys[STREAM.owner];

  // Columns in locals: the loop then indexes typed arrays directly (measured ~2x faster).
  const { alive, town: firmTown, capacityUnits, attractiveness, price, headcount, apprentices, skillSum } = f;
  const { demandShareUnits, salesUnits, revenue: revenueColumn, profit: profitColumn, effort: effortColumn } = f;
  const { utilisation: utilisationColumn, cash, debt, interest: interestColumn } = f;
  const { capability, lossMonths, shrinking, parent, birthTick, products, freshSlot, designRent } = f;
  const { usesInHouse, inHouse, processCostPerUnit, machineValue, investment: investmentColumn } = f;
  const { exportSalesUnits, lowIncomeMonths, upgradeFlags, unitCost } = f;
  const hireCashReserve = labour.hireReserveMonths * labour.wageJourneymanPerMonth;

  for (let id = start; id < end; id++) {
    if (alive[id] === 0) continue;
    const town = firmTown[id];
    const capacity = capacityUnits[id];
    const productMask = products[id];
    const productsMade = bitCount(productMask);
    const pullPerProduct = productsMade > 0 ? attractiveness[id] / productsMade : 0;
    const ownFresh = freshSlot[id];
    const freshProduct =
      ownFresh >= 0 && tp.fresh[ownFresh] === 1 && tp.originator[ownFresh] === id ? ownFresh - town * productCount : -1;
    // Demand for each product is split among its producers and imports by pull.
    let demandShare = 0;
    let freshDemand = 0;
    for (let bits = productMask; bits !== 0; bits &= bits - 1) {
      const product = lowestBit(bits);
      const slot = town * productCount + product;
      const townPull = tp.pullSum[slot] + tp.importPull[slot];
      const pull = product === freshProduct ? pullPerProduct * (1 + params.innovation.noveltyPull) : pullPerProduct;
      const share = townPull > 0 ? (tp.demandUnits[slot] * pull) / townPull : 0;
      demandShare += share;
      if (product === freshProduct) freshDemand = share;
    }
    const sales = Math.min(capacity, demandShare);
    // Foreign buyers take what qualifying firms can still deliver (export linkage policy).
    const exportShare =
      tc.exportPullSum[town] > 0 && capability[id] >= tc.exportQualityThreshold[town] && tc.exportDemandUnits[town] > 0
        ? (tc.exportDemandUnits[town] * attractiveness[id]) / tc.exportPullSum[town]
        : 0;
    const exportSales = Math.min(capacity - sales, exportShare);
    const revenue = sales * price[id] + exportSales * price[id] * tc.exportPriceIndex[town];
    const wageBill =
      wageBillPerMonth(labour, headcount[id], apprentices[id]) *
      wageMultiplier(labour, capability[id], tc.meanCapability[town]);
    const openingDebt = debt[id];
    const interest = monthlyInterest(tc.interestRatePerYear[town], openingDebt);
    const unitsMade = sales + exportSales;
    const materialCost = materialCostPerUnitAt(market, tc.materialCostIndex[town]);
    const costs =
      wageBill + unitsMade * (materialCost + processCostPerUnit[id]) + market.overheadPerFirmMonth + interest;
    const profit = revenue - costs;
    const effort = profit > 0 ? capabilityParams.effortShareOfProfit * profit : 0;
    const utilisation = capacity > 0 ? unitsMade / capacity : 0;
    const meanSkill = headcount[id] > 0 ? skillSum[id] / headcount[id] : 0;
    const firmCreditLine = creditLine(tc.creditLimitMonths[town], wageBill, tc.creditFundPerFirm[town]);
    const member = isMember(world, id, tc.membershipShare[town]);

    // Innovation rent: the novelty mark-up on the fresh design's units (§7.14).
    const rentThisMonth =
      freshProduct >= 0 && demandShare > 0
        ? params.innovation.noveltyMarkup * unitCost[id] * sales * (freshDemand / demandShare)
        : 0;
    designRent[id] += rentThisMonth;

    // Design work (weighed against the expected imitation lag) and imitation.
    const designSpend = designWork(
      world,
      catalogue,
      openProducts[town],
      id,
      town,
      tick,
      profit,
      sales,
      productsMade,
      firmCreditLine - openingDebt,
      member,
      block,
    );
    const demandPerProduct = productsMade > 0 ? demandShare / productsMade : 0;
    const copySpend = startCopying(world, catalogue, id, town, tick, cash[id] - designSpend, demandPerProduct, block);

    // Processes the firm's products need (and how many of them need each), for make or
    // buy and for the town's process volumes below.
    const needed = processCount > 0 && productsMade > 0 ? countProcessNeeds(catalogue, productMask, processNeeds) : 0;

    // Make or buy: one machine a month at most, when it repays itself in time.
    let machineSpend = 0;
    if (needed !== 0 && unitsMade > 0) {
      for (let rest = needed & ~inHouse[id]; rest !== 0; rest &= rest - 1) {
        const process = lowestBit(rest);
        const cost = machineCost(processes[process], vendors, tc.secondHandShare[town]);
        const volume = (unitsMade * processNeeds[process]) / productsMade;
        const affordable = cash[id] - designSpend - copySpend >= cost + hireCashReserve;
        if (
          affordable &&
          machinePaysBack(accessPrice[town * processCount + process], processes[process], volume, cost, vendors)
        ) {
          inHouse[id] |= 1 << process;
          machineValue[id] += cost;
          machineSpend = cost;
          pushCommand(invest, block, id, process);
          break;
        }
      }
    }
    investmentColumn[id] = machineSpend;

    demandShareUnits[id] = demandShare;
    salesUnits[id] = sales;
    revenueColumn[id] = revenue;
    profitColumn[id] = profit;
    const totalEffort = effort + designSpend + copySpend;
    effortColumn[id] = totalEffort;
    utilisationColumn[id] = utilisation;
    // Cash never goes negative: a shortfall is borrowed, and cash repays debt first.
    // The owner takes home part of what is left after effort (the household's income, so
    // that cash does not pile up in the workshop for ever).
    const ownerDraw = params.finance.ownerDrawShareOfProfit * Math.max(0, profit - totalEffort);
    const netPosition = cash[id] - openingDebt + (profit - totalEffort) - machineSpend - ownerDraw;
    const firmCash = netPosition > 0 ? netPosition : 0;
    const firmDebt = netPosition < 0 ? -netPosition : 0;
    cash[id] = firmCash;
    debt[id] = firmDebt;
    interestColumn[id] = interest;

    // Capability: effort (design work teaches too), production, spontaneous spillovers,
    // facilitated spillovers among association members (IV), and institutions' courses
    // and prototype partnerships. Capped at the frontier (1).
    const openingCapability = capability[id];
    // Draws only where a course or a partnership is on offer (a draw below probability 0 never wins).
    const courseChance = tc.facilityCourseProbability[town];
    const partnerChance = tc.rdPartnerProbability[town];
    const draws = courseChance > 0 || partnerChance > 0 ? drawBase(policyKey, id, tick) : 0;
    let gain =
      capabilityGain(capabilityParams, openingCapability, totalEffort, utilisation, meanSkill) +
      spilloverGain(spillovers, openingCapability, tc.knowledgePool[town]);
    if (member && tc.memberMeanCapability[town] > openingCapability) {
      gain +=
        tc.facilitatedLearningPerMonth[town] *
        tc.associationTrust[town] *
        (tc.memberMeanCapability[town] - openingCapability);
    }
    if (courseChance > 0 && uniformAt(draws, 0) < courseChance) {
      gain += tc.facilityCourseGain[town] * (1 - openingCapability);
    }
    if (partnerChance > 0 && openingCapability >= tc.rdMinCapability[town] && uniformAt(draws, 1) < partnerChance) {
      gain += tc.rdCapabilityGain[town] * (1 - openingCapability);
      f.designProgress[id] += tc.rdSubsidy[town];
    }
    const firmCapability = Math.min(1, openingCapability + gain);
    capability[id] = firmCapability;

    const inDistress = firmDebt > firmCreditLine;
    const monthsInLoss = inDistress ? lossMonths[id] + 1 : 0;
    lossMonths[id] = monthsInLoss;
    // The owner's income is the profit; below a journeyman's wage the owner may give up.
    const lowIncome = profit < labour.wageJourneymanPerMonth ? lowIncomeMonths[id] + 1 : 0;
    lowIncomeMonths[id] = lowIncome;
    shrinking[id] = demandShare < labour.layoffDemandRatio * capacity ? 1 : 0;
    const givesUp =
      lowIncome >= exit.ownerPatienceMonths &&
      uniformAt(drawBase(ownerKey, id, tick), 0) < exit.ownerGiveUpProbabilityPerMonth;

    if (monthsInLoss >= exit.lossMonthsToExit) {
      pushCommand(exitCommands, block, id, EXIT_REASON.losses);
    } else if (givesUp) {
      pushCommand(exitCommands, block, id, EXIT_REASON.ownerGaveUp);
    } else if (demandShare >= labour.hireDemandRatio * capacity && firmCash >= hireCashReserve) {
      pushCommand(hire, block, id, 0);
    }
    // A first export sale is a new marketing linkage ([B]: upgrading through new buyers).
    if (exportSales > 0 && exportSalesUnits[id] === 0)
      upgradeFlags[id] |= UPGRADE.newBuyers | UPGRADE.marketingLinkages;
    exportSalesUnits[id] = exportSales;

    const cell = rowStart + town * stride;
    partial[cell + PARTIAL.firms] += 1;
    partial[cell + PARTIAL.capabilitySum] += firmCapability;
    if (firmCapability > partial[cell + PARTIAL.capabilityMax]) partial[cell + PARTIAL.capabilityMax] = firmCapability;
    const isSuccessfulSpinOff = parent[id] >= 0 && tick - birthTick[id] >= entry.successAgeMonths && firmCash > 0;
    if (isSuccessfulSpinOff) partial[cell + PARTIAL.successfulSpinOffs] += 1;
    partial[cell + PARTIAL.salesUnits] += sales;
    partial[cell + PARTIAL.salesSquared] += sales * sales;
    partial[cell + PARTIAL.exportSalesUnits] += exportSales;
    partial[cell + PARTIAL.revenue] += revenue;
    partial[cell + PARTIAL.profit] += profit;
    partial[cell + PARTIAL.cash] += firmCash;
    partial[cell + PARTIAL.effort] += totalEffort;
    partial[cell + PARTIAL.designSpend] += designSpend + copySpend;
    partial[cell + PARTIAL.designRent] += rentThisMonth;
    partial[cell + PARTIAL.investment] += machineSpend;
    partial[cell + PARTIAL.ownerDraws] += ownerDraw;
    partial[cell + PARTIAL.machineValue] += machineValue[id];
    partial[cell + PARTIAL.demandShareUnits] += demandShare;
    partial[cell + PARTIAL.priceTimesSales] += price[id] * sales;
    partial[cell + PARTIAL.debt] += firmDebt;
    partial[cell + PARTIAL.interest] += interest;
    if (firmDebt > openingDebt) partial[cell + PARTIAL.borrowed] += firmDebt - openingDebt;
    else partial[cell + PARTIAL.repaid] += openingDebt - firmDebt;
    if (member) {
      partial[cell + PARTIAL.members] += 1;
      partial[cell + PARTIAL.memberCapabilitySum] += firmCapability;
    }
    partial[cell + PARTIAL.productsMade] += productsMade;
    if (processCount > 0 && productsMade > 0) {
      if ((needed & ~usesInHouse[id]) === 0) partial[cell + PARTIAL.fullyIntegrated] += 1;
      for (let rest = needed; rest !== 0; rest &= rest - 1) {
        const process = lowestBit(rest);
        const volume = (unitsMade * processNeeds[process]) / productsMade;
        const field = cell + processBoughtField(params, process);
        if ((usesInHouse[id] & (1 << process)) === 0) partial[field] += volume;
        partial[field + 1] += volume;
      }
    } else if (productsMade > 0) {
      partial[cell + PARTIAL.fullyIntegrated] += 1;
    }
  }
}
