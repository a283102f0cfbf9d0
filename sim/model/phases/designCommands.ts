/**
 * Phase: apply the month's machine purchases, design launches and copies, in firm-id
 * order (docs/ODD.md §7.13-7.15), then retire designs past their novelty life and
 * publish the town-product slots holding a design (what firms can see next month).
 *
 * A launch puts the firm's design in its town's slot for the product and makes it
 * fresh: it earns the novelty rent until the first copy in the same town ([P] §4.3:
 * "Local copies usually appear one year after the public launch of the 'original'").
 * A launch of a product whose processes the firm buys from local vendors is a vertical
 * project: "the parent firm actively supervises the process" and both learn ([P] §4.2,
 * II b).
 */
import type { Phase, Simulation } from '../../simulation.js';
import { blockCount } from '../../store/blocks.js';
import { forEachCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import { UPGRADE } from '../../state/firms.js';
import { countTick, TICK_COUNT } from '../../host.js';
import { catalogueOf } from '../catalogue.js';
import { copyCapabilityGain, designCost, updatedLagBelief } from '../rules/designs.js';
import { isMember } from '../membership.js';
import { machinesNeeded } from '../kernels/designWork.js';
import { lowestBit } from '../rules/bits.js';

function applyInvestments(sim: Simulation, tick: number, blocks: number): void {
  const { world, host } = sim;
  const f = world.firms.cols;
  forEachCommand(world.commands.invest, blocks, (firm, process) => {
    const town = f.town[firm];
    f.upgradeFlags[firm] |= UPGRADE.process;
    countTick(host, town, TICK_COUNT.machinesBought);
    host.events.push({ type: 'invest', tick, firm, town, process, cost: f.investment[firm] });
  });
}

/** Both sides of a vertical project learn: the firm and the local vendors of the product's bought processes. */
function verticalProject(sim: Simulation, firm: number, product: number): number {
  const { world } = sim;
  const { params } = world;
  const catalogue = catalogueOf(params);
  const f = world.firms.cols;
  const town = f.town[firm];
  const learning = params.vendors.verticalProjectLearning;
  const bought =
    catalogue.productProcesses[product] & ~f.usesInHouse[firm] & world.towns.cols.localVendorProcesses[town];
  if (bought === 0) return 0;
  const v = world.vendors.cols;
  let partners = 0;
  for (let vendor = 0; vendor < world.header[HEADER.vendorCount]; vendor++) {
    if (v.alive[vendor] === 0 || v.town[vendor] !== town || (bought & (1 << v.process[vendor])) === 0) continue;
    v.capability[vendor] += learning * (1 - v.capability[vendor]);
    partners++;
  }
  f.capability[firm] += learning * (1 - f.capability[firm]);
  return partners;
}

/** Machines for the launched product's processes the town does not offer (paid from cash, then debt). */
function buyLaunchMachines(sim: Simulation, firm: number, product: number, tick: number): void {
  const { world, host } = sim;
  const f = world.firms.cols;
  const town = f.town[firm];
  const missing =
    catalogueOf(world.params).productProcesses[product] &
    ~f.inHouse[firm] &
    ~world.towns.cols.accessibleProcesses[town];
  for (let rest = missing; rest !== 0; rest &= rest - 1) {
    const process = lowestBit(rest);
    const cost = machinesNeeded(world, 1 << process, town);
    const cashLeft = f.cash[firm] - f.debt[firm] - cost;
    f.cash[firm] = Math.max(0, cashLeft);
    f.debt[firm] = Math.max(0, -cashLeft);
    f.inHouse[firm] |= 1 << process;
    f.machineValue[firm] += cost;
    f.upgradeFlags[firm] |= UPGRADE.process;
    host.accounts.machineSpending += cost;
    countTick(host, town, TICK_COUNT.machinesBought);
    countTick(host, town, TICK_COUNT.machineSpendingOutsideMarket, cost);
    host.events.push({ type: 'invest', tick, firm, town, process, cost });
  }
}

function applyLaunches(sim: Simulation, tick: number, blocks: number): void {
  const { world, host } = sim;
  const { params } = world;
  const catalogue = catalogueOf(params);
  const productCount = catalogue.productCount;
  const f = world.firms.cols;
  const tc = world.towns.cols;
  const tp = world.townProducts.cols;
  const firmDesign = world.firmDesigns.cols.design;
  forEachCommand(world.commands.launch, blocks, (firm, product) => {
    const town = f.town[firm];
    const slot = town * productCount + product;
    // A rival's design of the product is still fresh here: the launch waits.
    if (tp.fresh[slot] === 1 && tp.originator[slot] !== firm) return;
    const isNewProduct = (f.products[firm] & (1 << product)) === 0;
    const member = isMember(world, firm, tc.membershipShare[town]);
    const cost = designCost(
      params.innovation,
      isNewProduct,
      member,
      tc.jointProjectCostShare[town],
      tc.associationTrust[town],
    );
    f.designProgress[firm] = Math.max(0, f.designProgress[firm] - cost);
    f.designTarget[firm] = -1;
    const design = world.header[HEADER.designCount];
    world.header[HEADER.designCount] = design + 1;
    const kind = isNewProduct ? 'product' : 'incremental';
    host.designs.push({ product, originator: firm, town, launchTick: tick, kind, firstLocalCopyTick: -1 });
    // The firm's earlier fresh design (if any) is superseded by this one.
    const previous = f.freshSlot[firm];
    if (previous >= 0 && previous !== slot && tp.originator[previous] === firm) tp.fresh[previous] = 0;
    if (isNewProduct) {
      f.upgradeFlags[firm] |= UPGRADE.product | UPGRADE.functional;
      if ((f.sectors[firm] & catalogue.sectorBit[product]) === 0) f.upgradeFlags[firm] |= UPGRADE.interSectoral;
      f.sectors[firm] |= catalogue.sectorBit[product];
      countTick(host, town, TICK_COUNT.productLaunches);
    } else {
      f.upgradeFlags[firm] |= UPGRADE.product;
      f.capability[firm] += params.innovation.incrementalCapabilityStep * (1 - f.capability[firm]);
      countTick(host, town, TICK_COUNT.incrementalLaunches);
    }
    buyLaunchMachines(sim, firm, product, tick);
    f.products[firm] |= 1 << product;
    firmDesign[firm * productCount + product] = design;
    f.launches[firm] += 1;
    const verticalVendors = verticalProject(sim, firm, product);
    f.freshSlot[firm] = slot;
    f.designRent[firm] = 0;
    tp.design[slot] = design;
    tp.originator[slot] = firm;
    tp.launchTick[slot] = tick;
    tp.originatorCapability[slot] = f.capability[firm];
    tp.fresh[slot] = 1;
    tp.protectedUntilTick[slot] = tick + Math.round(tc.protectionMonths[town]);
    host.events.push({ type: 'launch', tick, design, firm, town, product, kind, verticalVendors });
  });
}

function applyCopies(sim: Simulation, tick: number, blocks: number): void {
  const { world, host } = sim;
  const { params } = world;
  const catalogue = catalogueOf(params);
  const productCount = catalogue.productCount;
  const f = world.firms.cols;
  const tc = world.towns.cols;
  const tp = world.townProducts.cols;
  const firmDesign = world.firmDesigns.cols.design;
  forEachCommand(world.commands.copy, blocks, (firm, originSlot) => {
    const design = f.copyDesign[firm];
    f.copySlot[firm] = -1;
    const record = host.designs[design];
    const product = record.product;
    const town = f.town[firm];
    // The copier must still be able to make it (a vendor may have left meanwhile).
    const available = f.inHouse[firm] | tc.accessibleProcesses[town];
    if ((catalogue.productProcesses[product] & ~available) !== 0) return;
    if (firmDesign[firm * productCount + product] >= design) return;
    const isNewProduct = (f.products[firm] & (1 << product)) === 0;
    const originatorCapability =
      tp.design[originSlot] === design ? tp.originatorCapability[originSlot] : f.capability[record.originator];
    f.capability[firm] = Math.min(
      1,
      f.capability[firm] + copyCapabilityGain(params.imitation, f.capability[firm], originatorCapability),
    );
    f.upgradeFlags[firm] |= UPGRADE.product;
    if (isNewProduct && (f.sectors[firm] & catalogue.sectorBit[product]) === 0) {
      f.upgradeFlags[firm] |= UPGRADE.interSectoral;
    }
    f.sectors[firm] |= catalogue.sectorBit[product];
    f.products[firm] |= 1 << product;
    firmDesign[firm * productCount + product] = design;
    f.copies[firm] += 1;
    const lagMonths = tick - record.launchTick;
    const firstLocal = town === record.town && record.firstLocalCopyTick < 0;
    let originatorRent = 0;
    if (firstLocal) {
      record.firstLocalCopyTick = tick;
      const slot = record.town * productCount + product;
      if (tp.design[slot] === design && tp.fresh[slot] === 1) {
        tp.fresh[slot] = 0;
        originatorRent = f.designRent[record.originator];
        if (f.freshSlot[record.originator] === slot) f.freshSlot[record.originator] = -1;
      }
      // Beyond its novelty life a design earns nothing anyway: a later copy says only that
      // the rent lasted its whole life.
      const rentMonths = Math.min(lagMonths, params.innovation.noveltyLifeMonths);
      tc.expectedLagMonths[town] = updatedLagBelief(tc.expectedLagMonths[town], rentMonths, params.innovation);
      countTick(host, town, TICK_COUNT.firstLocalCopies);
    }
    // A copy carried into another town becomes that town's latest design of the product.
    const ownSlot = town * productCount + product;
    if (tp.design[ownSlot] < design) {
      tp.design[ownSlot] = design;
      tp.originator[ownSlot] = firm;
      tp.launchTick[ownSlot] = record.launchTick;
      tp.originatorCapability[ownSlot] = f.capability[firm];
      tp.fresh[ownSlot] = 0;
      tp.protectedUntilTick[ownSlot] = 0;
    }
    countTick(host, town, TICK_COUNT.copies);
    host.events.push({
      type: 'copy',
      tick,
      design,
      firm,
      town,
      product,
      originator: record.originator,
      originTown: record.town,
      lagMonths,
      firstLocal,
      originatorRent,
    });
  });
}

/** Designs past their novelty life stop earning a rent; exhibitors at a fair meet new buyers. */
function ageDesigns(sim: Simulation, tick: number): void {
  const { world } = sim;
  const tp = world.townProducts.cols;
  const f = world.firms.cols;
  const productCount = world.params.products.length;
  const life = world.params.innovation.noveltyLifeMonths;
  for (let slot = 0; slot < tp.design.length; slot++) {
    if (tp.fresh[slot] === 0) continue;
    const originator = tp.originator[slot];
    if (tick - tp.launchTick[slot] >= life || f.alive[originator] === 0) {
      tp.fresh[slot] = 0;
      if (f.freshSlot[originator] === slot) f.freshSlot[originator] = -1;
    } else if (world.towns.cols.fairHeld[(slot - (slot % productCount)) / productCount] === 1) {
      f.upgradeFlags[originator] |= UPGRADE.newBuyers | UPGRADE.marketingLinkages;
    }
  }
}

/** Slots holding a design with producers in the town, in slot order: what imitators scan. */
function publishActiveSlots(sim: Simulation): void {
  const { world } = sim;
  const tp = world.townProducts.cols;
  const list = world.activeSlots.cols.slot;
  let count = 0;
  for (let slot = 0; slot < tp.design.length; slot++) {
    if (tp.design[slot] >= 0 && (tp.producers[slot] > 0 || tp.fresh[slot] === 1)) list[count++] = slot;
  }
  world.header[HEADER.activeSlotCount] = count;
}

export const applyDesigns: Phase = {
  name: 'apply-investments-launches-copies',
  run(sim) {
    const tick = sim.world.header[HEADER.tick];
    const blocks = blockCount(sim.world.header[HEADER.firmCount]);
    applyInvestments(sim, tick, blocks);
    applyLaunches(sim, tick, blocks);
    applyCopies(sim, tick, blocks);
    ageDesigns(sim, tick);
    publishActiveSlots(sim);
  },
};
