/**
 * Phase 7, gather-workforce (sim/model/phases/gatherWorkforce.ts): each firm's
 * head-count, apprentices and skill, each town's labour totals, owners per kin group
 * and unemployed queue - one pass over the workers in id order (the engine does this
 * serially too, so its sums are in worker-id order).
 */
import { WORKER_STATUS } from '../../../sim/state/workers.js';
import type { Model } from '../model.js';
import { zeroWorkforce } from '../town.js';

export function gatherWorkforce(model: Model): void {
  for (const firm of model.firms) {
    firm.headcount = 0;
    firm.apprentices = 0;
    firm.skillSum = 0;
  }
  for (const town of model.towns) {
    town.workforce = zeroWorkforce();
    town.kinFirms.fill(0);
    town.unemployed = [];
    town.nextUnemployed = 0;
  }
  for (const worker of model.workers) {
    if (!worker.alive) continue;
    const town = model.towns[worker.town];
    const workforce = town.workforce;
    workforce.workers += 1;
    workforce.skillSum += worker.skill;
    const firm = worker.employer;
    if (firm === null) {
      workforce.unemployed += 1;
      town.unemployed.push(worker);
      continue;
    }
    workforce.employed += 1;
    firm.headcount += 1;
    firm.skillSum += worker.skill;
    if (worker.status === WORKER_STATUS.apprentice) {
      firm.apprentices += 1;
      workforce.apprentices += 1;
    } else if (worker.status === WORKER_STATUS.owner) {
      workforce.owners += 1;
      town.kinFirms[worker.kinGroup] += 1;
    }
  }
}
