/**
 * Design work within a firm's market step (sim/model/kernels/designWork.ts): the firm
 * picks the design worth most against its cost - an incremental improvement of its
 * main product, or a frontier product new to its town - valuing each by the rent it
 * would earn until copied, pays for the work out of profit and unused credit (mostly
 * in the slack season), and stages a launch once the work is done.
 */
import { designCost, expectedDesignRent, experimentShare } from '../../../sim/model/rules/designs.js';
import { machineCost } from '../../../sim/model/rules/sourcing.js';
import { lowestBit } from '../../../sim/model/rules/bits.js';
import type { Firm } from '../agents.js';
import type { Model } from '../model.js';
import type { Town } from '../town.js';
import { ownFreshSlot } from './pricing.js';

/** What the machines for the processes in `missing` cost a firm of `town`, in process order. */
export function machinesNeeded(model: Model, missing: number, town: Town): number {
  let total = 0;
  for (let rest = missing; rest !== 0; rest &= rest - 1) {
    const process = lowestBit(rest);
    total += machineCost(model.params.processes[process], model.params.vendors, town.secondHandShare);
  }
  return total;
}

/** Returns the design work paid this month (money). */
export function designWork(
  model: Model,
  firm: Firm,
  profit: number,
  sales: number,
  productsMade: number,
  creditHeadroom: number,
  member: boolean,
): number {
  const { params, catalogue, tick } = model;
  const { innovation } = params;
  const town = model.towns[firm.town];
  if (productsMade === 0) {
    firm.designSpend = 0;
    return 0;
  }
  const unitCost = firm.unitCost;
  const marginPerUnit = Math.max(0, firm.price - unitCost);
  const expectedLag = town.expectedLagMonths + town.protectionMonths;

  // While its own last design is still uncopied the firm reaps that rent and starts no other.
  if (ownFreshSlot(model, firm) >= 0) {
    firm.designSpend = 0;
    return 0;
  }

  // Incremental: the product with the largest demand in the town among those it makes.
  let mainProduct = -1;
  for (let bits = firm.products; bits !== 0; bits &= bits - 1) {
    const product = lowestBit(bits);
    if (mainProduct < 0 || town.products[product].demandUnits > town.products[mainProduct].demandUnits) {
      mainProduct = product;
    }
  }
  const incrementalRent = (innovation.noveltyMarkup * unitCost * sales) / productsMade;
  const incrementalCost = designCost(innovation, false, member, town.jointProjectCostShare, town.associationTrust);
  let target = mainProduct;
  let bestValue = expectedDesignRent(incrementalRent, expectedLag, innovation) - incrementalCost;

  // New to the town: on the frontier, nobody here makes it, within the firm's capability;
  // machines for processes the town does not offer count against it and must be affordable.
  const available = firm.inHouse | town.accessibleProcesses;
  const cashForMachines = firm.cash - firm.debt;
  const productCost = designCost(innovation, true, member, town.jointProjectCostShare, town.associationTrust);
  const capacityPerProduct = firm.capacityUnits / (productsMade + 1);
  for (const slot of town.products) {
    const product = slot.product;
    if (firm.makes(product) || catalogue.frontierTick[product] > tick) continue;
    if (slot.producers > 0 || slot.design >= 0) continue;
    if (firm.capability < catalogue.complexity[product]) continue;
    const machines = machinesNeeded(model, catalogue.productProcesses[product] & ~available, town);
    if (machines > 0 && machines > cashForMachines) continue;
    const units = Math.min(slot.demandUnits, capacityPerProduct);
    const rentPerMonth = (marginPerUnit + innovation.noveltyMarkup * unitCost) * units;
    const value = expectedDesignRent(rentPerMonth, expectedLag, innovation) - productCost - machines;
    if (value > bestValue) {
      bestValue = value;
      target = product;
    }
  }
  if (bestValue <= 0) {
    firm.designTarget = -1;
    firm.designSpend = 0;
    return 0;
  }
  const cost = firm.makes(target) ? incrementalCost : productCost;
  firm.designTarget = target;
  const budget =
    innovation.designShareOfProfit * Math.max(0, profit) +
    innovation.designShareOfCreditHeadroom * Math.max(0, creditHeadroom);
  const seasonal = experimentShare(innovation, params.market.seasonality[tick % 12]);
  const spend = Math.min(Math.max(0, cost - firm.designProgress), budget * seasonal);
  firm.designProgress += spend;
  firm.designSpend = spend;
  if (firm.designProgress >= cost) model.pending.launches.push({ firm, product: target });
  return spend;
}
