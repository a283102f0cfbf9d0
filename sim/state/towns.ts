/**
 * Town (cluster) state. Written only by the main thread at phase boundaries and
 * read by kernels, so kernels see one consistent value for the whole phase.
 */
export const TOWN_SPEC = {
  demandUnits: 'f64',
  /** Alive firms at the last reduction (used for this month's mark-up: margin squeeze). */
  firms: 'f64',
  meanCapability: 'f64',
  attractivenessSum: 'f64',
  /** Share of alive firms that are spin-offs past `successAgeMonths` with positive cash. */
  successfulSpinOffShare: 'f64',
  /** Capability a firm here can observe: firm-weighted mean over towns, decaying with travel time. */
  knowledgePool: 'f64',
} as const;
export type TownSpec = typeof TOWN_SPEC;
