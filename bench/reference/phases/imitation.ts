/**
 * Imitation within a firm's market step (sim/model/kernels/imitation.ts): a firm not
 * already copying looks at every design made somewhere (the active slots); it sees one
 * with a probability built from the channels of III c - co-location, users' feedback
 * decaying with travel time, shared vendors, the annual fair - and starts copying it
 * when it is capable, its town offers the processes and the product is worth adding.
 * A copy that is ready is staged for the design phase.
 */
import {
  canCopyProduct,
  copyReadyTick,
  observationProbability,
  type ObservationChannels,
} from '../../../sim/model/rules/designs.js';
import { uniformAt } from '../../../sim/rng/streams.js';
import type { Firm } from '../agents.js';
import type { Model } from '../model.js';

/** Returns what the firm spends on starting a copy this month (money). */
export function startCopying(model: Model, firm: Firm, cashAvailable: number, demandPerProduct: number): number {
  const { params, catalogue, tick } = model;
  const { imitation, innovation } = params;
  if (firm.copySlot >= 0) {
    if (tick >= firm.copyReadyTick) model.pending.copies.push({ firm, slot: firm.copySlot });
    return 0;
  }
  if (cashAvailable < innovation.copyCost || firm.products === 0) return 0;
  const town = model.towns[firm.town];
  const available = firm.inHouse | town.accessibleProcesses;
  const boughtLocally = ~firm.usesInHouse & town.localVendorProcesses;
  const draws = model.draws('imitation', firm.id);
  for (const slot of model.activeSlots) {
    const { design, originator, product } = slot;
    if (design < 0 || originator === firm.id) continue;
    if (firm.designs[product] >= design) continue;
    if (!firm.makes(product)) {
      if (!canCopyProduct(imitation, firm.capability, catalogue.complexity[product])) continue;
      if ((catalogue.productProcesses[product] & ~available) !== 0) continue;
      // Worth adding only if the product's demand per producer beats the firm's own per product.
      const here = town.products[product];
      if (here.demandUnits / (here.producers + 1) < demandPerProduct) continue;
    }
    const sameTown = slot.town === firm.town;
    const channels: ObservationChannels = {
      sameTown,
      proximity: catalogue.proximity[firm.town * model.towns.length + slot.town],
      sharedVendor:
        sameTown &&
        catalogue.processCount > 0 &&
        originator >= 0 &&
        (catalogue.productProcesses[product] & boughtLocally & ~model.firms[originator].usesInHouse) !== 0,
      bothAtFair: town.fairHeld && model.towns[slot.town].fairHeld,
    };
    if (uniformAt(draws, slot.slot) >= observationProbability(imitation, channels)) continue;
    firm.copySlot = slot.slot;
    firm.copyDesign = design;
    firm.copyReadyTick = copyReadyTick(imitation, tick, slot.protectedUntilTick);
    return innovation.copyCost;
  }
  return 0;
}
