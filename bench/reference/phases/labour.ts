/**
 * Phase 3, labour-decisions (sim/model/kernels/labour.ts, run there over worker
 * blocks): each worker learns by doing, may take a course, finishes an apprenticeship,
 * and decides to retire, quit or found a workshop - staged for later phases. Phase 4,
 * apply-retirements-and-quits (sim/model/phases/labourCommands.ts): in worker-id order.
 */
import { WORKER_STATUS } from '../../../sim/state/workers.js';
import { uniformAt } from '../../../sim/rng/streams.js';
import { skillGain, spinOffProbability } from '../../../sim/model/equations.js';
import { kinHelpers, quitProbability, wageMultiplier } from '../../../sim/model/rules/people.js';
import type { Worker } from '../agents.js';
import type { Model } from '../model.js';

export function labourDecisions(model: Model): void {
  for (const worker of model.workers) {
    if (worker.alive) decide(model, worker);
  }
}

function decide(model: Model, worker: Worker): void {
  const { labour, entry, kin } = model.params;
  const { pending } = model;
  const draws = model.draws('labour', worker.id);
  if (uniformAt(draws, 0) < labour.retireProbabilityPerMonth) {
    pending.retirements.push(worker);
    return;
  }
  worker.careerMonths += 1;
  const firm = worker.employer;
  if (firm === null) return;
  if (!firm.alive) {
    pending.quits.push(worker); // the employer closed
    return;
  }
  worker.skill += skillGain(labour, worker.skill, firm.utilisation);
  const town = model.towns[worker.town];
  // A training-centre short course (policy): part of the skill gap closed at once.
  if (uniformAt(draws, 4) < town.courseProbability) worker.skill += town.courseSkillGain * (1 - worker.skill);
  worker.tenureMonths += 1;
  if (worker.status === WORKER_STATUS.owner) return;
  if (
    worker.status === WORKER_STATUS.apprentice &&
    worker.tenureMonths >= labour.apprenticeshipMonths &&
    worker.skill >= labour.journeymanSkill
  ) {
    worker.status = WORKER_STATUS.journeyman;
  }
  if (firm.shrinking && uniformAt(draws, 1) < labour.layoffProbabilityPerMonth) {
    pending.quits.push(worker); // laid off
    return;
  }
  // Workers of firms paying below the going rate quit more often.
  const relativeWage = wageMultiplier(labour, firm.capability, town.meanCapability);
  if (uniformAt(draws, 2) < quitProbability(labour, relativeWage)) {
    pending.quits.push(worker);
    return;
  }
  if (
    worker.status === WORKER_STATUS.journeyman &&
    worker.tenureMonths >= entry.spinOffMinTenureMonths &&
    worker.skill >= entry.spinOffMinSkill
  ) {
    // Kin firms in the town make founding easier.
    const helpers = kinHelpers(kin, town.kinFirms[worker.kinGroup]);
    const probability =
      spinOffProbability(entry.spinOffProbabilityPerMonth, entry.demonstrationWeight, town.successfulSpinOffShare) *
      (1 + kin.spinOffWeightPerHelper * helpers);
    if (uniformAt(model.draws('spin-off', worker.id), 0) < probability) {
      pending.spinOffs.push({ founder: worker, parent: firm });
    }
  }
}

export function applyRetirementsAndQuits(model: Model): void {
  for (const worker of model.pending.retirements) {
    worker.alive = false;
    worker.employer = null;
    model.towns[worker.town].count('retirements');
  }
  for (const worker of model.pending.quits) {
    // The mover carries the employer's know-how, and its fresh design if it has one.
    const employer = worker.employer!;
    worker.carriedCapability = employer.capability;
    const fresh = employer.freshSlot;
    const carriesDesign = fresh >= 0 && model.slots[fresh].fresh && model.slots[fresh].originator === employer.id;
    worker.carriedSlot = carriesDesign ? fresh : -1;
    worker.carriedDesign = carriesDesign ? model.slots[fresh].design : -1;
    worker.employer = null;
    worker.tenureMonths = 0;
    if (worker.status === WORKER_STATUS.owner) worker.status = WORKER_STATUS.journeyman;
    model.towns[worker.town].count('quits');
  }
}
