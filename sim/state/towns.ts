/**
 * Town (cluster) state. Written only by the main thread at phase boundaries and
 * read by kernels, so kernels see one consistent value for the whole phase.
 */
export const TOWN_SPEC = {
  /** This month's demand, shocks included (exogenous phase). */
  demandUnits: 'f64',
  /** Alive firms at the last reduction (used for this month's mark-up: margin squeeze). */
  firms: 'f64',
  meanCapability: 'f64',
  /** Sum of firms' attractiveness plus the imports' (reduce-attractiveness). */
  attractivenessSum: 'f64',
  /** Share of alive firms that are spin-offs past `successAgeMonths` with positive cash. */
  successfulSpinOffShare: 'f64',
  /** Capability a firm here can observe: firm-weighted mean over towns, decaying with travel time. */
  knowledgePool: 'f64',
  // This month's exogenous values, evaluated from the scenario's yearly paths once per
  // tick by the exogenous phase (kernels read these; they never evaluate a path):
  /** Multiplier on `market.materialCostPerUnit` (raw-material price shock). */
  materialCostIndex: 'f64',
  /** Share of production days with power, in [0, 1]: multiplies every firm's capacity. */
  powerAvailability: 'f64',
  /** Import competition: price, quality (capability-equivalent) and units imports could supply. */
  importPrice: 'f64',
  importQuality: 'f64',
  importCapacityUnits: 'f64',
  /** Imports' pull on demand and their sales this month (reduce-attractiveness). */
  importAttractiveness: 'f64',
  importSalesUnits: 'f64',
} as const;
export type TownSpec = typeof TOWN_SPEC;
