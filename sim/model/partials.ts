/**
 * Per-block, per-town partial sums written by firm kernels. Each block owns its own
 * row, so threads never write the same memory; the main thread adds rows in block
 * order (fixed block size), which makes every total independent of thread count.
 *
 * A town's cell holds the scalar fields of `PARTIAL`, then one field pair per
 * product (producers' pull, producers) and one per process (units bought, units
 * needed), so its width depends on the scenario's catalogue (`townStride`).
 */
import type { ModelParams } from '../params.js';

export const PARTIAL = {
  firms: 0,
  capabilitySum: 1,
  capabilityMax: 2,
  attractivenessSum: 3,
  successfulSpinOffs: 4,
  salesUnits: 5,
  revenue: 6,
  profit: 7,
  cash: 8,
  effort: 9,
  demandShareUnits: 10,
  priceTimesSales: 11,
  debt: 12,
  interest: 13,
  borrowed: 14,
  repaid: 15,
  /** Sum of squared sales (Herfindahl numerator). */
  salesSquared: 16,
  /** Pull of firms eligible to export (pricing). */
  exportPull: 17,
  exportSalesUnits: 18,
  /** Association members and the sum of their capability. */
  members: 19,
  memberCapabilitySum: 20,
  designSpend: 21,
  designRent: 22,
  investment: 23,
  machineValue: 24,
  /** Firms that do every process of their products in-house. */
  fullyIntegrated: 25,
  /** Sum over firms of the number of products each makes. */
  productsMade: 26,
  /** Profit taken home by owners. */
  ownerDraws: 27,
} as const;
export type PartialField = keyof typeof PARTIAL;
export const PARTIAL_FIELDS = Object.keys(PARTIAL).length;

/** Fields reduced by taking the maximum rather than the sum. */
export const MAX_FIELDS: readonly number[] = [PARTIAL.capabilityMax];

/** Fields written by the pricing kernel (the market kernel clears and writes the rest). */
export const PRICING_FIELDS: readonly number[] = [PARTIAL.attractivenessSum, PARTIAL.exportPull];

/** Width of one town's cell: scalar fields, then (pull, producers) per product, then (bought, needed) per process. */
export function townStride(params: ModelParams): number {
  return PARTIAL_FIELDS + 2 * params.products.length + 2 * params.processes.length;
}

/** Offset of product `product`'s pull within a town cell (producers follow at +1). */
export function productPullField(product: number): number {
  return PARTIAL_FIELDS + 2 * product;
}

/** Offset of process `process`'s bought units within a town cell (needed units follow at +1). */
export function processBoughtField(params: ModelParams, process: number): number {
  return PARTIAL_FIELDS + 2 * params.products.length + 2 * process;
}

/** Width of one block's row: every town's cell. */
export function partialStride(params: ModelParams): number {
  return params.towns.length * townStride(params);
}
