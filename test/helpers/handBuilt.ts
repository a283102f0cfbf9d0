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

/** Publish town state as the first month's prices expect (rival count, mean capability). */
export function publishTownState(world: World): void {
  const { firms, meanCapability } = world.towns.cols;
  firms.fill(0);
  meanCapability.fill(0);
  for (let id = 0; id < world.header[1]; id++) {
    if (world.firms.cols.alive[id] === 0) continue;
    firms[world.firms.cols.town[id]] += 1;
    meanCapability[world.firms.cols.town[id]] += world.firms.cols.capability[id];
  }
  for (let town = 0; town < firms.length; town++) if (firms[town] > 0) meanCapability[town] /= firms[town];
}
