/**
 * Per-block, per-town partial sums written by firm kernels. Each block owns its own
 * row, so threads never write the same memory; the main thread adds rows in block
 * order (fixed block size), which makes every total independent of thread count.
 */
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
} as const;
export type PartialField = keyof typeof PARTIAL;
export const PARTIAL_FIELDS = Object.keys(PARTIAL).length;

/** Fields reduced by taking the maximum rather than the sum. */
export const MAX_FIELDS: readonly number[] = [PARTIAL.capabilityMax];

export function partialStride(townCount: number): number {
  return townCount * PARTIAL_FIELDS;
}
