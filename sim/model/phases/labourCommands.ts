/**
 * Phase: apply retirements and quits queued by the labour kernel, in worker-id order.
 * A quitting owner (whose firm exited) becomes an ordinary journeyman looking for work.
 */
import type { Phase } from '../../simulation.js';
import { blockCount } from '../../store/blocks.js';
import { forEachCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import { WORKER_STATUS } from '../../state/workers.js';
import { countTick, TICK_COUNT } from '../../host.js';

export const applyRetirementsAndQuits: Phase = {
  name: 'apply-retirements-and-quits',
  run({ world, host }) {
    const w = world.workers.cols;
    const blocks = blockCount(world.header[HEADER.workerCount]);
    forEachCommand(world.commands.retire, blocks, (worker) => {
      w.alive[worker] = 0;
      w.employer[worker] = -1;
      countTick(host, w.town[worker], TICK_COUNT.retirements);
    });
    const f = world.firms.cols;
    const tp = world.townProducts.cols;
    forEachCommand(world.commands.quit, blocks, (worker) => {
      // The know-how a mover carries to the next employer (III c), and the employer's
      // fresh design, if it has one ("skills diffusion ... through inter-firm movement
      // of trained labour", Punjab seed §4.3).
      const employer = w.employer[worker];
      w.carriedCapability[worker] = f.capability[employer];
      const fresh = f.freshSlot[employer];
      const carriesDesign = fresh >= 0 && tp.fresh[fresh] === 1 && tp.originator[fresh] === employer;
      w.carriedSlot[worker] = carriesDesign ? fresh : -1;
      w.carriedDesign[worker] = carriesDesign ? tp.design[fresh] : -1;
      w.employer[worker] = -1;
      w.tenureMonths[worker] = 0;
      if (w.status[worker] === WORKER_STATUS.owner) w.status[worker] = WORKER_STATUS.journeyman;
      countTick(host, w.town[worker], TICK_COUNT.quits);
    });
  },
};
