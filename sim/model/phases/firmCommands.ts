/**
 * Phase: apply exits, then hires, in firm-id order.
 *
 * Exit on persistent losses: a firm whose cash stays negative for
 * `lossMonthsToExit` months closes; its workers find themselves unemployed at the
 * start of next month. A hiring firm takes the longest-registered unemployed worker
 * of its town (lowest id) or, when there is none, a new apprentice - the labour
 * force grows through apprenticeships (Punjab seed §4.1, firms as "private training
 * institutes").
 *
 * A hired worker who left a more capable firm brings part of its know-how (Punjab
 * seed §4.3, III c: "skills diffusion has also occurred through inter-firm movement
 * of trained labour").
 *
 * Hires update the town workforce totals gathered earlier this month, so that the
 * observed head-counts are end-of-month stocks consistent with this month's flows.
 */
import type { Phase } from '../../simulation.js';
import { blockCount } from '../../store/blocks.js';
import { forEachCommand } from '../../store/commandBuffer.js';
import { HEADER } from '../../state/header.js';
import { WORKER_STATUS } from '../../state/workers.js';
import { countTick, type Host, TICK_COUNT, WORKFORCE, WORKFORCE_FIELDS } from '../../host.js';
import { addWorker } from '../agents.js';
import { moverCapabilityGain } from '../equations.js';
import { EXIT_REASON } from '../kernels/market.js';
import { catalogueOf } from '../catalogue.js';
import { canCopyProduct, copyReadyTick } from '../rules/designs.js';
import { drawBase, STREAM, uniformAt } from '../../rng/streams.js';
import type { World } from '../../world.js';

/**
 * A worker hired from a firm with a fresh design may bring it: the hiring firm, if it
 * is not copying something already and could make the product, starts copying it now
 * (movers as an imitation channel, Punjab seed §4.3, III c).
 */
function moverBringsDesign(world: World, firm: number, worker: number, tick: number): void {
  const w = world.workers.cols;
  const slot = w.carriedSlot[worker];
  const design = w.carriedDesign[worker];
  w.carriedSlot[worker] = -1;
  w.carriedDesign[worker] = -1;
  const f = world.firms.cols;
  if (slot < 0 || f.copySlot[firm] >= 0 || world.townProducts.cols.originator[slot] === firm) return;
  const { imitation } = world.params;
  if (uniformAt(drawBase(world.streamKeys[STREAM.hire], worker, tick), 0) >= imitation.moverCarriesDesignProbability)
    return;
  const catalogue = catalogueOf(world.params);
  const product = slot % catalogue.productCount;
  if (world.firmDesigns.cols.design[firm * catalogue.productCount + product] >= design) return;
  const available = f.inHouse[firm] | world.towns.cols.accessibleProcesses[f.town[firm]];
  if ((catalogue.productProcesses[product] & ~available) !== 0) return;
  if (!canCopyProduct(imitation, f.capability[firm], catalogue.complexity[product])) return;
  f.copySlot[firm] = slot;
  f.copyDesign[firm] = design;
  f.copyReadyTick[firm] = copyReadyTick(imitation, tick, world.townProducts.cols.protectedUntilTick[slot]);
}

function recordHire(host: Host, town: number, fromUnemployed: boolean, skill: number): void {
  const row = town * WORKFORCE_FIELDS;
  host.workforce[row + WORKFORCE.employed] += 1;
  if (fromUnemployed) {
    host.workforce[row + WORKFORCE.unemployed] -= 1;
  } else {
    host.workforce[row + WORKFORCE.workers] += 1;
    host.workforce[row + WORKFORCE.apprentices] += 1;
    host.workforce[row + WORKFORCE.skillSum] += skill;
  }
  countTick(host, town, TICK_COUNT.hires);
  if (!fromUnemployed) countTick(host, town, TICK_COUNT.newApprentices);
}

export const applyExitsAndHires: Phase = {
  name: 'apply-exits-and-hires',
  run({ world, host }) {
    const tick = world.header[HEADER.tick];
    const blocks = blockCount(world.header[HEADER.firmCount]);
    forEachCommand(world.commands.exit, blocks, (firm, reason) => {
      const f = world.firms.cols;
      f.alive[firm] = 0;
      if (reason === EXIT_REASON.ownerGaveUp) countTick(host, f.town[firm], TICK_COUNT.ownerGiveUps);
      // The owner takes out what is left; debt a closing firm cannot pay is written off.
      host.accounts.equityWithdrawn += f.cash[firm] - f.debt[firm];
      countTick(host, f.town[firm], TICK_COUNT.exits);
      host.events.push({
        type: 'exit',
        tick,
        firm,
        town: f.town[firm],
        ageMonths: tick - f.birthTick[firm],
        cash: f.cash[firm],
        debt: f.debt[firm],
        reason: reason === EXIT_REASON.ownerGaveUp ? 'owner-gave-up' : 'losses',
      });
    });
    forEachCommand(world.commands.hire, blocks, (firm) => {
      const town = world.firms.cols.town[firm];
      const cursor = host.unemployedCursor[town];
      if (cursor < host.unemployedStart[town + 1]) {
        const worker = host.unemployedByTown[cursor];
        host.unemployedCursor[town] = cursor + 1;
        world.workers.cols.employer[worker] = firm;
        world.workers.cols.tenureMonths[worker] = 0;
        const capability = world.firms.cols.capability;
        capability[firm] += moverCapabilityGain(
          world.params.labour.moverKnowledgeShare,
          capability[firm],
          world.workers.cols.carriedCapability[worker],
        );
        moverBringsDesign(world, firm, worker, tick);
        recordHire(host, town, true, world.workers.cols.skill[worker]);
        return;
      }
      const skill = world.params.labour.newApprenticeSkill;
      addWorker(world, {
        town,
        employer: firm,
        skill,
        status: WORKER_STATUS.apprentice,
        trainedAt: firm,
        careerMonths: 0,
      });
      recordHire(host, town, false, skill);
    });
  },
};
