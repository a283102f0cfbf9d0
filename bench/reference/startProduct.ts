/**
 * A firm starts making a product (sim/model/agents.ts `startProduct`): it records the
 * design, its customer sector, and buys the machines for the product's processes its
 * town does not offer (founders before vendors exist are fully integrated).
 */
import type { Firm } from './agents.js';
import type { Model } from './model.js';

/** Returns the machine spending. `design` -2 is the long-known public design. */
export function startProduct(
  model: Model,
  firm: Firm,
  product: number,
  design: number,
  machinePrice: (process: number) => number,
): number {
  const spec = model.params.products[product];
  firm.products |= 1 << product;
  firm.sectors |= 1 << spec.sectorIndex;
  firm.designs[product] = design;
  const missing = spec.processMask & ~firm.inHouse & ~model.towns[firm.town].accessibleProcesses;
  let spent = 0;
  for (let process = 0; process < model.params.processes.length; process++) {
    if ((missing & (1 << process)) === 0) continue;
    const price = machinePrice(process);
    firm.inHouse |= 1 << process;
    firm.machineValue += price;
    spent += price;
  }
  return spent;
}
