/**
 * Phase 14, apply-exits-and-hires (sim/model/phases/firmCommands.ts): exits, then
 * hires, in firm-id order. A hiring firm takes the longest-registered unemployed
 * worker of its town (lowest id) or else a new apprentice; a mover brings know-how
 * and perhaps a fresh design. Hires update the town's labour totals gathered earlier
 * this month.
 */
import { WORKER_STATUS } from '../../../sim/state/workers.js';
import { moverCapabilityGain } from '../../../sim/model/equations.js';
import { canCopyProduct, copyReadyTick } from '../../../sim/model/rules/designs.js';
import { uniformAt } from '../../../sim/rng/streams.js';
import type { Firm, Worker } from '../agents.js';
import type { Model } from '../model.js';
import type { Town } from '../town.js';
import { recordEvent } from '../events.js';

export function applyExitsAndHires(model: Model): void {
  const { tick } = model;
  for (const { firm, reason } of model.pending.exits) {
    const town = model.towns[firm.town];
    firm.alive = false;
    if (reason === 'owner-gave-up') town.count('ownerGiveUps');
    // The owner takes out what is left; debt a closing firm cannot pay is written off.
    model.accounts.equityWithdrawn += firm.cash - firm.debt;
    town.count('exits');
    recordEvent(model, {
      type: 'exit',
      tick,
      firm: firm.id,
      town: firm.town,
      ageMonths: tick - firm.birthTick,
      cash: firm.cash,
      debt: firm.debt,
      reason,
    });
  }
  for (const firm of model.pending.hires) hire(model, firm);
}

function hire(model: Model, firm: Firm): void {
  const town = model.towns[firm.town];
  if (town.nextUnemployed < town.unemployed.length) {
    const worker = town.unemployed[town.nextUnemployed++];
    worker.employer = firm;
    worker.tenureMonths = 0;
    firm.capability += moverCapabilityGain(
      model.params.labour.moverKnowledgeShare,
      firm.capability,
      worker.carriedCapability,
    );
    moverBringsDesign(model, firm, worker);
    recordHire(town, true, worker.skill);
    return;
  }
  const skill = model.params.labour.newApprenticeSkill;
  model.addWorker({
    town: town.index,
    employer: firm,
    skill,
    status: WORKER_STATUS.apprentice,
    trainedAt: firm.id,
    careerMonths: 0,
  });
  recordHire(town, false, skill);
}

/** A worker hired from a firm with a fresh design may bring it: the hiring firm starts copying it. */
function moverBringsDesign(model: Model, firm: Firm, worker: Worker): void {
  const { imitation } = model.params;
  const { catalogue } = model;
  const slot = worker.carriedSlot;
  const design = worker.carriedDesign;
  worker.carriedSlot = -1;
  worker.carriedDesign = -1;
  if (slot < 0 || firm.copySlot >= 0 || model.slots[slot].originator === firm.id) return;
  if (uniformAt(model.draws('hire', worker.id), 0) >= imitation.moverCarriesDesignProbability) return;
  const product = model.slots[slot].product;
  if (firm.designs[product] >= design) return;
  const available = firm.inHouse | model.towns[firm.town].accessibleProcesses;
  if ((catalogue.productProcesses[product] & ~available) !== 0) return;
  if (!canCopyProduct(imitation, firm.capability, catalogue.complexity[product])) return;
  firm.copySlot = slot;
  firm.copyDesign = design;
  firm.copyReadyTick = copyReadyTick(imitation, model.tick, model.slots[slot].protectedUntilTick);
}

function recordHire(town: Town, fromUnemployed: boolean, skill: number): void {
  const workforce = town.workforce;
  workforce.employed += 1;
  if (fromUnemployed) {
    workforce.unemployed -= 1;
  } else {
    workforce.workers += 1;
    workforce.apprentices += 1;
    workforce.skillSum += skill;
  }
  town.count('hires');
  if (!fromUnemployed) town.count('newApprentices');
}
