/**
 * Building the reference world and its founding generation: mirrors `createWorld`
 * (sim/world.ts, the initial values of every store), `initialiseWorld` and
 * `publishInitialTownState` (sim/model/initialise.ts). Each town starts with its
 * scenario's firms, each run by an owner and staffed by journeymen and apprentices;
 * every draw comes from the 'init-firm' / 'init-worker' streams keyed by the id the
 * new agent will get, as in the engine.
 */
import type { ModelParams } from '../../sim/params.js';
import { integerAt, rangeAt, uniformAt } from '../../sim/rng/streams.js';
import { WORKER_STATUS } from '../../sim/state/workers.js';
import type { Firm } from './agents.js';
import { Model } from './model.js';
import { startProduct } from './startProduct.js';

/** Share of a founding firm's employees who are apprentices (sim/model/initialise.ts). */
const INITIAL_APPRENTICE_SHARE = 0.3;

export function buildModel(params: ModelParams, seed: number, metricCount: number): Model {
  const model = new Model(params, seed, metricCount);
  foundingGeneration(model);
  publishInitialTownState(model);
  return model;
}

function foundingGeneration(model: Model): void {
  const { labour, entry } = model.params;
  model.params.towns.forEach((town, townIndex) => {
    for (let n = 0; n < town.initialFirms; n++) {
      const firmDraws = model.draws('init-firm', model.firms.length, 0);
      const firm = model.addFirm({
        town: townIndex,
        parent: -1,
        owner: -1,
        capability: rangeAt(firmDraws, 0, town.initialCapability.min, town.initialCapability.max),
        cash: entry.entryCapital,
        kinGroup: 0,
      });
      foundingProducts(model, firm, firmDraws);
      const staff = integerAt(firmDraws, 1, town.workersPerFirm.min, town.workersPerFirm.max);
      for (let k = 0; k < staff; k++) {
        const workerDraws = model.draws('init-worker', model.workers.length, 0);
        const isOwner = k === 0;
        const isApprentice = !isOwner && uniformAt(workerDraws, 0) < INITIAL_APPRENTICE_SHARE;
        const skill = isApprentice
          ? labour.newApprenticeSkill
          : rangeAt(workerDraws, 1, town.initialSkill.min, town.initialSkill.max);
        const worker = model.addWorker({
          town: townIndex,
          employer: firm,
          skill,
          status: isOwner ? WORKER_STATUS.owner : isApprentice ? WORKER_STATUS.apprentice : WORKER_STATUS.journeyman,
          trainedAt: -1,
          careerMonths: isApprentice ? 0 : integerAt(workerDraws, 2, 24, 240),
        });
        if (isOwner) {
          firm.owner = worker.id;
          firm.kinGroup = worker.kinGroup;
        }
      }
    }
  });
}

/**
 * The simplest product on the frontier at the start and, with a draw, one more the
 * firm is capable of, with machines for all their processes (no vendors yet).
 */
function foundingProducts(model: Model, firm: Firm, firmDraws: number): void {
  const { catalogue } = model;
  const margin = model.params.imitation.copyCapabilityMargin;
  const candidates: number[] = [];
  for (let product = 0; product < catalogue.productCount; product++) {
    if (catalogue.frontierTick[product] > 0) continue;
    if (firm.capability >= catalogue.complexity[product] - margin) candidates.push(product);
  }
  if (candidates.length === 0) {
    let simplest = -1;
    for (let product = 0; product < catalogue.productCount; product++) {
      if (catalogue.frontierTick[product] > 0) continue;
      if (simplest < 0 || catalogue.complexity[product] < catalogue.complexity[simplest]) simplest = product;
    }
    candidates.push(simplest);
  }
  candidates.sort((a, b) => catalogue.complexity[a] - catalogue.complexity[b] || a - b);
  const machinePrice = (process: number) => model.params.processes[process].machineCost;
  startProduct(model, firm, candidates[0], -2, machinePrice);
  if (candidates.length > 1) {
    const second = candidates[1 + Math.floor(uniformAt(firmDraws, 2) * (candidates.length - 1))];
    startProduct(model, firm, second, -2, machinePrice);
  }
}

/** Rival count and mean capability of the firms trading at the start (read by month-0 prices). */
function publishInitialTownState(model: Model): void {
  for (const town of model.towns) {
    town.firms = 0;
    town.meanCapability = 0;
  }
  for (const firm of model.firms) {
    if (!firm.alive) continue;
    model.towns[firm.town].firms += 1;
    model.towns[firm.town].meanCapability += firm.capability;
  }
  for (const town of model.towns) if (town.firms > 0) town.meanCapability /= town.firms;
}
