/**
 * Phase 11, market-and-effort (sim/model/kernels/market.ts, run there over firm
 * blocks): each firm's share of the demand for its products (and of foreign demand),
 * sales, accounts, design work and imitation, make-or-buy, capability, and the
 * decisions to exit, hire, launch, copy or invest (staged). Phase 12, reduce-market
 * (sim/model/phases/reduceTowns.ts): each town's totals - added in the engine's block
 * grouping (../blockSum.ts) - the town state the next month reads, knowledge pools
 * and process volumes.
 */
import { UPGRADE } from '../../../sim/state/firms.js';
import {
  capabilityGain,
  creditLine,
  materialCostPerUnitAt,
  monthlyInterest,
  spilloverGain,
  wageBillPerMonth,
} from '../../../sim/model/equations.js';
import { wageMultiplier } from '../../../sim/model/rules/people.js';
import { bitCount, lowestBit } from '../../../sim/model/rules/bits.js';
import { machineCost, machinePaysBack } from '../../../sim/model/rules/sourcing.js';
import { countProcessNeeds } from '../../../sim/model/kernels/pricing.js';
import { uniformAt } from '../../../sim/rng/streams.js';
import type { Firm } from '../agents.js';
import type { Model } from '../model.js';
import { BlockedSum } from '../blockSum.js';
import { designWork } from './designWork.js';
import { startCopying } from './imitation.js';
import { ownFreshSlot } from './pricing.js';

/** Totals over a town's trading firms (sim/model/partials.ts PARTIAL, market fields). */
const SUMMED = [
  'firms',
  'capabilitySum',
  'successfulSpinOffs',
  'salesUnits',
  'revenue',
  'profit',
  'cash',
  'effort',
  'demandShareUnits',
  'priceTimesSales',
  'debt',
  'interest',
  'borrowed',
  'repaid',
  'salesSquared',
  'exportSalesUnits',
  'members',
  'memberCapabilitySum',
  'designSpend',
  'designRent',
  'investment',
  'machineValue',
  'fullyIntegrated',
  'productsMade',
  'ownerDraws',
] as const;
type SummedField = (typeof SUMMED)[number];

export type MarketTotals = Record<SummedField, number> & {
  capabilityMax: number;
  /** Units of product needing each process: bought outside, and in total. */
  processBought: number[];
  processNeeded: number[];
};

/** One town's running totals this month, fed in firm-id order. */
export class MarketSums {
  readonly sums = new Map<SummedField, BlockedSum>(SUMMED.map((field) => [field, new BlockedSum()]));
  capabilityMax = 0;
  readonly processBought: BlockedSum[];
  readonly processNeeded: BlockedSum[];
  constructor(processCount: number) {
    this.processBought = Array.from({ length: processCount }, () => new BlockedSum());
    this.processNeeded = Array.from({ length: processCount }, () => new BlockedSum());
  }
  add(field: SummedField, firm: Firm, value: number): void {
    this.sums.get(field)!.add(firm.id, value);
  }
  totals(): MarketTotals {
    const totals = Object.fromEntries(SUMMED.map((field) => [field, this.sums.get(field)!.value])) as Record<
      SummedField,
      number
    >;
    return {
      ...totals,
      capabilityMax: this.capabilityMax,
      processBought: this.processBought.map((sum) => sum.value),
      processNeeded: this.processNeeded.map((sum) => sum.value),
    };
  }
}

export function marketAndEffort(model: Model): void {
  model.marketSums = model.towns.map(() => new MarketSums(model.catalogue.processCount));
  for (const firm of model.firms) {
    if (firm.alive) trade(model, firm);
  }
}

function trade(model: Model, firm: Firm): void {
  const { params, catalogue, tick } = model;
  const { market, labour, entry, exit, spillovers, processes, vendors, innovation } = params;
  const town = model.towns[firm.town];
  const hireCashReserve = labour.hireReserveMonths * labour.wageJourneymanPerMonth;
  const capacity = firm.capacityUnits;
  const productsMade = bitCount(firm.products);
  const pullPerProduct = productsMade > 0 ? firm.attractiveness / productsMade : 0;
  const fresh = ownFreshSlot(model, firm);
  const freshProduct = fresh >= 0 ? model.slots[fresh].product : -1;
  // Demand for each product is split among its producers and imports by pull.
  let demandShare = 0;
  let freshDemand = 0;
  for (let bits = firm.products; bits !== 0; bits &= bits - 1) {
    const product = lowestBit(bits);
    const slot = town.products[product];
    const townPull = slot.pullSum + slot.importPull;
    const pull = product === freshProduct ? pullPerProduct * (1 + innovation.noveltyPull) : pullPerProduct;
    const share = townPull > 0 ? (slot.demandUnits * pull) / townPull : 0;
    demandShare += share;
    if (product === freshProduct) freshDemand = share;
  }
  const sales = Math.min(capacity, demandShare);
  // Foreign buyers take what qualifying firms can still deliver (export linkage policy).
  const exportShare =
    town.exportPullSum > 0 && firm.capability >= town.exportQualityThreshold && town.exportDemandUnits > 0
      ? (town.exportDemandUnits * firm.attractiveness) / town.exportPullSum
      : 0;
  const exportSales = Math.min(capacity - sales, exportShare);
  const revenue = sales * firm.price + exportSales * firm.price * town.exportPriceIndex;
  const wageBill =
    wageBillPerMonth(labour, firm.headcount, firm.apprentices) *
    wageMultiplier(labour, firm.capability, town.meanCapability);
  const openingDebt = firm.debt;
  const interest = monthlyInterest(town.interestRatePerYear, openingDebt);
  const unitsMade = sales + exportSales;
  const materialCost = materialCostPerUnitAt(market, town.materialCostIndex);
  const costs =
    wageBill + unitsMade * (materialCost + firm.processCostPerUnit) + market.overheadPerFirmMonth + interest;
  const profit = revenue - costs;
  const effort = profit > 0 ? params.capability.effortShareOfProfit * profit : 0;
  const utilisation = capacity > 0 ? unitsMade / capacity : 0;
  const meanSkill = firm.headcount > 0 ? firm.skillSum / firm.headcount : 0;
  const firmCreditLine = creditLine(town.creditLimitMonths, wageBill, town.creditFundPerFirm);
  const member = model.isMember(firm, town.membershipShare);

  // Innovation rent: the novelty mark-up on the fresh design's units.
  const rentThisMonth =
    freshProduct >= 0 && demandShare > 0
      ? innovation.noveltyMarkup * firm.unitCost * sales * (freshDemand / demandShare)
      : 0;
  firm.designRent += rentThisMonth;

  const designSpend = designWork(model, firm, profit, sales, productsMade, firmCreditLine - openingDebt, member);
  const demandPerProduct = productsMade > 0 ? demandShare / productsMade : 0;
  const copySpend = startCopying(model, firm, firm.cash - designSpend, demandPerProduct);

  // Processes the firm's products need, and how many of them need each.
  const processNeeds = new Float64Array(32);
  const needed =
    catalogue.processCount > 0 && productsMade > 0 ? countProcessNeeds(catalogue, firm.products, processNeeds) : 0;

  // Make or buy: one machine a month at most, when it repays itself in time.
  let machineSpend = 0;
  if (needed !== 0 && unitsMade > 0) {
    for (let rest = needed & ~firm.inHouse; rest !== 0; rest &= rest - 1) {
      const process = lowestBit(rest);
      const cost = machineCost(processes[process], vendors, town.secondHandShare);
      const volume = (unitsMade * processNeeds[process]) / productsMade;
      const affordable = firm.cash - designSpend - copySpend >= cost + hireCashReserve;
      if (
        affordable &&
        machinePaysBack(town.processes[process].accessPrice, processes[process], volume, cost, vendors)
      ) {
        firm.inHouse |= 1 << process;
        firm.machineValue += cost;
        machineSpend = cost;
        model.pending.investments.push({ firm, process });
        break;
      }
    }
  }
  firm.investment = machineSpend;
  firm.demandShareUnits = demandShare;
  firm.salesUnits = sales;
  firm.revenue = revenue;
  firm.profit = profit;
  const totalEffort = effort + designSpend + copySpend;
  firm.effort = totalEffort;
  firm.utilisation = utilisation;
  // Cash never goes negative: a shortfall is borrowed; the owner takes home part of the rest.
  const ownerDraw = params.finance.ownerDrawShareOfProfit * Math.max(0, profit - totalEffort);
  const netPosition = firm.cash - openingDebt + (profit - totalEffort) - machineSpend - ownerDraw;
  const firmCash = netPosition > 0 ? netPosition : 0;
  const firmDebt = netPosition < 0 ? -netPosition : 0;
  firm.cash = firmCash;
  firm.debt = firmDebt;
  firm.interest = interest;

  // Capability: effort, production, spillovers, association members, courses, R&D partners.
  const openingCapability = firm.capability;
  const courseChance = town.facilityCourseProbability;
  const partnerChance = town.rdPartnerProbability;
  const draws = courseChance > 0 || partnerChance > 0 ? model.draws('policy', firm.id) : 0;
  let gain =
    capabilityGain(params.capability, openingCapability, totalEffort, utilisation, meanSkill) +
    spilloverGain(spillovers, openingCapability, town.knowledgePool);
  if (member && town.memberMeanCapability > openingCapability) {
    gain += town.facilitatedLearningPerMonth * town.associationTrust * (town.memberMeanCapability - openingCapability);
  }
  if (courseChance > 0 && uniformAt(draws, 0) < courseChance) {
    gain += town.facilityCourseGain * (1 - openingCapability);
  }
  if (partnerChance > 0 && openingCapability >= town.rdMinCapability && uniformAt(draws, 1) < partnerChance) {
    gain += town.rdCapabilityGain * (1 - openingCapability);
    firm.designProgress += town.rdSubsidy;
  }
  const firmCapability = Math.min(1, openingCapability + gain);
  firm.capability = firmCapability;

  const monthsInLoss = firmDebt > firmCreditLine ? firm.lossMonths + 1 : 0;
  firm.lossMonths = monthsInLoss;
  const lowIncome = profit < labour.wageJourneymanPerMonth ? firm.lowIncomeMonths + 1 : 0;
  firm.lowIncomeMonths = lowIncome;
  firm.shrinking = demandShare < labour.layoffDemandRatio * capacity;
  const givesUp =
    lowIncome >= exit.ownerPatienceMonths &&
    uniformAt(model.draws('owner', firm.id), 0) < exit.ownerGiveUpProbabilityPerMonth;
  if (monthsInLoss >= exit.lossMonthsToExit) {
    model.pending.exits.push({ firm, reason: 'losses' });
  } else if (givesUp) {
    model.pending.exits.push({ firm, reason: 'owner-gave-up' });
  } else if (demandShare >= labour.hireDemandRatio * capacity && firmCash >= hireCashReserve) {
    model.pending.hires.push(firm);
  }
  // A first export sale is a new marketing linkage.
  if (exportSales > 0 && firm.exportSalesUnits === 0)
    firm.upgradeFlags |= UPGRADE.newBuyers | UPGRADE.marketingLinkages;
  firm.exportSalesUnits = exportSales;

  const sums = model.marketSums[firm.town];
  sums.add('firms', firm, 1);
  sums.add('capabilitySum', firm, firmCapability);
  sums.capabilityMax = Math.max(sums.capabilityMax, firmCapability);
  const successfulSpinOff = firm.parent >= 0 && tick - firm.birthTick >= entry.successAgeMonths && firmCash > 0;
  if (successfulSpinOff) sums.add('successfulSpinOffs', firm, 1);
  sums.add('salesUnits', firm, sales);
  sums.add('salesSquared', firm, sales * sales);
  sums.add('exportSalesUnits', firm, exportSales);
  sums.add('revenue', firm, revenue);
  sums.add('profit', firm, profit);
  sums.add('cash', firm, firmCash);
  sums.add('effort', firm, totalEffort);
  sums.add('designSpend', firm, designSpend + copySpend);
  sums.add('designRent', firm, rentThisMonth);
  sums.add('investment', firm, machineSpend);
  sums.add('ownerDraws', firm, ownerDraw);
  sums.add('machineValue', firm, firm.machineValue);
  sums.add('demandShareUnits', firm, demandShare);
  sums.add('priceTimesSales', firm, firm.price * sales);
  sums.add('debt', firm, firmDebt);
  sums.add('interest', firm, interest);
  if (firmDebt > openingDebt) sums.add('borrowed', firm, firmDebt - openingDebt);
  else sums.add('repaid', firm, openingDebt - firmDebt);
  if (member) {
    sums.add('members', firm, 1);
    sums.add('memberCapabilitySum', firm, firmCapability);
  }
  sums.add('productsMade', firm, productsMade);
  if (catalogue.processCount > 0 && productsMade > 0) {
    if ((needed & ~firm.usesInHouse) === 0) sums.add('fullyIntegrated', firm, 1);
    for (let rest = needed; rest !== 0; rest &= rest - 1) {
      const process = lowestBit(rest);
      const volume = (unitsMade * processNeeds[process]) / productsMade;
      if ((firm.usesInHouse & (1 << process)) === 0) sums.processBought[process].add(firm.id, volume);
      sums.processNeeded[process].add(firm.id, volume);
    }
  } else if (productsMade > 0) {
    sums.add('fullyIntegrated', firm, 1);
  }
}

export function reduceMarket(model: Model): void {
  model.marketTotals = model.marketSums.map((sums) => sums.totals());
  for (const town of model.towns) {
    const totals = model.marketTotals[town.index];
    const count = totals.firms;
    town.firms = count;
    town.meanCapability = count > 0 ? totals.capabilitySum / count : 0;
    town.successfulSpinOffShare = count > 0 ? totals.successfulSpinOffs / count : 0;
    town.memberMeanCapability = totals.members > 0 ? totals.memberCapabilitySum / totals.members : 0;
    model.accounts.machineSpending += totals.investment;
    model.accounts.ownerDraws += totals.ownerDraws;
  }
  // Process volumes of each town's firms, for next month's sourcing.
  for (const town of model.towns) {
    town.processes.forEach((place, process) => {
      place.boughtUnits = model.marketTotals[town.index].processBought[process];
      place.neededUnits = model.marketTotals[town.index].processNeeded[process];
    });
  }
  knowledgePools(model);
}

/** Each town's knowledge pool: mean capability of all firms, each town's weighted by proximity. */
function knowledgePools(model: Model): void {
  const townCount = model.towns.length;
  for (const town of model.towns) {
    let weightedCapability = 0;
    let weightedFirms = 0;
    for (const other of model.towns) {
      const weight = model.catalogue.proximity[town.index * townCount + other.index];
      weightedCapability += weight * model.marketTotals[other.index].capabilitySum;
      weightedFirms += weight * model.marketTotals[other.index].firms;
    }
    town.knowledgePool = weightedFirms > 0 ? weightedCapability / weightedFirms : 0;
  }
}
