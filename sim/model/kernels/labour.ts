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

/** Why a worker left an employer (the `arg` of a quit command). */
export const QUIT_REASON = { voluntary: 0, laidOff: 1, employerExit: 2 } as const;

export function labourKernel(world: World, block: number, start: number, end: number): void {
  const { labour, entry } = world.params;
  const tick = world.header[HEADER.tick];
  const key = world.streamKeys[STREAM.labour];
  const spinOffKey = world.streamKeys[STREAM['spin-off']];
  const { alive, employer, skill, tenureMonths, careerMonths, status, town } = world.workers.cols;
  const firmAlive = world.firms.cols.alive;
  const firmUtilisation = world.firms.cols.utilisation;
  const firmShrinking = world.firms.cols.shrinking;
  const successShare = world.towns.cols.successfulSpinOffShare;
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
    if (uniformAt(draws, 2) < labour.quitProbabilityPerMonth) {
      pushCommand(quit, block, id, QUIT_REASON.voluntary);
      continue;
    }
    if (
      status[id] === WORKER_STATUS.journeyman &&
      tenureMonths[id] >= entry.spinOffMinTenureMonths &&
      skill[id] >= entry.spinOffMinSkill
    ) {
      const probability = spinOffProbability(
        entry.spinOffProbabilityPerMonth,
        entry.demonstrationWeight,
        successShare[town[id]],
      );
      if (uniformAt(drawBase(spinOffKey, id, tick), 0) < probability) pushCommand(spinOff, block, id, firm);
    }
  }
}
