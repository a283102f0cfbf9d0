/**
 * Phase 13, apply-investments-launches-copies (sim/model/phases/designCommands.ts):
 * the month's machine purchases, design launches and copies, in firm-id order; then
 * designs past their novelty life stop earning, and the slots holding a design that
 * imitators will scan next month are published.
 */
import { UPGRADE } from '../../../sim/state/firms.js';
import { copyCapabilityGain, designCost, updatedLagBelief } from '../../../sim/model/rules/designs.js';
import { lowestBit } from '../../../sim/model/rules/bits.js';
import type { Firm } from '../agents.js';
import type { Model } from '../model.js';
import { recordEvent } from '../events.js';
import { machinesNeeded } from './designWork.js';

export function applyDesigns(model: Model): void {
  for (const { firm, process } of model.pending.investments) {
    firm.upgradeFlags |= UPGRADE.process;
    model.towns[firm.town].count('machinesBought');
    recordEvent(model, {
      type: 'invest',
      tick: model.tick,
      firm: firm.id,
      town: firm.town,
      process,
      cost: firm.investment,
    });
  }
  for (const { firm, product } of model.pending.launches) launch(model, firm, product);
  for (const { firm, slot } of model.pending.copies) copy(model, firm, slot);
  ageDesigns(model);
  // What imitators scan next month: slots holding a design with producers, or still fresh.
  model.activeSlots = model.slots.filter((slot) => slot.design >= 0 && (slot.producers > 0 || slot.fresh));
}

/** A launch of a product whose processes the firm buys from local vendors: firm and vendors both learn. */
function verticalProject(model: Model, firm: Firm, product: number): number {
  const town = model.towns[firm.town];
  const learning = model.params.vendors.verticalProjectLearning;
  const bought = model.catalogue.productProcesses[product] & ~firm.usesInHouse & town.localVendorProcesses;
  if (bought === 0) return 0;
  let partners = 0;
  for (const vendor of model.vendors) {
    if (!vendor.alive || vendor.town !== firm.town || (bought & (1 << vendor.process)) === 0) continue;
    vendor.capability += learning * (1 - vendor.capability);
    partners++;
  }
  firm.capability += learning * (1 - firm.capability);
  return partners;
}

/** Machines for the launched product's processes the town does not offer (paid from cash, then debt). */
function buyLaunchMachines(model: Model, firm: Firm, product: number): void {
  const town = model.towns[firm.town];
  const missing = model.catalogue.productProcesses[product] & ~firm.inHouse & ~town.accessibleProcesses;
  for (let rest = missing; rest !== 0; rest &= rest - 1) {
    const process = lowestBit(rest);
    const cost = machinesNeeded(model, 1 << process, town);
    const cashLeft = firm.cash - firm.debt - cost;
    firm.cash = Math.max(0, cashLeft);
    firm.debt = Math.max(0, -cashLeft);
    firm.inHouse |= 1 << process;
    firm.machineValue += cost;
    firm.upgradeFlags |= UPGRADE.process;
    model.accounts.machineSpending += cost;
    town.count('machinesBought');
    town.count('machineSpendingOutsideMarket', cost);
    recordEvent(model, { type: 'invest', tick: model.tick, firm: firm.id, town: firm.town, process, cost });
  }
}

function launch(model: Model, firm: Firm, product: number): void {
  const { params, catalogue, tick } = model;
  const town = model.towns[firm.town];
  const slot = town.products[product];
  // A rival's design of the product is still fresh here: the launch waits.
  if (slot.fresh && slot.originator !== firm.id) return;
  const isNewProduct = !firm.makes(product);
  const member = model.isMember(firm, town.membershipShare);
  const cost = designCost(params.innovation, isNewProduct, member, town.jointProjectCostShare, town.associationTrust);
  firm.designProgress = Math.max(0, firm.designProgress - cost);
  firm.designTarget = -1;
  const design = model.designs.length;
  const kind = isNewProduct ? 'product' : 'incremental';
  model.designs.push({
    product,
    originator: firm.id,
    town: town.index,
    launchTick: tick,
    kind,
    firstLocalCopyTick: -1,
  });
  // The firm's earlier fresh design (if any) is superseded by this one.
  const previous = firm.freshSlot;
  if (previous >= 0 && previous !== slot.slot && model.slots[previous].originator === firm.id) {
    model.slots[previous].fresh = false;
  }
  if (isNewProduct) {
    firm.upgradeFlags |= UPGRADE.product | UPGRADE.functional;
    if ((firm.sectors & catalogue.sectorBit[product]) === 0) firm.upgradeFlags |= UPGRADE.interSectoral;
    firm.sectors |= catalogue.sectorBit[product];
    town.count('productLaunches');
  } else {
    firm.upgradeFlags |= UPGRADE.product;
    firm.capability += params.innovation.incrementalCapabilityStep * (1 - firm.capability);
    town.count('incrementalLaunches');
  }
  buyLaunchMachines(model, firm, product);
  firm.products |= 1 << product;
  firm.designs[product] = design;
  firm.launches += 1;
  const verticalVendors = verticalProject(model, firm, product);
  firm.freshSlot = slot.slot;
  firm.designRent = 0;
  slot.design = design;
  slot.originator = firm.id;
  slot.launchTick = tick;
  slot.originatorCapability = firm.capability;
  slot.fresh = true;
  slot.protectedUntilTick = tick + Math.round(town.protectionMonths);
  recordEvent(model, {
    type: 'launch',
    tick,
    design,
    firm: firm.id,
    town: town.index,
    product,
    kind,
    verticalVendors,
  });
}

function copy(model: Model, firm: Firm, originSlot: number): void {
  const { params, catalogue, tick } = model;
  const design = firm.copyDesign;
  firm.copySlot = -1;
  const record = model.designs[design];
  const product = record.product;
  const town = model.towns[firm.town];
  // The copier must still be able to make it (a vendor may have left meanwhile).
  const available = firm.inHouse | town.accessibleProcesses;
  if ((catalogue.productProcesses[product] & ~available) !== 0) return;
  if (firm.designs[product] >= design) return;
  const isNewProduct = !firm.makes(product);
  const origin = model.slots[originSlot];
  const originatorCapability =
    origin.design === design ? origin.originatorCapability : model.firms[record.originator].capability;
  firm.capability = Math.min(
    1,
    firm.capability + copyCapabilityGain(params.imitation, firm.capability, originatorCapability),
  );
  firm.upgradeFlags |= UPGRADE.product;
  if (isNewProduct && (firm.sectors & catalogue.sectorBit[product]) === 0) firm.upgradeFlags |= UPGRADE.interSectoral;
  firm.sectors |= catalogue.sectorBit[product];
  firm.products |= 1 << product;
  firm.designs[product] = design;
  firm.copies += 1;
  const lagMonths = tick - record.launchTick;
  const firstLocal = firm.town === record.town && record.firstLocalCopyTick < 0;
  let originatorRent = 0;
  if (firstLocal) {
    record.firstLocalCopyTick = tick;
    const launchSlot = model.slotOf(record.town, product);
    if (launchSlot.design === design && launchSlot.fresh) {
      launchSlot.fresh = false;
      const originator = model.firms[record.originator];
      originatorRent = originator.designRent;
      if (originator.freshSlot === launchSlot.slot) originator.freshSlot = -1;
    }
    // Beyond its novelty life a design earns nothing anyway.
    const rentMonths = Math.min(lagMonths, params.innovation.noveltyLifeMonths);
    town.expectedLagMonths = updatedLagBelief(town.expectedLagMonths, rentMonths, params.innovation);
    town.count('firstLocalCopies');
  }
  // A copy carried into another town becomes that town's latest design of the product.
  const ownSlot = town.products[product];
  if (ownSlot.design < design) {
    ownSlot.design = design;
    ownSlot.originator = firm.id;
    ownSlot.launchTick = record.launchTick;
    ownSlot.originatorCapability = firm.capability;
    ownSlot.fresh = false;
    ownSlot.protectedUntilTick = 0;
  }
  town.count('copies');
  recordEvent(model, {
    type: 'copy',
    tick,
    design,
    firm: firm.id,
    town: town.index,
    product,
    originator: record.originator,
    originTown: record.town,
    lagMonths,
    firstLocal,
    originatorRent,
  });
}

/** Designs past their novelty life (or whose originator closed) stop earning; exhibitors at a fair meet new buyers. */
function ageDesigns(model: Model): void {
  const life = model.params.innovation.noveltyLifeMonths;
  for (const slot of model.slots) {
    if (!slot.fresh) continue;
    const originator = model.firms[slot.originator];
    if (model.tick - slot.launchTick >= life || !originator.alive) {
      slot.fresh = false;
      if (originator.freshSlot === slot.slot) originator.freshSlot = -1;
    } else if (model.towns[slot.town].fairHeld) {
      originator.upgradeFlags |= UPGRADE.newBuyers | UPGRADE.marketingLinkages;
    }
  }
}
