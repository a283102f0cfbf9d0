/**
 * Phases that add per-block partial sums in block order (so totals do not depend on
 * which thread ran which block) and publish the town state kernels read next.
 */
import type { Phase, Simulation } from '../../simulation.js';
import { blockCount } from '../../store/blocks.js';
import { HEADER } from '../../state/header.js';
import { MAX_FIELDS, PARTIAL, PARTIAL_FIELDS, partialStride } from '../partials.js';

function reduceFields(sim: Simulation, fields: readonly number[]): void {
  const { world, host } = sim;
  const townCount = world.params.towns.length;
  const blocks = blockCount(world.header[HEADER.firmCount]);
  const partial = world.partials.cols.value;
  const stride = partialStride(townCount);
  const totals = host.firmTotals;
  for (let town = 0; town < townCount; town++) {
    for (const field of fields) {
      const isMax = MAX_FIELDS.includes(field);
      let total = 0;
      for (let block = 0; block < blocks; block++) {
        const value = partial[block * stride + town * PARTIAL_FIELDS + field];
        total = isMax ? Math.max(total, value) : total + value;
      }
      totals[town * PARTIAL_FIELDS + field] = total;
    }
  }
}

export const reduceAttractiveness: Phase = {
  name: 'reduce-attractiveness',
  run(sim) {
    reduceFields(sim, [PARTIAL.attractivenessSum]);
    const pull = sim.world.towns.cols.attractivenessSum;
    for (let town = 0; town < pull.length; town++) {
      pull[town] = sim.host.firmTotals[town * PARTIAL_FIELDS + PARTIAL.attractivenessSum];
    }
  },
};

const MARKET_FIELDS = Object.values(PARTIAL).filter((field) => field !== PARTIAL.attractivenessSum);

export const reduceMarket: Phase = {
  name: 'reduce-market',
  run(sim) {
    reduceFields(sim, MARKET_FIELDS);
    const { firms, meanCapability, successfulSpinOffShare } = sim.world.towns.cols;
    const totals = sim.host.firmTotals;
    for (let town = 0; town < firms.length; town++) {
      const row = town * PARTIAL_FIELDS;
      const count = totals[row + PARTIAL.firms];
      firms[town] = count;
      meanCapability[town] = count > 0 ? totals[row + PARTIAL.capabilitySum] / count : 0;
      successfulSpinOffShare[town] = count > 0 ? totals[row + PARTIAL.successfulSpinOffs] / count : 0;
    }
  },
};
