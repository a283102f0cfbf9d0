/** Phase: exogenous drivers - this month's demand in each town. */
import type { Phase } from '../../simulation.js';
import { HEADER } from '../../state/header.js';
import { townDemandUnits } from '../equations.js';

export const exogenousDemand: Phase = {
  name: 'exogenous-demand',
  run({ world, host }) {
    const tick = world.header[HEADER.tick];
    const demand = world.towns.cols.demandUnits;
    world.params.towns.forEach((town, index) => {
      demand[index] = townDemandUnits(town, world.params.market, tick);
    });
    host.tickCounts.fill(0);
  },
};
