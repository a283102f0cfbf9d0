/**
 * Phase: gather each firm's workforce (head-count, apprentices, skill) and each
 * town's labour totals and unemployed queue, in one serial pass in worker-id order.
 * Serial because workers of one firm are spread over many blocks; the pass is a
 * few additions per worker and keeps every sum independent of the thread count.
 */
import type { Phase } from '../../simulation.js';
import { HEADER } from '../../state/header.js';
import { WORKER_STATUS } from '../../state/workers.js';
import { WORKFORCE, WORKFORCE_FIELDS } from '../../host.js';

export const gatherWorkforce: Phase = {
  name: 'gather-workforce',
  run({ world, host }) {
    const firmCount = world.header[HEADER.firmCount];
    const workerCount = world.header[HEADER.workerCount];
    const f = world.firms.cols;
    const w = world.workers.cols;
    f.headcount.fill(0, 0, firmCount);
    f.apprentices.fill(0, 0, firmCount);
    f.skillSum.fill(0, 0, firmCount);
    const workforce = host.workforce;
    workforce.fill(0);
    // Firms per town and owner's kin group (read next month by spin-off decisions).
    const kinFirms = world.townKin.cols.firms;
    const kinGroups = world.params.kin.groups;
    const kinGroup = w.kinGroup;
    kinFirms.fill(0);
    const townCount = world.params.towns.length;
    // Unemployed ids are collected in id order during the one pass over workers, then
    // grouped by town (a counting sort over the unemployed only, not over everyone).
    if (host.unemployedIds.length < workerCount) host.unemployedIds = new Int32Array(Math.max(1024, workerCount * 2));
    const unemployedInIdOrder = host.unemployedIds;
    let unemployedCount = 0;

    // Columns in locals: the hot loop then indexes typed arrays directly.
    const { alive, town: workerTown, skill, employer, status } = w;
    const { headcount, apprentices, skillSum } = f;
    for (let id = 0; id < workerCount; id++) {
      if (alive[id] === 0) continue;
      const row = workerTown[id] * WORKFORCE_FIELDS;
      const workerSkill = skill[id];
      workforce[row + WORKFORCE.workers] += 1;
      workforce[row + WORKFORCE.skillSum] += workerSkill;
      const firm = employer[id];
      if (firm < 0) {
        workforce[row + WORKFORCE.unemployed] += 1;
        unemployedInIdOrder[unemployedCount++] = id;
        continue;
      }
      workforce[row + WORKFORCE.employed] += 1;
      headcount[firm] += 1;
      skillSum[firm] += workerSkill;
      const workerStatus = status[id];
      if (workerStatus === WORKER_STATUS.apprentice) {
        apprentices[firm] += 1;
        workforce[row + WORKFORCE.apprentices] += 1;
      } else if (workerStatus === WORKER_STATUS.owner) {
        workforce[row + WORKFORCE.owners] += 1;
        kinFirms[workerTown[id] * kinGroups + kinGroup[id]] += 1;
      }
    }

    // Unemployed queue per town, in id order: hires take from its head.
    let total = 0;
    for (let town = 0; town < townCount; town++) {
      host.unemployedStart[town] = total;
      host.unemployedCursor[town] = total;
      total += workforce[town * WORKFORCE_FIELDS + WORKFORCE.unemployed];
    }
    host.unemployedStart[townCount] = total;
    const byTown =
      host.unemployedByTown.length < total
        ? (host.unemployedByTown = new Int32Array(total * 2))
        : host.unemployedByTown;
    const fill = host.unemployedCursor.slice();
    for (let i = 0; i < unemployedCount; i++) {
      const id = unemployedInIdOrder[i];
      byTown[fill[w.town[id]]++] = id;
    }
  },
};
