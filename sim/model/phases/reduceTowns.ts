/**
 * Phases that add per-block partial sums in block order (so totals do not depend on
 * which thread ran which block) and publish the town state kernels read next.
 */
import type { Phase, Simulation } from '../../simulation.js';
import { blockCount } from '../../store/blocks.js';
import { HEADER } from '../../state/header.js';
import {
  MAX_FIELDS,
  PARTIAL,
  PRICING_FIELDS,
  partialStride,
  processBoughtField,
  productPullField,
  townStride,
} from '../partials.js';
import { attractiveness, salesFromShare } from '../equations.js';
import { catalogueOf } from '../catalogue.js';

function reduceFields(sim: Simulation, fields: readonly number[]): void {
  const { world, host } = sim;
  const { params } = world;
  const townCount = params.towns.length;
  const blocks = blockCount(world.header[HEADER.firmCount]);
  const partial = world.partials.cols.value;
  const stride = partialStride(params);
  const cellWidth = townStride(params);
  const totals = host.firmTotals;
  for (let town = 0; town < townCount; town++) {
    for (const field of fields) {
      const isMax = MAX_FIELDS.includes(field);
      let total = 0;
      for (let block = 0; block < blocks; block++) {
        const value = partial[block * stride + town * cellWidth + field];
        total = isMax ? Math.max(total, value) : total + value;
      }
      totals[town * cellWidth + field] = total;
    }
  }
}

const fieldLists = new WeakMap<object, { pricing: number[]; market: number[] }>();

/** Which cell fields each reduction adds: pricing's (pull, producers, export pull) and the rest. */
function fieldsFor(sim: Simulation): { pricing: number[]; market: number[] } {
  const { params } = sim.world;
  let lists = fieldLists.get(params);
  if (!lists) {
    const pricing: number[] = [...PRICING_FIELDS];
    for (let product = 0; product < params.products.length; product++) {
      pricing.push(productPullField(product), productPullField(product) + 1);
    }
    const market: number[] = Object.values(PARTIAL).filter((field) => !PRICING_FIELDS.includes(field));
    for (let process = 0; process < params.processes.length; process++) {
      market.push(processBoughtField(params, process), processBoughtField(params, process) + 1);
    }
    lists = { pricing, market };
    fieldLists.set(params, lists);
  }
  return lists;
}

/**
 * Each product's total pull in each town: its producers', added in block order, plus
 * that of imports - one pseudo-competitor per town and product, valued by the same
 * equation as a firm (§7.11), supplying at most its share of that product's demand.
 * Imports' sales follow from their share now; firms' shares (market kernel) divide by
 * the same total, so all sales of a product add up to at most its demand.
 */
export const reduceAttractiveness: Phase = {
  name: 'reduce-attractiveness',
  run(sim) {
    reduceFields(sim, fieldsFor(sim).pricing);
    const { params } = sim.world;
    const { market } = params;
    const productCount = params.products.length;
    const cellWidth = townStride(params);
    const totals = sim.host.firmTotals;
    const c = sim.world.towns.cols;
    const tp = sim.world.townProducts.cols;
    for (let town = 0; town < c.demandUnits.length; town++) {
      const townDemand = c.demandUnits[town];
      let importPullTotal = 0;
      let importSales = 0;
      for (let product = 0; product < productCount; product++) {
        const slot = town * productCount + product;
        const demand = tp.demandUnits[slot];
        const importCapacity = townDemand > 0 ? c.importCapacityUnits[town] * (demand / townDemand) : 0;
        const importPull = attractiveness(market, importCapacity, c.importQuality[town], c.importPrice[town]);
        const firmsPull = totals[town * cellWidth + productPullField(product)];
        tp.pullSum[slot] = firmsPull;
        tp.producers[slot] = totals[town * cellWidth + productPullField(product) + 1];
        tp.importPull[slot] = importPull;
        tp.importSalesUnits[slot] =
          importPull > 0 ? salesFromShare(demand, importPull, firmsPull + importPull, importCapacity) : 0;
        importPullTotal += importPull;
        importSales += tp.importSalesUnits[slot];
      }
      c.attractivenessSum[town] = totals[town * cellWidth + PARTIAL.attractivenessSum] + importPullTotal;
      c.importAttractiveness[town] = importPullTotal;
      c.importSalesUnits[town] = importSales;
      c.exportPullSum[town] = totals[town * cellWidth + PARTIAL.exportPull];
    }
  },
};

export const reduceMarket: Phase = {
  name: 'reduce-market',
  run(sim) {
    reduceFields(sim, fieldsFor(sim).market);
    const { params } = sim.world;
    const cellWidth = townStride(params);
    const { firms, meanCapability, successfulSpinOffShare, memberMeanCapability } = sim.world.towns.cols;
    const totals = sim.host.firmTotals;
    for (let town = 0; town < firms.length; town++) {
      const row = town * cellWidth;
      const count = totals[row + PARTIAL.firms];
      firms[town] = count;
      meanCapability[town] = count > 0 ? totals[row + PARTIAL.capabilitySum] / count : 0;
      successfulSpinOffShare[town] = count > 0 ? totals[row + PARTIAL.successfulSpinOffs] / count : 0;
      const members = totals[row + PARTIAL.members];
      memberMeanCapability[town] = members > 0 ? totals[row + PARTIAL.memberCapabilitySum] / members : 0;
      sim.host.accounts.machineSpending += totals[row + PARTIAL.investment];
      sim.host.accounts.ownerDraws += totals[row + PARTIAL.ownerDraws];
    }
    // Process volumes of each town's firms, for next month's sourcing.
    const processCount = params.processes.length;
    const tp = sim.world.townProcesses.cols;
    for (let town = 0; town < firms.length; town++) {
      for (let process = 0; process < processCount; process++) {
        const field = town * cellWidth + processBoughtField(params, process);
        tp.boughtUnits[town * processCount + process] = totals[field];
        tp.neededUnits[town * processCount + process] = totals[field + 1];
      }
    }
    publishKnowledgePools(sim);
  },
};

/**
 * Each town's knowledge pool: the mean capability of all firms, each town's firms
 * weighted by proximity (Punjab seed §4.3: knowledge spreads through co-location).
 */
function publishKnowledgePools(sim: Simulation): void {
  const { params } = sim.world;
  const townCount = params.towns.length;
  const weights = catalogueOf(params).proximity;
  const cellWidth = townStride(params);
  const totals = sim.host.firmTotals;
  const pool = sim.world.towns.cols.knowledgePool;
  for (let town = 0; town < townCount; town++) {
    let weightedCapability = 0;
    let weightedFirms = 0;
    for (let other = 0; other < townCount; other++) {
      const weight = weights[town * townCount + other];
      weightedCapability += weight * totals[other * cellWidth + PARTIAL.capabilitySum];
      weightedFirms += weight * totals[other * cellWidth + PARTIAL.firms];
    }
    pool[town] = weightedFirms > 0 ? weightedCapability / weightedFirms : 0;
  }
}
