/**
 * Creating agents. Only the main thread calls these, at phase boundaries, so ids
 * are handed out in a deterministic order (command order = agent-id order).
 */
import { ensureCapacity, type World } from '../world.js';
import { HEADER } from '../state/header.js';
import { WORKER_STATUS } from '../state/workers.js';

export interface NewFirm {
  town: number;
  parent: number;
  owner: number;
  capability: number;
  cash: number;
}

export function addFirm(world: World, firm: NewFirm): number {
  const id = world.header[HEADER.firmCount];
  ensureCapacity(world, id + 1, world.workers.capacity);
  const f = world.firms.cols;
  f.alive[id] = 1;
  f.town[id] = firm.town;
  f.parent[id] = firm.parent;
  f.owner[id] = firm.owner;
  f.birthTick[id] = world.header[HEADER.tick];
  f.capability[id] = firm.capability;
  f.cash[id] = firm.cash;
  world.header[HEADER.firmCount] = id + 1;
  return id;
}

export interface NewWorker {
  town: number;
  employer: number;
  skill: number;
  status: (typeof WORKER_STATUS)[keyof typeof WORKER_STATUS];
  trainedAt: number;
  careerMonths: number;
}

export function addWorker(world: World, worker: NewWorker): number {
  const id = world.header[HEADER.workerCount];
  ensureCapacity(world, world.firms.capacity, id + 1);
  const w = world.workers.cols;
  w.alive[id] = 1;
  w.town[id] = worker.town;
  w.employer[id] = worker.employer;
  w.skill[id] = worker.skill;
  w.tenureMonths[id] = 0;
  w.careerMonths[id] = worker.careerMonths;
  w.status[id] = worker.status;
  w.trainedAt[id] = worker.trainedAt;
  w.carriedCapability[id] = 0;
  world.header[HEADER.workerCount] = id + 1;
  return id;
}
