/**
 * Phase 6, spin-off-entry (sim/model/phases/spinOffEntry.ts): founders open
 * workshops in founder-id order, then founders from outside the cluster, town by
 * town. A founder carries part of the parent's capability, gets kin help, starts on
 * one product and buys the machines its town does not offer.
 */
import { rangeAt, uniformAt } from '../../../sim/rng/streams.js';
import { WORKER_STATUS } from '../../../sim/state/workers.js';
import { spinOffCapability } from '../../../sim/model/equations.js';
import { kinHelpers } from '../../../sim/model/rules/people.js';
import { machineCost } from '../../../sim/model/rules/sourcing.js';
import { lowestBit } from '../../../sim/model/rules/bits.js';
import { simplestFeasibleProduct } from '../../../sim/model/kernels/pricing.js';
import { poissonAt } from '../../../sim/model/phases/spinOffEntry.js';
import type { Firm, Worker } from '../agents.js';
import type { Model } from '../model.js';
import { recordEvent } from '../events.js';
import { startProduct } from '../startProduct.js';

export function spinOffEntry(model: Model): void {
  const { entry } = model.params;
  for (const { founder, parent } of model.pending.spinOffs) {
    const capability = spinOffCapability(entry.inheritedCapabilityShare, parent.capability, founder.skill);
    openWorkshop(model, founder, parent, capability);
  }
  if (entry.outsiderEntriesPerTownPerYear > 0) outsiderEntry(model);
}

/** Orders a unit of capacity would win for `product` in `town` (last month's pull, this month's demand). */
function ordersPerPull(model: Model, town: number, product: number): number {
  const slot = model.slotOf(town, product);
  const pull = slot.pullSum + slot.importPull;
  if (pull > 0) return slot.demandUnits / pull;
  return slot.demandUnits > 0 ? Number.POSITIVE_INFINITY : 0;
}

/** The founder's first product (`entry.founderProduct`: 'simplest' or 'mostOrders'); -1 when none. */
function founderProduct(model: Model, town: number, parent: Firm | null, capability: number): number {
  const { catalogue, tick } = model;
  const margin = model.params.imitation.copyCapabilityMargin;
  if (model.params.entry.founderProduct === 'mostOrders') {
    let best = -1;
    let bestOrders = -1;
    const consider = (product: number) => {
      if (capability < catalogue.complexity[product] - margin) return;
      const orders = ordersPerPull(model, town, product);
      const better =
        orders > bestOrders || (orders === bestOrders && catalogue.complexity[product] < catalogue.complexity[best]);
      if (best < 0 || better) {
        best = product;
        bestOrders = orders;
      }
    };
    if (parent) {
      for (let bits = parent.products; bits !== 0; bits &= bits - 1) consider(lowestBit(bits));
    }
    if (best >= 0) return best;
    for (let product = 0; product < catalogue.productCount; product++) {
      if (catalogue.frontierTick[product] <= tick) consider(product);
    }
    return best;
  }
  let best = -1;
  if (parent) {
    for (let bits = parent.products; bits !== 0; bits &= bits - 1) {
      const product = lowestBit(bits);
      if (capability < catalogue.complexity[product] - margin) continue;
      if (best < 0 || catalogue.complexity[product] < catalogue.complexity[best]) best = product;
    }
  }
  if (best >= 0) return best;
  return simplestFeasibleProduct(catalogue, tick, capability, -1, margin);
}

function openWorkshop(model: Model, founder: Worker, parent: Firm | null, capability: number): void {
  const { entry, kin, vendors, processes } = model.params;
  const town = model.towns[founder.town];
  const helpers = kinHelpers(kin, town.kinFirms[founder.kinGroup]);
  const kinHelp = helpers * kin.helpCapitalPerFirm;
  const firm = model.addFirm({
    town: town.index,
    parent: parent ? parent.id : -1,
    owner: founder.id,
    capability,
    cash: entry.entryCapital + kinHelp,
    kinGroup: founder.kinGroup,
  });
  const product = founderProduct(model, town.index, parent, capability);
  const secondHand = town.secondHandShare;
  let machineSpending = 0;
  const machinesBought: number[] = [];
  if (product >= 0) {
    const design = parent ? parent.designs[product] : -2;
    const ownedBefore = firm.inHouse;
    machineSpending = startProduct(model, firm, product, design >= 0 ? design : -2, (process) =>
      machineCost(processes[process], vendors, secondHand),
    );
    for (let bits = firm.inHouse & ~ownedBefore; bits !== 0; bits &= bits - 1) machinesBought.push(lowestBit(bits));
  }
  // Machines are paid from the founder's capital; a shortfall is borrowed.
  const cashLeft = firm.cash - machineSpending;
  firm.cash = Math.max(0, cashLeft);
  firm.debt = Math.max(0, -cashLeft);
  firm.netWorthAtYearStart = firm.cash - firm.debt + firm.machineValue;
  founder.employer = firm;
  founder.tenureMonths = 0;
  founder.status = WORKER_STATUS.owner;
  model.accounts.equityInjected += entry.entryCapital;
  model.accounts.kinHelpGiven += kinHelp;
  model.accounts.machineSpending += machineSpending;
  town.count('entries');
  town.count('machinesBought', machinesBought.length);
  town.count('machineSpendingOutsideMarket', machineSpending);
  recordEvent(model, {
    type: 'entry',
    tick: model.tick,
    firm: firm.id,
    town: town.index,
    parent: firm.parent,
    founder: founder.id,
    kinHelpers: helpers,
    products: product >= 0 ? [product] : [],
    machinesBought,
  });
}

/** Founders from outside the cluster: a Poisson count per town and month, from the town's own draws. */
function outsiderEntry(model: Model): void {
  const mean = model.params.entry.outsiderEntriesPerTownPerYear / 12;
  for (const town of model.towns) {
    const draws = model.draws('outsider-entry', town.index);
    const count = poissonAt(uniformAt(draws, 0), mean);
    for (let n = 0; n < count; n++) {
      const { initialCapability, initialSkill } = town.params;
      const capability = rangeAt(draws, 1 + 2 * n, initialCapability.min, initialCapability.max);
      const skill = rangeAt(draws, 2 + 2 * n, initialSkill.min, initialSkill.max);
      const founder = model.addWorker({
        town: town.index,
        employer: null,
        skill,
        status: WORKER_STATUS.owner,
        trainedAt: -1,
        careerMonths: 0,
      });
      openWorkshop(model, founder, null, capability);
      town.count('outsiderEntries');
    }
  }
}
