/**
 * The product and process catalogues as flat typed arrays, derived once per
 * parameter object (each thread derives its own from its copy of the parameters).
 */
import type { ModelParams } from '../params.js';
import { proximityWeight } from './equations.js';

export interface Catalogue {
  productCount: number;
  processCount: number;
  /** Processes each product needs, as a bitmask. */
  productProcesses: Int32Array;
  complexity: Float64Array;
  /** First tick at which each product is on the frontier (0 when before the run). */
  frontierTick: Int32Array;
  /** Bit of each product's customer sector. */
  sectorBit: Int32Array;
  /** Proximity weight between towns, [from * towns + to] (spillovers, user feedback). */
  proximity: Float64Array;
}

const catalogues = new WeakMap<ModelParams, Catalogue>();

export function catalogueOf(params: ModelParams): Catalogue {
  let catalogue = catalogues.get(params);
  if (catalogue) return catalogue;
  const productCount = params.products.length;
  const townCount = params.towns.length;
  const proximity = new Float64Array(townCount * townCount);
  for (let from = 0; from < townCount; from++) {
    for (let to = 0; to < townCount; to++) {
      proximity[from * townCount + to] = proximityWeight(params.spillovers, params.travelHours[from][to]);
    }
  }
  catalogue = {
    productCount,
    processCount: params.processes.length,
    productProcesses: Int32Array.from(params.products, (product) => product.processMask),
    complexity: Float64Array.from(params.products, (product) => product.complexity),
    frontierTick: Int32Array.from(params.products, (product) =>
      Math.max(0, Math.ceil((product.frontierYear - params.startYear) * 12)),
    ),
    sectorBit: Int32Array.from(params.products, (product) => 1 << product.sectorIndex),
    proximity,
  };
  catalogues.set(params, catalogue);
  return catalogue;
}

/** Products buyers and firms know of at `tick` (on the frontier), as a bitmask. */
export function frontierProducts(catalogue: Catalogue, tick: number): number {
  let mask = 0;
  for (let product = 0; product < catalogue.productCount; product++) {
    if (catalogue.frontierTick[product] <= tick) mask |= 1 << product;
  }
  return mask;
}
