/** Adding agents to a hand-built world (firms with a given staff) for mechanism tests. */
import { addFirm, addWorker } from '../../sim/model/agents.js';
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
  });
  const add = (status: (typeof WORKER_STATUS)[keyof typeof WORKER_STATUS]) =>
    addWorker(world, { town, employer: firm, skill, status, trainedAt: -1, careerMonths: 60 });
  world.firms.cols.owner[firm] = add(WORKER_STATUS.owner);
  for (let i = 0; i < (spec.journeymen ?? 4); i++) add(WORKER_STATUS.journeyman);
  for (let i = 0; i < (spec.apprentices ?? 0); i++) add(WORKER_STATUS.apprentice);
  return firm;
}

/** Publish town state as the first month's prices expect (the engine's own function). */
export { publishInitialTownState as publishTownState } from '../../sim/model/initialise.js';
