/**
 * Design work inside the market kernel (docs/ODD.md §7.14): a firm picks the design
 * worth most against its cost - an incremental improvement of its main product, or a
 * frontier product new to its town, reverse-engineered - valuing each by the rent it
 * would earn until copied (the expected imitation lag, lengthened by design
 * protection). It pays for the work out of profit and unused credit, mostly in the
 * slack season, and queues a launch once the work is done.
 */
import type { World } from '../../world.js';
import { pushCommand } from '../../store/commandBuffer.js';
import { lowestBit } from '../rules/bits.js';
import { designCost, expectedDesignRent, experimentShare } from '../rules/designs.js';
import type { Catalogue } from '../catalogue.js';
import { machineCost } from '../rules/sourcing.js';

/** What the machines for the processes in `missing` cost a firm of `town`. */
export function machinesNeeded(world: World, missing: number, town: number): number {
  let total = 0;
  for (let rest = missing; rest !== 0; rest &= rest - 1) {
    const process = lowestBit(rest);
    total += machineCost(world.params.processes[process], world.params.vendors, world.towns.cols.secondHandShare[town]);
  }
  return total;
}

/**
 * Per town, the products a firm there could take up as new to the town (bit p =
 * product p): on the frontier by `tick`, nobody in the town makes it, and no design of
 * it is held there. Computed once per block: the producer counts and designs change
 * only in serial phases, never during the market kernel.
 */
export function openProductsByTown(world: World, catalogue: Catalogue, tick: number, out: Int32Array): void {
  const { productCount } = catalogue;
  const tp = world.townProducts.cols;
  for (let town = 0; town < world.params.towns.length; town++) {
    const rowStart = town * productCount;
    let open = 0;
    for (let product = 0; product < productCount; product++) {
      if (catalogue.frontierTick[product] > tick) continue;
      if (tp.producers[rowStart + product] > 0 || tp.design[rowStart + product] >= 0) continue;
      open |= 1 << product;
    }
    out[town] = open;
  }
}

/** Returns the design work paid this month (money). */
export function designWork(
  world: World,
  catalogue: Catalogue,
  openProducts: number,
  firm: number,
  town: number,
  tick: number,
  profit: number,
  sales: number,
  productsMade: number,
  creditHeadroom: number,
  member: boolean,
  block: number,
): number {
  const { params } = world;
  const { innovation } = params;
  const productCount = catalogue.productCount;
  const f = world.firms.cols;
  const tc = world.towns.cols;
  const tp = world.townProducts.cols;
  if (productsMade === 0) {
    f.designSpend[firm] = 0;
    return 0;
  }
  const productMask = f.products[firm];
  const unitCost = f.unitCost[firm];
  const marginPerUnit = Math.max(0, f.price[firm] - unitCost);
  const expectedLag = tc.expectedLagMonths[town] + tc.protectionMonths[town];
  const rowStart = town * productCount;

  // While its own last design is still uncopied the firm reaps that rent and starts no other:
  // a new launch would only replace it (a firm holds one fresh design) and reset the lag.
  const ownFresh = f.freshSlot[firm];
  if (ownFresh >= 0 && tp.fresh[ownFresh] === 1 && tp.originator[ownFresh] === firm) {
    f.designSpend[firm] = 0;
    return 0;
  }

  // Incremental: the product with the largest demand in the town among those it makes.
  let mainProduct = -1;
  for (let bits = productMask; bits !== 0; bits &= bits - 1) {
    const product = lowestBit(bits);
    if (mainProduct < 0 || tp.demandUnits[rowStart + product] > tp.demandUnits[rowStart + mainProduct]) {
      mainProduct = product;
    }
  }
  const incrementalRent = (innovation.noveltyMarkup * unitCost * sales) / productsMade;
  const incrementalCost = designCost(
    innovation,
    false,
    member,
    tc.jointProjectCostShare[town],
    tc.associationTrust[town],
  );
  let target = mainProduct;
  let bestValue = expectedDesignRent(incrementalRent, expectedLag, innovation) - incrementalCost;

  // New to the town: on the frontier, nobody here makes it, within the firm's capability;
  // processes the town does not offer need machines, bought at launch (backward
  // integration), so their cost counts against the design and the firm must afford it.
  const available = f.inHouse[firm] | tc.accessibleProcesses[town];
  const cashForMachines = f.cash[firm] - f.debt[firm];
  const productCost = designCost(innovation, true, member, tc.jointProjectCostShare[town], tc.associationTrust[town]);
  const capacityPerProduct = f.capacityUnits[firm] / (productsMade + 1);
  // In product order, as the bits of the town's open products the firm does not make.
  for (let rest = openProducts & ~productMask; rest !== 0; rest &= rest - 1) {
    const product = lowestBit(rest);
    if (f.capability[firm] < catalogue.complexity[product]) continue;
    const machines = machinesNeeded(world, catalogue.productProcesses[product] & ~available, town);
    if (machines > 0 && machines > cashForMachines) continue;
    const units = Math.min(tp.demandUnits[rowStart + product], capacityPerProduct);
    const rentPerMonth = (marginPerUnit + innovation.noveltyMarkup * unitCost) * units;
    const value = expectedDesignRent(rentPerMonth, expectedLag, innovation) - productCost - machines;
    if (value > bestValue) {
      bestValue = value;
      target = product;
    }
  }
  if (bestValue <= 0) {
    f.designTarget[firm] = -1;
    f.designSpend[firm] = 0;
    return 0;
  }
  const isNewProduct = (productMask & (1 << target)) === 0;
  const cost = isNewProduct ? productCost : incrementalCost;
  if (f.designTarget[firm] !== target) f.designTarget[firm] = target;
  const budget =
    innovation.designShareOfProfit * Math.max(0, profit) +
    innovation.designShareOfCreditHeadroom * Math.max(0, creditHeadroom);
  const seasonal = experimentShare(innovation, params.market.seasonality[tick % 12]);
  const spend = Math.min(Math.max(0, cost - f.designProgress[firm]), budget * seasonal);
  f.designProgress[firm] += spend;
  f.designSpend[firm] = spend;
  if (f.designProgress[firm] >= cost) pushCommand(world.commands.launch, block, firm, target);
  return spend;
}
