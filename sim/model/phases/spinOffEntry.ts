/**
 * Phase: entry by spin-off, applied in founder-id order. Most entrants are former
 * workers of cluster firms (Punjab seed §4.3: "many ex-apprentices attempt to start
 * their own workshop after completing their training"); the founder carries part of
 * the parent's capability and brings the entry capital, plus what established firms
 * of the founder's kin group in the town give ("occasional machining services and trade
 * credit given by a well-established workshop to a new outfit run by a member of the
 * same bradri", §4.2). The entrant replicates the parent's simplest product; it buys the
 * machines for processes the town does not offer - cheaper once a second-hand market
 * exists - so entry costs less where vendors are (I d: "tiny units which would basically
 * only perform basic machining, finishing and assembly of purchased parts", §4.1).
 */
import type { Phase } from '../../simulation.js';
import { blockCount } from '../../store/blocks.js';
import { forEachCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import { WORKER_STATUS } from '../../state/workers.js';
import { countTick, TICK_COUNT } from '../../host.js';
import { addFirm, startProduct } from '../agents.js';
import { spinOffCapability } from '../equations.js';
import { kinHelpers } from '../rules/people.js';
import { machineCost } from '../rules/sourcing.js';
import { catalogueOf } from '../catalogue.js';
import { simplestFeasibleProduct } from '../kernels/pricing.js';
import { lowestBit } from '../rules/bits.js';
import type { World } from '../../world.js';

/** The parent's simplest product the founder can make, else the simplest feasible product on the frontier. */
function founderProduct(world: World, parent: number, town: number, capability: number): number {
  const catalogue = catalogueOf(world.params);
  const margin = world.params.imitation.copyCapabilityMargin;
  let best = -1;
  for (let bits = world.firms.cols.products[parent]; bits !== 0; bits &= bits - 1) {
    const product = lowestBit(bits);
    if (capability < catalogue.complexity[product] - margin) continue;
    if (best < 0 || catalogue.complexity[product] < catalogue.complexity[best]) best = product;
  }
  if (best >= 0) return best;
  const tick = world.header[HEADER.tick];
  // Any product on the frontier, machines bought as needed (all processes "available" to buy).
  return simplestFeasibleProduct(catalogue, tick, capability, -1, margin);
}

export const spinOffEntry: Phase = {
  name: 'spin-off-entry',
  run({ world, host }) {
    const { entry, kin, vendors, processes } = world.params;
    const tick = world.header[HEADER.tick];
    const blocks = blockCount(world.header[HEADER.workerCount]);
    const productCount = world.params.products.length;
    forEachCommand(world.commands.spinOff, blocks, (founder, parent) => {
      const w = world.workers.cols;
      const town = w.town[founder];
      const capability = spinOffCapability(
        entry.inheritedCapabilityShare,
        world.firms.cols.capability[parent],
        w.skill[founder],
      );
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
      const product = founderProduct(world, parent, town, capability);
      const secondHand = world.towns.cols.secondHandShare[town];
      let machineSpending = 0;
      const machinesBought: number[] = [];
      if (product >= 0) {
        const design = world.firmDesigns.cols.design[parent * productCount + product];
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
        tick,
        firm,
        town,
        parent,
        founder,
        kinHelpers: helpers,
        products: product >= 0 ? [product] : [],
        machinesBought,
      });
    });
  },
};
