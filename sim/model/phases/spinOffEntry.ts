/**
 * Phase: entry by spin-off, applied in founder-id order. Most entrants are former
 * workers of cluster firms (Punjab seed §4.3: "many ex-apprentices attempt to start
 * their own workshop after completing their training"); the founder carries part of
 * the parent's capability and brings the entry capital, plus what established firms
 * of the founder's kin group in the town give ("occasional machining services and trade
 * credit given by a well-established workshop to a new outfit run by a member of the
 * same bradri", §4.2). The entrant replicates one of the parent's products - the simplest
 * (default) or, with `entry.founderProduct` 'mostOrders', the one with the most orders per
 * unit of capacity in the town (demand-pull, §4.1; see `founderProduct`); it buys the
 * machines for processes the town does not offer - cheaper once a second-hand market
 * exists - so entry costs less where vendors are (I d: "tiny units which would basically
 * only perform basic machining, finishing and assembly of purchased parts", §4.1).
 *
 * Outsiders: founders from outside the cluster (traders, migrants), with no parent firm,
 * open `outsiderEntriesPerTownPerYear` workshops a town a year on average (default 0).
 * The seed's point is that they are the minority - entry "initially started with
 * spin-offs from the large engineering firms in the area, later followed by
 * proliferation of new entrepreneurs trained within the small-scale sector itself"
 * (§4.3) - so a scenario gives them a modest rate, which makes "most entrants are
 * spin-offs" a measured share rather than true by construction. Their draws come from
 * their own stream keyed by (town, tick): the month's count (Poisson), then each
 * founder's capability and skill from the town's founding ranges (as founding firms,
 * docs/ODD.md §5). They are applied after the spin-offs, in town order, and enter like
 * a spin-off (kin help, machines) with the simplest product on the frontier they can make.
 */
import type { Phase } from '../../simulation.js';
import { blockCount } from '../../store/blocks.js';
import { forEachCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import { WORKER_STATUS } from '../../state/workers.js';
import { countTick, TICK_COUNT, type Host } from '../../host.js';
import { drawBase, rangeAt, STREAM, uniformAt } from '../../rng/streams.js';
import { addFirm, addWorker, startProduct } from '../agents.js';
import { spinOffCapability } from '../equations.js';
import { kinHelpers } from '../rules/people.js';
import { machineCost } from '../rules/sourcing.js';
import { catalogueOf } from '../catalogue.js';
import { simplestFeasibleProduct } from '../kernels/pricing.js';
import { lowestBit } from '../rules/bits.js';
import type { World } from '../../world.js';

/**
 * Orders a unit of capacity would win for `product` in `town`: the product's demand this
 * month over the producers' and imports' pull on it (last month's; docs/ODD.md §7.4),
 * unbounded where there is demand and no producer yet.
 */
export function ordersPerPull(world: World, town: number, product: number): number {
  const slot = town * world.params.products.length + product;
  const tp = world.townProducts.cols;
  const pull = tp.pullSum[slot] + tp.importPull[slot];
  const demand = tp.demandUnits[slot];
  if (pull > 0) return demand / pull;
  return demand > 0 ? Number.POSITIVE_INFINITY : 0;
}

/**
 * The founder's first product. `entry.founderProduct` 'simplest' (default): the parent's
 * simplest product the founder is capable of, else the simplest feasible product on the
 * frontier. 'mostOrders': among the same candidates (the parent's products the founder
 * is capable of, else every frontier product), the one with the most orders per unit of
 * pull in the town, the simpler on a tie ("demand-pull", Punjab seed §4.1).
 */
export function founderProduct(world: World, town: number, parent: number, capability: number): number {
  const catalogue = catalogueOf(world.params);
  const margin = world.params.imitation.copyCapabilityMargin;
  const tick = world.header[HEADER.tick];
  if (world.params.entry.founderProduct === 'mostOrders') {
    let best = -1;
    let bestOrders = -1;
    const consider = (product: number) => {
      if (capability < catalogue.complexity[product] - margin) return;
      const orders = ordersPerPull(world, town, product);
      const better =
        orders > bestOrders || (orders === bestOrders && catalogue.complexity[product] < catalogue.complexity[best]);
      if (best < 0 || better) {
        best = product;
        bestOrders = orders;
      }
    };
    if (parent >= 0) {
      for (let bits = world.firms.cols.products[parent]; bits !== 0; bits &= bits - 1) consider(lowestBit(bits));
    }
    if (best >= 0) return best;
    for (let product = 0; product < catalogue.productCount; product++) {
      if (catalogue.frontierTick[product] <= tick) consider(product);
    }
    return best;
  }
  let best = -1;
  if (parent >= 0) {
    for (let bits = world.firms.cols.products[parent]; bits !== 0; bits &= bits - 1) {
      const product = lowestBit(bits);
      if (capability < catalogue.complexity[product] - margin) continue;
      if (best < 0 || catalogue.complexity[product] < catalogue.complexity[best]) best = product;
    }
  }
  if (best >= 0) return best;
  // Any product on the frontier, machines bought as needed (all processes "available" to buy).
  return simplestFeasibleProduct(catalogue, tick, capability, -1, margin);
}

/**
 * Opens a workshop for `founder` in `town`: kin help, the first product (with the
 * parent's design where there is a parent), machines for processes the town does not
 * offer, the founder's new status, the accounts and the entry event.
 */
function openWorkshop(world: World, host: Host, founder: number, parent: number, capability: number): void {
  const { entry, kin, vendors, processes } = world.params;
  const w = world.workers.cols;
  const town = w.town[founder];
  const helpers = kinHelpers(kin, world.townKin.cols.firms[town * kin.groups + w.kinGroup[founder]]);
  const kinHelp = helpers * kin.helpCapitalPerFirm;
  const firm = addFirm(world, {
    town,
    parent,
    owner: founder,
    capability,
    cash: entry.entryCapital + kinHelp,
    kinGroup: w.kinGroup[founder],
  });
  const product = founderProduct(world, town, parent, capability);
  const productCount = world.params.products.length;
  const secondHand = world.towns.cols.secondHandShare[town];
  let machineSpending = 0;
  const machinesBought: number[] = [];
  if (product >= 0) {
    const design = parent >= 0 ? world.firmDesigns.cols.design[parent * productCount + product] : -2;
    const ownedBefore = world.firms.cols.inHouse[firm];
    machineSpending = startProduct(world, firm, product, design >= 0 ? design : -2, (process) =>
      machineCost(processes[process], vendors, secondHand),
    );
    for (let bits = world.firms.cols.inHouse[firm] & ~ownedBefore; bits !== 0; bits &= bits - 1) {
      machinesBought.push(lowestBit(bits));
    }
  }
  // Machines are paid from the founder's capital; a shortfall is borrowed.
  const f = world.firms.cols;
  const cashLeft = f.cash[firm] - machineSpending;
  f.cash[firm] = Math.max(0, cashLeft);
  f.debt[firm] = Math.max(0, -cashLeft);
  f.netWorthAtYearStart[firm] = f.cash[firm] - f.debt[firm] + f.machineValue[firm];
  w.employer[founder] = firm;
  w.tenureMonths[founder] = 0;
  w.status[founder] = WORKER_STATUS.owner;
  host.accounts.equityInjected += entry.entryCapital;
  host.accounts.kinHelpGiven += kinHelp;
  host.accounts.machineSpending += machineSpending;
  countTick(host, town, TICK_COUNT.entries);
  countTick(host, town, TICK_COUNT.machinesBought, machinesBought.length);
  countTick(host, town, TICK_COUNT.machineSpendingOutsideMarket, machineSpending);
  host.events.push({
    type: 'entry',
    tick: world.header[HEADER.tick],
    firm,
    town,
    parent,
    founder,
    kinHelpers: helpers,
    products: product >= 0 ? [product] : [],
    machinesBought,
  });
}

/** A Poisson(mean) count from one uniform draw `u`, by inversion (means here are well below 1). */
export function poissonAt(u: number, mean: number): number {
  if (mean <= 0) return 0;
  let probability = Math.exp(-mean);
  let cumulative = probability;
  let count = 0;
  while (u >= cumulative && count < 1000) {
    count += 1;
    probability *= mean / count;
    cumulative += probability;
  }
  return count;
}

export const spinOffEntry: Phase = {
  name: 'spin-off-entry',
  run({ world, host }) {
    const { entry } = world.params;
    const blocks = blockCount(world.header[HEADER.workerCount]);
    forEachCommand(world.commands.spinOff, blocks, (founder, parent) => {
      const capability = spinOffCapability(
        entry.inheritedCapabilityShare,
        world.firms.cols.capability[parent],
        world.workers.cols.skill[founder],
      );
      openWorkshop(world, host, founder, parent, capability);
    });
    if (entry.outsiderEntriesPerTownPerYear > 0) outsiderEntry(world, host);
  },
};

/** Founders from outside the cluster (see the file comment), town by town. */
function outsiderEntry(world: World, host: Host): void {
  const key = world.streamKeys[STREAM['outsider-entry']];
  const tick = world.header[HEADER.tick];
  const mean = world.params.entry.outsiderEntriesPerTownPerYear / 12;
  world.params.towns.forEach((town, townIndex) => {
    const draws = drawBase(key, townIndex, tick);
    const count = poissonAt(uniformAt(draws, 0), mean);
    for (let n = 0; n < count; n++) {
      const capability = rangeAt(draws, 1 + 2 * n, town.initialCapability.min, town.initialCapability.max);
      const skill = rangeAt(draws, 2 + 2 * n, town.initialSkill.min, town.initialSkill.max);
      // The founder joins the town's labour force as the owner of the new firm (set by openWorkshop).
      const founder = addWorker(world, {
        town: townIndex,
        employer: -1,
        skill,
        status: WORKER_STATUS.owner,
        trainedAt: -1,
        careerMonths: 0,
      });
      openWorkshop(world, host, founder, -1, capability);
      // A worker who did not come through apprenticeship or training: the head-count flow of the invariants.
      countTick(host, townIndex, TICK_COUNT.outsiderEntries);
    }
  });
}
