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
  /**
   * This town's own product demand, indexed by product (derived from the scenario's
   * `towns[].products` list): a weight path and/or calendar replacing the product's own;
   * null where the town does not override. Always `products.length` long.
   */
  productDemand: TownProductDemand[];
}

export interface TownProductDemand {
  demandWeight: YearlyPath | null;
  seasonality: number[] | null;
}

/**
 * A production process (Punjab seed §4.1: "power cutting units, cylinder-boring
 * machines, large furnaces (cupolas), honing and milling machines and power presses";
 * gear cutting and heat treatment at the Mian Channun facility).
 */
export interface ProcessParams {
  name: string;
  /** Price a lone local vendor working at its minimum efficient scale charges, money per product unit. */
  vendorPricePerUnit: number;
  /** Volume a vendor needs to be viable, product units per month (critical minimum demand, I c). */
  minEfficientScaleUnitsPerMonth: number;
  /** Indivisible investment to do the process in-house, money. */
  machineCost: number;
  /** Operating cost of doing the process in-house once the machine is owned, money per product unit. */
  inHouseCostPerUnit: number;
}

/** A product of the catalogue: what it takes to make it and who buys it. */
export interface ProductParams {
  name: string;
  /** Capability a firm needs to make (or reverse-engineer) it, in [0, 1]. */
  complexity: number;
  /** Names of the processes it needs (scenario form). */
  processes: string[];
  /** Bit k set when it needs process k of the catalogue (derived). */
  processMask: number;
  /** First year the design exists on the frontier (imported prototypes) and can be reverse-engineered. */
  frontierYear: number;
  /** Relative weight of the product in each town's demand, a yearly path. */
  demandWeight: YearlyPath;
  /** Demand multiplier per calendar month; null = the market's calendar. */
  seasonality: number[] | null;
  /** Customer sector (agriculture, jute mills, railways ...). */
  sector: string;
  /** Index of `sector` in `ModelParams.sectors` (derived). */
  sectorIndex: number;
}

/** Specialist vendors and make-or-buy (cells I a-d, II b). */
export interface VendorParams {
  /** Elasticity of a vendor's price to its volume relative to the minimum efficient scale (I a). */
  volumeDiscountElasticity: number;
  /** Price cut per additional local vendor of the same process (keen supplier competition, I b). */
  competitionDiscountPerVendor: number;
  /** A vendor leaves when its clients' volume falls below this share of the minimum efficient scale. */
  exitShareOfScale: number;
  /** Months over which vendors average the volume they see (exponential smoothing). */
  demandSmoothingMonths: number;
  /** Extra cost of using a vendor in another town, money per product unit per hour of travel. */
  travelCostPerUnitHour: number;
  /** Beyond this travel time a vendor in another town is out of reach, hours. */
  maxTravelHours: number;
  /** A firm buys a machine when its savings repay the machine within this many months. */
  paybackMonths: number;
  /** Share off the machine cost once a second-hand machine market exists (I d). */
  secondHandDiscount: number;
  /** Firms in a town at which its second-hand machine market is fully developed. */
  secondHandMarketFirms: number;
  /** Capability a parent firm and its vendor each gain (share of their gap) from a vertical project (II b). */
  verticalProjectLearning: number;
  /** Capability of a newly entered vendor, in [0, 1]. */
  vendorEntryCapability: number;
  /** Price cut at vendor capability 1 (a vendor that mastered the component works cheaper). */
  vendorCapabilityPriceDiscount: number;
}

/** Technological effort on designs, weighed against the imitation lag (Punjab seed §4.3). */
export interface InnovationParams {
  /** Design work needed to reverse-engineer a frontier product, money. */
  productDesignCost: number;
  /** Design work needed for an incremental improvement of a product already made, money. */
  incrementalDesignCost: number;
  /** Cost of copying a design another firm launched, money. */
  copyCost: number;
  /** Extra mark-up while the firm's design is not yet copied in its town (innovation rent). */
  noveltyMarkup: number;
  /** Extra pull of the fresh design on its product's demand. */
  noveltyPull: number;
  /** Months after which a design stops earning novelty even if never copied. */
  noveltyLifeMonths: number;
  /** Share of positive profit put into design work when the expected rent covers its cost. */
  designShareOfProfit: number;
  /** Share of unused credit line put into design work per month (effort funded by credit). */
  designShareOfCreditHeadroom: number;
  /** Share of design work done in a peak-season month (experiments are done in the slack season). */
  peakSeasonExperimentShare: number;
  /** Expected imitation lag before any copy has been seen in the town, months. */
  priorImitationLagMonths: number;
  /** Weight of each newly observed lag in the town's expected lag (exponential smoothing). */
  lagBeliefWeight: number;
  /** Capability gained (share of the gap) by launching an incremental improvement. */
  incrementalCapabilityStep: number;
}

/** How rivals learn of a design and copy it (III c, appropriability). */
export interface ImitationParams {
  /** Monthly probability that a firm sees a design made in its own town (co-location). */
  sameTownObservationPerMonth: number;
  /** Monthly probability of hearing of a design through its users (farmers), decaying with travel time. */
  userFeedbackObservationPerMonth: number;
  /** Extra monthly probability when the firm and the originator buy a process of the product from the same local vendors. */
  sharedVendorObservationPerMonth: number;
  /** Probability that a firm at a trade fair sees a design exhibited there. */
  fairObservationProbability: number;
  /** Probability that a worker hired from the originator brings its fresh design. */
  moverCarriesDesignProbability: number;
  /** Months from seeing a design to selling a copy (patterns, jigs, trials). */
  copyBuildMonths: number;
  /** A copier can be this much less capable than the product's complexity. */
  copyCapabilityMargin: number;
  /** Share of the gap to the originator's capability a copier closes. */
  copyLearningShare: number;
}

/** Kin groups (the lohar bradri) help their own to enter (Punjab seed §4.2). */
export interface KinParams {
  /** Number of kin groups in the labour force (1 = no kin structure). */
  groups: number;
  /** Share of workers in the largest group; the rest are spread evenly over the others. */
  largestGroupShare: number;
  /** Capital (trade credit, machining) each established firm of the founder's kin in the town gives, money. */
  helpCapitalPerFirm: number;
  /** At most this many kin firms help one founder. */
  maxHelpingFirms: number;
  /** Rise in spin-off probability per helping kin firm. */
  spinOffWeightPerHelper: number;
}

/** Bookkeeping of upgrading (Bangladesh seed; Humphrey & Schmitz). */
export interface UpgradingParams {
  /** Capability rise over a year that counts as process upgrading without a new machine. */
  processCapabilityStep: number;
  /** Fall in net worth over a year (share) that counts as downgrading. */
  downgradeNetWorthFall: number;
  /** Share of machine value lost per year (depreciation). */
  machineDepreciationPerYear: number;
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
  /** Wage premium per unit of firm capability above the town mean (0.5 = +50% at +1). */
  wageCapabilityPremium: number;
  /** Rise in the quit probability per unit relative wage gap below the town mean. */
  quitWageGapElasticity: number;
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
  /** Mean yearly number of workshops founded in each town by founders from outside the cluster (no parent firm). */
  outsiderEntriesPerTownPerYear: number;
  /**
   * A new workshop's first product: the simplest it can make, or the one with the most
   * demand per unit of producers' pull in its town (docs/ODD.md §7.6).
   */
  founderProduct: 'simplest' | 'mostOrders';
}

export interface FinanceParams {
  interestRatePerYear: number;
  creditLimitMonthsOfWageBill: number;
  /** Share of the month's profit after effort the owner takes home (the owner's income beyond a wage). */
  ownerDrawShareOfProfit: number;
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
  /** Demand index per customer sector (scenario form): a collapse of jute mills, a railway boom. */
  sectorDemandIndex: { sector: string; path: YearlyPath }[];
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
  /** Months of owner income below a journeyman's wage before the owner may give up. */
  ownerPatienceMonths: number;
  /** Monthly probability that an owner past their patience closes the workshop. */
  ownerGiveUpProbabilityPerMonth: number;
}

interface PolicyBase {
  /** A label for events and charts (defaults to the kind). */
  name: string;
  /** Town names the policy serves (scenario form; empty = every town). */
  towns: string[];
  /** Town indices it serves (derived). */
  townIndices: number[];
  /** First calendar year in force (January; fractional years are months). */
  startYear: number;
  /** Year it stops (exclusive; fractional years are months). */
  endYear: number;
  /** Public cost per year while in force, money. */
  costPerYear: number;
}

/** Technical and vocational training centre (Punjab seed §4.1; Bangladesh seed: "no training"). */
export interface TrainingCentrePolicy extends PolicyBase {
  kind: 'trainingCentre';
  /** Trained journeymen it sends into the town's labour force per year. */
  graduatesPerYear: number;
  graduateSkill: number;
  /** Short-course places for employed workers per year. */
  courseSeatsPerYear: number;
  /** Skill a course adds (share of the gap to 1). */
  courseSkillGain: number;
}

/** Common facility: specialised machining for hire plus short courses (Mian Channun, Punjab seed §4.1). */
export interface CommonFacilityPolicy extends PolicyBase {
  kind: 'commonFacility';
  /** Processes offered (scenario form). */
  processes: string[];
  /** Bit k set when it offers process k (derived). */
  processMask: number;
  /** Its price as a share of a lone vendor's price at minimum efficient scale. */
  priceShareOfVendor: number;
  /** Volume it can serve, product units per month; the price rises with congestion above it. */
  capacityUnitsPerMonth: number;
  /** Course places (heat treatment, metals, jigs and fixtures) for firms per year. */
  courseSeatsPerYear: number;
  /** Capability a course adds (share of the gap). */
  courseCapabilityGain: number;
}

/** R&D extension partnering firms on prototypes (Farm Machinery Institute in Daska, Punjab seed §4.1). */
export interface RdExtensionPolicy extends PolicyBase {
  kind: 'rdExtension';
  partnersPerYear: number;
  /** Least capability a partner must have. */
  minPartnerCapability: number;
  /** Design work the institute contributes to a partner, money. */
  prototypeSubsidy: number;
  /** Capability the in-house training adds (share of the gap). */
  capabilityGain: number;
}

/** Collateral-free credit (Bangladesh seed recommendations). */
export interface CreditPolicy extends PolicyBase {
  kind: 'credit';
  creditLimitMonthsOfWageBill: number;
  interestRatePerYear: number;
  /** Total credit the scheme can have out in one town, money (shared by its firms). */
  fundPerTown: number;
}

/** Design protection: copies cannot be sold before this many months after a launch. */
export interface DesignProtectionPolicy extends PolicyBase {
  kind: 'designProtection';
  protectionMonths: number;
}

/** A producers' association: cooperation that builds trust (II a, IV). */
export interface AssociationPolicy extends PolicyBase {
  kind: 'association';
  /** Share of firms that join. */
  membershipShare: number;
  /** Years for trust to reach 63% of full. */
  trustBuildingYears: number;
  /** Share of the gap to members' mean capability a member closes per month at full trust (IV). */
  facilitatedLearningPerMonth: number;
  /** Share of design cost members save through joint projects at full trust (II a). */
  jointProjectCostShare: number;
}

/** An annual trade fair (the Horse and Cattle Show in Lahore, Punjab seed §4.3). */
export interface TradeFairPolicy extends PolicyBase {
  kind: 'tradeFair';
  /** Calendar month it is held, 1-12. */
  month: number;
  /** Firms within this travel time of the fair's town attend. */
  reachHours: number;
}

/** Export linkage: foreign buyers for firms above a quality threshold (Bangladesh seed). */
export interface ExportLinkagePolicy extends PolicyBase {
  kind: 'exportLinkage';
  qualityThreshold: number;
  /** Foreign demand per served town, product units per month. */
  foreignDemandUnitsPerMonth: number;
  /** Export price relative to the firm's local price. */
  priceIndex: number;
}

export type PolicyParams =
  | TrainingCentrePolicy
  | CommonFacilityPolicy
  | RdExtensionPolicy
  | CreditPolicy
  | DesignProtectionPolicy
  | AssociationPolicy
  | TradeFairPolicy
  | ExportLinkagePolicy;
export type PolicyKind = PolicyParams['kind'];

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
  processes: ProcessParams[];
  products: ProductParams[];
  vendors: VendorParams;
  innovation: InnovationParams;
  imitation: ImitationParams;
  kin: KinParams;
  upgrading: UpgradingParams;
  policies: PolicyParams[];
  /** Customer sectors named by products, in order of first mention (derived). */
  sectors: string[];
  /** Demand index path per sector, indexed like `sectors` (derived; constant 1 where none is given). */
  sectorDemandIndex: YearlyPath[];
  /** Travel time between towns in hours, [from][to], 0 on the diagonal (derived from `travel`). */
  travelHours: number[][];
}
