/**
 * Labour kernel, over worker blocks: learning by doing, tenure, apprenticeship,
 * and the decisions to retire, quit or spin off (queued as commands).
 */
import type { World } from '../../world.js';
import { drawBase, STREAM, uniformAt } from '../../rng/streams.js';
import { clearBlock, pushCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import { WORKER_STATUS } from '../../state/workers.js';
import { skillGain, spinOffProbability } from '../equations.js';
import { kinHelpers, quitProbability, wageMultiplier } from '../rules/people.js';

/** Why a worker left an employer (the `arg` of a quit command). */
export const QUIT_REASON = { voluntary: 0, laidOff: 1, employerExit: 2 } as const;

export function labourKernel(world: World, block: number, start: number, end: number): void {
  const { labour, entry, kin } = world.params;
  const tick = world.header[HEADER.tick];
  const key = world.streamKeys[STREAM.labour];
  const spinOffKey = world.streamKeys[STREAM['spin-off']];
  const { alive, employer, skill, tenureMonths, careerMonths, status, town } = world.workers.cols;
  const firmAlive = world.firms.cols.alive;
  const firmUtilisation = world.firms.cols.utilisation;
  const firmShrinking = world.firms.cols.shrinking;
  const firmCapability = world.firms.cols.capability;
  const { successfulSpinOffShare: successShare, meanCapability: townMeanCapability } = world.towns.cols;
  const { courseProbability, courseSkillGain } = world.towns.cols;
  const kinFirms = world.townKin.cols.firms;
  const kinGroup = world.workers.cols.kinGroup;
  const { retire, quit, spinOff } = world.commands;
  clearBlock(retire, block);
  clearBlock(quit, block);
  clearBlock(spinOff, block);

  for (let id = start; id < end; id++) {
    if (alive[id] === 0) continue;
    const draws = drawBase(key, id, tick);
    if (uniformAt(draws, 0) < labour.retireProbabilityPerMonth) {
      pushCommand(retire, block, id, 0);
      continue;
    }
    careerMonths[id] += 1;
    const firm = employer[id];
    if (firm < 0) continue;
    if (firmAlive[firm] === 0) {
      pushCommand(quit, block, id, QUIT_REASON.employerExit);
      continue;
    }
    skill[id] += skillGain(labour, skill[id], firmUtilisation[firm]);
    // A training-centre short course (policy): part of the skill gap closed at once.
    const workerTown = town[id];
    // Drawn only where courses run (a uniform draw is never below a probability of 0).
    const courseChance = courseProbability[workerTown];
    if (courseChance > 0 && uniformAt(draws, 4) < courseChance)
      skill[id] += courseSkillGain[workerTown] * (1 - skill[id]);
    tenureMonths[id] += 1;
    const workerStatus = status[id];
    if (workerStatus === WORKER_STATUS.owner) continue;
    if (
      workerStatus === WORKER_STATUS.apprentice &&
      tenureMonths[id] >= labour.apprenticeshipMonths &&
      skill[id] >= labour.journeymanSkill
    ) {
      status[id] = WORKER_STATUS.journeyman;
    }
    const laidOff = firmShrinking[firm] === 1 && uniformAt(draws, 1) < labour.layoffProbabilityPerMonth;
    if (laidOff) {
      pushCommand(quit, block, id, QUIT_REASON.laidOff);
      continue;
    }
    // Workers of firms paying below the going rate quit more often (wage gaps, III c).
    const relativeWage = wageMultiplier(labour, firmCapability[firm], townMeanCapability[workerTown]);
    if (uniformAt(draws, 2) < quitProbability(labour, relativeWage)) {
      pushCommand(quit, block, id, QUIT_REASON.voluntary);
      continue;
    }
    if (
      status[id] === WORKER_STATUS.journeyman &&
      tenureMonths[id] >= entry.spinOffMinTenureMonths &&
      skill[id] >= entry.spinOffMinSkill
    ) {
      // Kin firms in the town make founding easier (the lohar bradri, Punjab seed §4.2).
      const helpers = kinHelpers(kin, kinFirms[workerTown * kin.groups + kinGroup[id]]);
      const probability =
        spinOffProbability(entry.spinOffProbabilityPerMonth, entry.demonstrationWeight, successShare[workerTown]) *
        (1 + kin.spinOffWeightPerHelper * helpers);
      if (uniformAt(drawBase(spinOffKey, id, tick), 0) < probability) pushCommand(spinOff, block, id, firm);
    }
  }
}
