/** Adding agents to a hand-built world (firms with a given staff) for mechanism tests. */
import { addFirm, addWorker, startProduct } from '../../sim/model/agents.js';
import { WORKER_STATUS } from '../../sim/state/workers.js';
import type { World } from '../../sim/world.js';

export interface HandBuiltFirm {
  town?: number;
  capability?: number;
  cash?: number;
  parent?: number;
  journeymen?: number;
  apprentices?: number;
  skill?: number;
  /** Products it makes (default: product 0), with the machines for their processes. */
  products?: number[];
  /** Processes it owns machines for, besides those its products need. */
  machines?: number[];
}

/** A firm with an owner plus journeymen and apprentices of equal skill; returns its id. */
export function addStaffedFirm(world: World, spec: HandBuiltFirm = {}): number {
  const town = spec.town ?? 0;
  const skill = spec.skill ?? 0.5;
  const firm = addFirm(world, {
    town,
    parent: spec.parent ?? -1,
    owner: -1,
    capability: spec.capability ?? 0.3,
    cash: spec.cash ?? 3000,
    kinGroup: 0,
  });
  for (const process of spec.machines ?? []) world.firms.cols.inHouse[firm] |= 1 << process;
  for (const product of spec.products ?? [0]) {
    startProduct(world, firm, product, -2, (process) => world.params.processes[process].machineCost);
  }
  const add = (status: (typeof WORKER_STATUS)[keyof typeof WORKER_STATUS]) =>
    addWorker(world, { town, employer: firm, skill, status, trainedAt: -1, careerMonths: 60 });
  world.firms.cols.owner[firm] = add(WORKER_STATUS.owner);
  for (let i = 0; i < (spec.journeymen ?? 4); i++) add(WORKER_STATUS.journeyman);
  for (let i = 0; i < (spec.apprentices ?? 0); i++) add(WORKER_STATUS.apprentice);
  return firm;
}

/** Publish town state as the first month's prices expect (the engine's own function). */
export { publishInitialTownState as publishTownState } from '../../sim/model/initialise.js';
