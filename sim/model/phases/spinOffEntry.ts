/**
 * Phase: entry by spin-off, applied in founder-id order. Most entrants are former
 * workers of cluster firms (Punjab seed §4.3: "many ex-apprentices attempt to start
 * their own workshop after completing their training"); the founder carries part of
 * the parent's capability and brings the entry capital.
 */
import type { Phase } from '../../simulation.js';
import { blockCount } from '../../store/blocks.js';
import { forEachCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import { WORKER_STATUS } from '../../state/workers.js';
import { countTick, TICK_COUNT } from '../../host.js';
import { addFirm } from '../agents.js';
import { spinOffCapability } from '../equations.js';

export const spinOffEntry: Phase = {
  name: 'spin-off-entry',
  run({ world, host }) {
    const { entry } = world.params;
    const tick = world.header[HEADER.tick];
    const blocks = blockCount(world.header[HEADER.workerCount]);
    forEachCommand(world.commands.spinOff, blocks, (founder, parent) => {
      const w = world.workers.cols;
      const town = w.town[founder];
      const capability = spinOffCapability(
        entry.inheritedCapabilityShare,
        world.firms.cols.capability[parent],
        w.skill[founder],
      );
      const firm = addFirm(world, { town, parent, owner: founder, capability, cash: entry.entryCapital });
      w.employer[founder] = firm;
      w.tenureMonths[founder] = 0;
      w.status[founder] = WORKER_STATUS.owner;
      host.accounts.equityInjected += entry.entryCapital;
      countTick(host, town, TICK_COUNT.entries);
      host.events.push({ type: 'entry', tick, firm, town, parent, founder });
    });
  },
};
