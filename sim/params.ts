/**
 * The resolved model parameters a run is built from. `scenarios/` parses and
 * validates YAML into this shape (validate once, at the boundary); inside `sim/`
 * it is trusted. Units are in the names; money is in the scenario's `moneyUnit`.
 */

export interface Range {
  min: number;
  max: number;
}

/** One point of a yearly path: the value at a calendar year (fractional: 1990.5 is July 1990). */
export interface PathPoint {
  year: number;
  value: number;
}

/**
 * A yearly path: at least one point, years strictly increasing; piecewise-linear
 * between points, constant before the first and after the last (sim/model/paths.ts).
 */
export type YearlyPath = PathPoint[];

export interface TownParams {
  name: string;
  initialFirms: number;
  workersPerFirm: Range;
  initialCapability: Range;
  initialSkill: Range;
  demand: {
    unitsPerMonth: number;
    growthPerYear: number;
  };
  /** This town's own shock paths, replacing the scenario-wide ones it names. */
  shocks?: Partial<ShockPaths>;
  /** This town's own import paths, replacing the scenario-wide ones it names. */
  imports?: Partial<ImportParams>;
}

export interface MarketParams {
  /** Demand multiplier for each calendar month, January first (the agricultural calendar). */
  seasonality: number[];
  materialCostPerUnit: number;
  overheadPerFirmMonth: number;
  markupMax: number;
  /** Rival count at which the mark-up is halved (margin squeeze). */
  markupHalvingRivals: number;
  qualityPremium: number;
  priceElasticity: number;
  qualityElasticity: number;
}

export interface LabourParams {
  unitsPerWorkerMonth: number;
  skillProductivityFloor: number;
  capabilityProductivityGain: number;
  wageApprenticePerMonth: number;
  wageJourneymanPerMonth: number;
  learningByDoingPerMonth: number;
  apprenticeshipMonths: number;
  journeymanSkill: number;
  quitProbabilityPerMonth: number;
  layoffProbabilityPerMonth: number;
  retireProbabilityPerMonth: number;
  hireDemandRatio: number;
  layoffDemandRatio: number;
  hireReserveMonths: number;
  newApprenticeSkill: number;
  moverKnowledgeShare: number;
}

export interface CapabilityParams {
  effortShareOfProfit: number;
  effortHalfSaturation: number;
  effortLearningPerMonth: number;
  productionLearningPerMonth: number;
}

export interface EntryParams {
  spinOffProbabilityPerMonth: number;
  spinOffMinSkill: number;
  spinOffMinTenureMonths: number;
  demonstrationWeight: number;
  successAgeMonths: number;
  entryCapital: number;
  inheritedCapabilityShare: number;
}

export interface FinanceParams {
  interestRatePerYear: number;
  creditLimitMonthsOfWageBill: number;
}

export interface TravelParams {
  defaultHours: number;
  hours: { between: string[]; hours: number }[];
}

export interface SpilloverParams {
  spilloverLearningPerMonth: number;
  halfDecayHours: number;
}

/** The exogenous shock paths (§7.10 of docs/ODD.md); 1 throughout means no shock. */
export interface ShockPaths {
  /** Multiplier on `market.materialCostPerUnit` (raw-material prices). */
  materialPriceIndex: YearlyPath;
  /** Share of production days with power, in [0, 1]; multiplies every firm's capacity. */
  powerAvailability: YearlyPath;
  /** Multiplier on every town's demand. */
  demandIndex: YearlyPath;
}

export interface ShockParams extends ShockPaths {
  /** Share of a change in material cost that firms pass on in their price, in [0, 1]. */
  materialPassThrough: number;
}

/** Import competition (§7.11): one pseudo-competitor per town. */
export interface ImportParams {
  /** Import price relative to `materialCostPerUnit * (1 + markupMax)`. */
  priceIndex: YearlyPath;
  /** Quality of imports as a capability-equivalent, in [0, 1]. */
  quality: YearlyPath;
  /** Units imports could supply, as a share of the town's demand (0 = no imports). */
  capacityShare: YearlyPath;
}

export interface ExitParams {
  lossMonthsToExit: number;
}

export interface ModelParams {
  name: string;
  description: string;
  startYear: number;
  years: number;
  moneyUnit: string;
  towns: TownParams[];
  market: MarketParams;
  labour: LabourParams;
  capability: CapabilityParams;
  entry: EntryParams;
  finance: FinanceParams;
  exit: ExitParams;
  spillovers: SpilloverParams;
  travel: TravelParams;
  shocks: ShockParams;
  imports: ImportParams;
  /** Travel time between towns in hours, [from][to], 0 on the diagonal (derived from `travel`). */
  travelHours: number[][];
}
