/**
 * Imitation inside the market kernel (docs/ODD.md §7.15). A firm not already copying
 * looks at every design made somewhere (the town-product slots in use); it sees one
 * with a probability built from the channels of III c - co-location, users' feedback
 * decaying with travel time, shared vendors, the annual fair - and starts copying it
 * when it is capable, its town offers the processes, and the product is worth adding.
 * The copy goes on sale after the build time (and after any design protection); the
 * copy command is then applied in firm-id order by the design phase.
 */
import type { World } from '../../world.js';
import { pushCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import { drawBase, STREAM, uniformAt } from '../../rng/streams.js';
import { canCopyProduct, copyReadyTick, observationProbability, type ObservationChannels } from '../rules/designs.js';
import type { Catalogue } from '../catalogue.js';

/** Per-thread scratch for the channels of one firm and one design (no allocation per design). */
const channels: ObservationChannels = { sameTown: false, proximity: 0, sharedVendor: false, bothAtFair: false };

/** Returns what the firm spends on starting a copy this month (money). */
export function startCopying(
  world: World,
  catalogue: Catalogue,
  firm: number,
  town: number,
  tick: number,
  cashAvailable: number,
  demandPerProduct: number,
  block: number,
): number {
  const { params } = world;
  const { imitation, innovation } = params;
  const f = world.firms.cols;
  if (f.copySlot[firm] >= 0) {
    if (tick >= f.copyReadyTick[firm]) pushCommand(world.commands.copy, block, firm, f.copySlot[firm]);
    return 0;
  }
  if (cashAvailable < innovation.copyCost || f.products[firm] === 0) return 0;
  const productCount = catalogue.productCount;
  const processCount = catalogue.processCount;
  const townCount = params.towns.length;
  const tc = world.towns.cols;
  const tp = world.townProducts.cols;
  const firmDesign = world.firmDesigns.cols.design;
  const activeSlots = world.activeSlots.cols.slot;
  const activeCount = world.header[HEADER.activeSlotCount];
  const available = f.inHouse[firm] | tc.accessibleProcesses[town];
  const boughtLocally = ~f.usesInHouse[firm] & tc.localVendorProcesses[town];
  const draws = drawBase(world.streamKeys[STREAM.imitation], firm, tick);
  for (let i = 0; i < activeCount; i++) {
    const slot = activeSlots[i];
    const design = tp.design[slot];
    const originator = tp.originator[slot];
    if (design < 0 || originator === firm) continue;
    const product = slot % productCount;
    if (firmDesign[firm * productCount + product] >= design) continue;
    const makesIt = (f.products[firm] & (1 << product)) !== 0;
    if (!makesIt) {
      if (!canCopyProduct(imitation, f.capability[firm], catalogue.complexity[product])) continue;
      if ((catalogue.productProcesses[product] & ~available) !== 0) continue;
      // Worth adding only if the product's demand per producer beats the firm's own per product.
      const demandHere = tp.demandUnits[town * productCount + product];
      if (demandHere / (tp.producers[town * productCount + product] + 1) < demandPerProduct) continue;
    }
    const designTown = (slot - product) / productCount;
    const sameTown = designTown === town;
    const sharedVendor =
      sameTown &&
      processCount > 0 &&
      originator >= 0 &&
      (catalogue.productProcesses[product] & boughtLocally & ~f.usesInHouse[originator]) !== 0;
    channels.sameTown = sameTown;
    channels.proximity = catalogue.proximity[town * townCount + designTown];
    channels.sharedVendor = sharedVendor;
    channels.bothAtFair = tc.fairHeld[town] === 1 && tc.fairHeld[designTown] === 1;
    const probability = observationProbability(imitation, channels);
    if (uniformAt(draws, slot) >= probability) continue;
    f.copySlot[firm] = slot;
    f.copyDesign[firm] = design;
    f.copyReadyTick[firm] = copyReadyTick(imitation, tick, tp.protectedUntilTick[slot]);
    return innovation.copyCost;
  }
  return 0;
}
