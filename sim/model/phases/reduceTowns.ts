/**
 * Phases that add per-block partial sums in block order (so totals do not depend on
 * which thread ran which block) and publish the town state kernels read next.
 */
import type { Phase, Simulation } from '../../simulation.js';
import { blockCount } from '../../store/blocks.js';
import { HEADER } from '../../state/header.js';
import { MAX_FIELDS, PARTIAL, PARTIAL_FIELDS, partialStride } from '../partials.js';
import { attractiveness, proximityWeight, salesFromShare } from '../equations.js';
import type { ModelParams } from '../../params.js';

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

/**
 * Each town's total pull on its demand: its firms' attractiveness, added in block
 * order, plus that of imports - one pseudo-competitor per town, valued by the same
 * equation as a firm (§7.11). Imports' sales follow from their share now; firms'
 * shares (market kernel) divide by the same total, so all sales add up to at most
 * the demand.
 */
export const reduceAttractiveness: Phase = {
  name: 'reduce-attractiveness',
  run(sim) {
    reduceFields(sim, [PARTIAL.attractivenessSum]);
    const { market } = sim.world.params;
    const c = sim.world.towns.cols;
    const pull = c.attractivenessSum;
    for (let town = 0; town < pull.length; town++) {
      const importPull = attractiveness(
        market,
        c.importCapacityUnits[town],
        c.importQuality[town],
        c.importPrice[town],
      );
      const townPull = sim.host.firmTotals[town * PARTIAL_FIELDS + PARTIAL.attractivenessSum] + importPull;
      pull[town] = townPull;
      c.importAttractiveness[town] = importPull;
      c.importSalesUnits[town] =
        importPull > 0 ? salesFromShare(c.demandUnits[town], importPull, townPull, c.importCapacityUnits[town]) : 0;
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
    publishKnowledgePools(sim);
  },
};

/** Proximity weights between towns depend only on parameters: computed once per run. */
const weightsByParams = new WeakMap<ModelParams, Float64Array>();

function proximityWeights(params: ModelParams): Float64Array {
  let weights = weightsByParams.get(params);
  if (!weights) {
    const townCount = params.towns.length;
    weights = new Float64Array(townCount * townCount);
    for (let from = 0; from < townCount; from++) {
      for (let to = 0; to < townCount; to++) {
        weights[from * townCount + to] = proximityWeight(params.spillovers, params.travelHours[from][to]);
      }
    }
    weightsByParams.set(params, weights);
  }
  return weights;
}

/**
 * Each town's knowledge pool: the mean capability of all firms, each town's firms
 * weighted by proximity (Punjab seed §4.3: knowledge spreads through co-location).
 */
function publishKnowledgePools(sim: Simulation): void {
  const { params } = sim.world;
  const townCount = params.towns.length;
  const weights = proximityWeights(params);
  const totals = sim.host.firmTotals;
  const pool = sim.world.towns.cols.knowledgePool;
  for (let town = 0; town < townCount; town++) {
    let weightedCapability = 0;
    let weightedFirms = 0;
    for (let other = 0; other < townCount; other++) {
      const weight = weights[town * townCount + other];
      weightedCapability += weight * totals[other * PARTIAL_FIELDS + PARTIAL.capabilitySum];
      weightedFirms += weight * totals[other * PARTIAL_FIELDS + PARTIAL.firms];
    }
    pool[town] = weightedFirms > 0 ? weightedCapability / weightedFirms : 0;
  }
}
