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
    const townCount = world.params.towns.length;
    const unemployedPerTown = new Int32Array(townCount);

    for (let id = 0; id < workerCount; id++) {
      if (w.alive[id] === 0) continue;
      const row = w.town[id] * WORKFORCE_FIELDS;
      workforce[row + WORKFORCE.workers] += 1;
      workforce[row + WORKFORCE.skillSum] += w.skill[id];
      const firm = w.employer[id];
      if (firm < 0) {
        workforce[row + WORKFORCE.unemployed] += 1;
        unemployedPerTown[w.town[id]] += 1;
        continue;
      }
      workforce[row + WORKFORCE.employed] += 1;
      f.headcount[firm] += 1;
      f.skillSum[firm] += w.skill[id];
      if (w.status[id] === WORKER_STATUS.apprentice) {
        f.apprentices[firm] += 1;
        workforce[row + WORKFORCE.apprentices] += 1;
      } else if (w.status[id] === WORKER_STATUS.owner) {
        workforce[row + WORKFORCE.owners] += 1;
      }
    }

    // Unemployed queue per town, in id order (counting sort): hires take from its head.
    let total = 0;
    for (let town = 0; town < townCount; town++) {
      host.unemployedStart[town] = total;
      host.unemployedCursor[town] = total;
      total += unemployedPerTown[town];
    }
    host.unemployedStart[townCount] = total;
    if (host.unemployedIds.length < total) host.unemployedIds = new Int32Array(total * 2);
    const fill = host.unemployedCursor.slice();
    for (let id = 0; id < workerCount; id++) {
      if (w.alive[id] === 1 && w.employer[id] < 0) host.unemployedIds[fill[w.town[id]]++] = id;
    }
  },
};
