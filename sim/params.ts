/**
 * The resolved model parameters a run is built from. `scenarios/` parses and
 * validates YAML into this shape (validate once, at the boundary); inside `sim/`
 * it is trusted. Units are in the names; money is in the scenario's `moneyUnit`.
 */

export interface Range {
  min: number;
  max: number;
}

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
  /** Travel time between towns in hours, [from][to], 0 on the diagonal (derived from `travel`). */
  travelHours: number[][];
}
