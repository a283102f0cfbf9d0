/**
 * Creating agents. Only the main thread calls these, at phase boundaries, so ids
 * are handed out in a deterministic order (command order = agent-id order).
 */
import { ensureCapacity, type World } from '../world.js';
import { HEADER } from '../state/header.js';
import { WORKER_STATUS } from '../state/workers.js';
import { drawBase, STREAM, uniformAt } from '../rng/streams.js';
import { kinGroupFromDraw } from './rules/people.js';

export interface NewFirm {
  town: number;
  parent: number;
  owner: number;
  capability: number;
  cash: number;
  kinGroup: number;
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
  f.kinGroup[id] = firm.kinGroup;
  f.designTarget[id] = -1;
  f.freshSlot[id] = -1;
  f.copySlot[id] = -1;
  f.copyDesign[id] = -1;
  f.netWorthAtYearStart[id] = firm.cash;
  f.capabilityAtYearStart[id] = firm.capability;
  // No design for any product yet. Set here, per firm, rather than over the whole store when
  // it grows: a doubling would otherwise make every spare slot's row resident (~10 MB in a
  // 40-year national run, whose store doubles to 720,000 firms for 535,000 used).
  const productCount = world.params.products.length;
  world.firmDesigns.cols.design.fill(-1, id * productCount, (id + 1) * productCount);
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

/**
 * A firm starts making `product` with `design` (-2: the long-known public design), and
 * buys the machines for any of its processes its town does not offer (founders before
 * vendors exist are fully integrated). Returns the machine spending.
 */
export function startProduct(
  world: World,
  firm: number,
  product: number,
  design: number,
  machinePrice: (process: number) => number,
): number {
  const f = world.firms.cols;
  const productCount = world.params.products.length;
  const spec = world.params.products[product];
  f.products[firm] |= 1 << product;
  f.sectors[firm] |= 1 << spec.sectorIndex;
  world.firmDesigns.cols.design[firm * productCount + product] = design;
  const missing = spec.processMask & ~f.inHouse[firm] & ~world.towns.cols.accessibleProcesses[f.town[firm]];
  let spent = 0;
  for (let process = 0; process < world.params.processes.length; process++) {
    if ((missing & (1 << process)) === 0) continue;
    const price = machinePrice(process);
    f.inHouse[firm] |= 1 << process;
    f.machineValue[firm] += price;
    spent += price;
  }
  return spent;
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
  // Kin group: a fixed draw per worker id (the lohar bradri and others, Punjab seed §4.2).
  w.kinGroup[id] = kinGroupFromDraw(world.params.kin, uniformAt(drawBase(world.streamKeys[STREAM.kin], id, 0), 0));
  w.carriedSlot[id] = -1;
  w.carriedDesign[id] = -1;
  world.header[HEADER.workerCount] = id + 1;
  return id;
}
