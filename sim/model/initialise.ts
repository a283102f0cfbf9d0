/**
 * The founding generation: each town starts with its scenario's firms, each run by
 * an owner and staffed by journeymen and apprentices. Every draw comes from the
 * 'init-firm' / 'init-worker' streams keyed by agent id, so the initial world does
 * not depend on anything but the seed.
 */
import type { World } from '../world.js';
import { drawBase, integerAt, rangeAt, STREAM, uniformAt } from '../rng/streams.js';
import { WORKER_STATUS } from '../state/workers.js';
import { addFirm, addWorker, startProduct } from './agents.js';
import { catalogueOf } from './catalogue.js';
import { HEADER } from '../state/header.js';

/** Share of a founding firm's employees who are apprentices (assumption; see docs/ODD.md). */
const INITIAL_APPRENTICE_SHARE = 0.3;

export function initialiseWorld(world: World): void {
  const firmKey = world.streamKeys[STREAM['init-firm']];
  const workerKey = world.streamKeys[STREAM['init-worker']];
  const { labour, entry } = world.params;
  world.params.towns.forEach((town, townIndex) => {
    for (let n = 0; n < town.initialFirms; n++) {
      const nextFirm = world.header[HEADER.firmCount];
      const firmDraws = drawBase(firmKey, nextFirm, 0);
      const firm = addFirm(world, {
        town: townIndex,
        parent: -1,
        owner: -1,
        capability: rangeAt(firmDraws, 0, town.initialCapability.min, town.initialCapability.max),
        cash: entry.entryCapital,
        kinGroup: 0,
      });
      foundingProducts(world, firm, firmDraws);
      const staff = integerAt(firmDraws, 1, town.workersPerFirm.min, town.workersPerFirm.max);
      for (let k = 0; k < staff; k++) {
        const workerDraws = drawBase(workerKey, world.header[HEADER.workerCount], 0);
        const isOwner = k === 0;
        const isApprentice = !isOwner && uniformAt(workerDraws, 0) < INITIAL_APPRENTICE_SHARE;
        const skill = isApprentice
          ? labour.newApprenticeSkill
          : rangeAt(workerDraws, 1, town.initialSkill.min, town.initialSkill.max);
        const worker = addWorker(world, {
          town: townIndex,
          employer: firm,
          skill,
          status: isOwner ? WORKER_STATUS.owner : isApprentice ? WORKER_STATUS.apprentice : WORKER_STATUS.journeyman,
          trainedAt: -1,
          careerMonths: isApprentice ? 0 : integerAt(workerDraws, 2, 24, 240),
        });
        if (isOwner) {
          world.firms.cols.owner[firm] = worker;
          world.firms.cols.kinGroup[firm] = world.workers.cols.kinGroup[worker];
        }
      }
    }
  });
}

/**
 * A founding firm makes the simplest product on the frontier at the start and, with
 * a draw, one more it is capable of; it owns the machines for all their processes
 * (no vendors yet: "only thirty-six [of one hundred] were found to be fully
 * integrated" in the 1960s - the founders were the integrated ones, Punjab seed §4.1).
 */
function foundingProducts(world: World, firm: number, firmDraws: number): void {
  const catalogue = catalogueOf(world.params);
  const capability = world.firms.cols.capability[firm];
  const margin = world.params.imitation.copyCapabilityMargin;
  const candidates: number[] = [];
  for (let product = 0; product < catalogue.productCount; product++) {
    if (catalogue.frontierTick[product] > 0) continue;
    if (capability >= catalogue.complexity[product] - margin) candidates.push(product);
  }
  if (candidates.length === 0) {
    // Nobody could make anything: take the simplest product on the frontier.
    let simplest = -1;
    for (let product = 0; product < catalogue.productCount; product++) {
      if (catalogue.frontierTick[product] > 0) continue;
      if (simplest < 0 || catalogue.complexity[product] < catalogue.complexity[simplest]) simplest = product;
    }
    candidates.push(simplest);
  }
  candidates.sort((a, b) => catalogue.complexity[a] - catalogue.complexity[b] || a - b);
  const machinePrice = (process: number) => world.params.processes[process].machineCost;
  startProduct(world, firm, candidates[0], -2, machinePrice);
  if (candidates.length > 1) {
    const second = candidates[1 + Math.floor(uniformAt(firmDraws, 2) * (candidates.length - 1))];
    startProduct(world, firm, second, -2, machinePrice);
  }
}

/**
 * Town state that month-0 prices read: rival count and mean capability of the firms
 * trading at the start (what reduce-market publishes every later month).
 */
export function publishInitialTownState(world: World): void {
  const { firms, meanCapability } = world.towns.cols;
  const f = world.firms.cols;
  firms.fill(0);
  meanCapability.fill(0);
  const count = world.header[HEADER.firmCount];
  for (let id = 0; id < count; id++) {
    if (f.alive[id] === 0) continue;
    firms[f.town[id]] += 1;
    meanCapability[f.town[id]] += f.capability[id];
  }
  for (let town = 0; town < firms.length; town++) if (firms[town] > 0) meanCapability[town] /= firms[town];
}
