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
  /** Imitation lag firms here expect, months: smoothed first-copy lags seen in the town (§7.15). */
  expectedLagMonths: 'f64',
  /** Bit k set when firms here can get process k done outside (local vendor, facility or another town). */
  accessibleProcesses: 'i32',
  /** Bit k set when the town has its own vendors of process k. */
  localVendorProcesses: 'i32',
  /** Share of a fully developed second-hand machine market, in [0, 1] (I d). */
  secondHandShare: 'f64',
  // Policy levers in force this month (published by the exogenous phase, §7.17):
  creditLimitMonths: 'f64',
  interestRatePerYear: 'f64',
  /** Credit a firm may draw on from a scheme's fund (Infinity when no fund limits it). */
  creditFundPerFirm: 'f64',
  protectionMonths: 'f64',
  /** Association: membership share, trust in [0, 1], facilitated learning and joint-project cost share at full trust. */
  membershipShare: 'f64',
  associationTrust: 'f64',
  facilitatedLearningPerMonth: 'f64',
  jointProjectCostShare: 'f64',
  /** Members' mean capability (last month). */
  memberMeanCapability: 'f64',
  /** 1 when a trade fair within reach is held this month. */
  fairHeld: 'f64',
  exportDemandUnits: 'f64',
  exportQualityThreshold: 'f64',
  exportPriceIndex: 'f64',
  /** Pull of the firms eligible to export (pricing partials). */
  exportPullSum: 'f64',
  /** Monthly probability that an employed worker takes a training-centre course, and the skill it adds. */
  courseProbability: 'f64',
  courseSkillGain: 'f64',
  /** Monthly probability that a firm takes a common-facility course, and the capability it adds. */
  facilityCourseProbability: 'f64',
  facilityCourseGain: 'f64',
  /** R&D extension: monthly probability of becoming a partner, least capability, design work given, capability gain. */
  rdPartnerProbability: 'f64',
  rdMinCapability: 'f64',
  rdSubsidy: 'f64',
  rdCapabilityGain: 'f64',
  /** Public spending on policies in the town this month. */
  policySpending: 'f64',
} as const;
export type TownSpec = typeof TOWN_SPEC;

/**
 * Town x product state, row `town * products + product` (a "slot"): this month's
 * demand and pull, and the latest design of the product launched or copied into
 * the town. Written by the main thread only.
 */
export const TOWN_PRODUCT_SPEC = {
  demandUnits: 'f64',
  /** Sum of producers' pull on this product (reduce-attractiveness). */
  pullSum: 'f64',
  importPull: 'f64',
  importSalesUnits: 'f64',
  /** Firms making the product here (last month). */
  producers: 'f64',
  /** Latest design of the product in the town (-1 none), who launched it and when. */
  design: 'i32',
  originator: 'i32',
  launchTick: 'i32',
  /** Capability of the originator at launch. */
  originatorCapability: 'f64',
  /** 1 while the design earns its originator a rent (no local copy yet). */
  fresh: 'u8',
  /** Copies may not be sold before this tick (design protection in force at launch). */
  protectedUntilTick: 'i32',
} as const;
export type TownProductSpec = typeof TOWN_PRODUCT_SPEC;

/**
 * Town x process state, row `town * processes + process`: vendors, prices and the
 * cheapest way firms of the town can get the process done. Written by the main thread.
 */
export const TOWN_PROCESS_SPEC = {
  vendors: 'i32',
  vendorCapability: 'f64',
  /** Price of the town's own vendors (Infinity when none). */
  localPrice: 'f64',
  /** Cheapest price a firm of the town can buy at (local vendor, common facility or another town); Infinity when none. */
  accessPrice: 'f64',
  /** Where that is: a town index, FACILITY_SOURCE or NO_SOURCE. */
  accessSource: 'i32',
  /** Common facility here offering the process this month: its price (Infinity when none) and its smoothed load. */
  facilityPrice: 'f64',
  facilityUnitsEma: 'f64',
  /** Units of product needing the process made by firms of the town last month: bought, and in total. */
  boughtUnits: 'f64',
  neededUnits: 'f64',
  /** Smoothed demand this town's vendors could serve: the town's own need plus other towns' purchases here. */
  neededUnitsEma: 'f64',
} as const;
export type TownProcessSpec = typeof TOWN_PROCESS_SPEC;
export const FACILITY_SOURCE = -1;
export const NO_SOURCE = -2;

/** Vendor agents: one specialist supplier of one process in one town (cell I). Main thread only. */
export const VENDOR_SPEC = {
  alive: 'u8',
  town: 'i32',
  process: 'i32',
  birthTick: 'i32',
  capability: 'f64',
} as const;
export type VendorSpec = typeof VENDOR_SPEC;
