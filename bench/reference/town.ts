/**
 * Towns (clusters) of the reference implementation, as objects: the town's own state
 * (sim/state/towns.ts TOWN_SPEC: exogenous values, policy levers, what the reductions
 * publish), its product slots (TOWN_PRODUCT_SPEC) and process slots
 * (TOWN_PROCESS_SPEC), its labour totals (host.workforce) and this month's counts of
 * structural changes (host.tickCounts). Initial values are those `createWorld`
 * (sim/world.ts) gives the engine's stores.
 */
import type { ModelParams, TownParams } from '../../sim/params.js';
import type { TICK_COUNT } from '../../sim/host.js';
import type { Worker } from './agents.js';

export type TickCountName = keyof typeof TICK_COUNT;

/** This month's structural changes in a town (sim/host.ts TICK_COUNT). */
export type TickCounts = Record<TickCountName, number>;

function zeroCounts(): TickCounts {
  return {
    entries: 0,
    exits: 0,
    hires: 0,
    newApprentices: 0,
    quits: 0,
    retirements: 0,
    productLaunches: 0,
    incrementalLaunches: 0,
    copies: 0,
    firstLocalCopies: 0,
    vendorEntries: 0,
    vendorExits: 0,
    machinesBought: 0,
    trainingGraduates: 0,
    ownerGiveUps: 0,
    machineSpendingOutsideMarket: 0,
    outsiderEntries: 0,
  };
}

/** Labour totals of a town, gathered in worker-id order each month (sim/host.ts WORKFORCE). */
export interface Workforce {
  workers: number;
  employed: number;
  apprentices: number;
  owners: number;
  unemployed: number;
  skillSum: number;
}

export function zeroWorkforce(): Workforce {
  return { workers: 0, employed: 0, apprentices: 0, owners: 0, unemployed: 0, skillSum: 0 };
}

/** One product in one town: its demand, producers' pull and latest design. */
export class TownProduct {
  demandUnits = 0;
  pullSum = 0;
  importPull = 0;
  importSalesUnits = 0;
  producers = 0;
  design = -1;
  originator = -1;
  launchTick = 0;
  originatorCapability = 0;
  fresh = false;
  protectedUntilTick = 0;
  constructor(
    /** Slot number town * products + product: the engine's row, and a draw index for imitation. */
    readonly slot: number,
    readonly town: number,
    readonly product: number,
  ) {}
}

/** One process in one town: vendors, prices and the cheapest source. */
export class TownProcess {
  vendors = 0;
  vendorCapability = 0;
  localPrice = Infinity;
  accessPrice = Infinity;
  /** A town index, FACILITY_SOURCE or NO_SOURCE (0 before the first sourcing phase, as in the engine). */
  accessSource = 0;
  facilityPrice = Infinity;
  facilityUnitsEma = 0;
  boughtUnits = 0;
  neededUnits = 0;
  neededUnitsEma = 0;
}

export class Town {
  readonly index: number;
  readonly params: TownParams;
  // Exogenous values of the month (exogenous-demand).
  demandUnits = 0;
  materialCostIndex = 1;
  powerAvailability = 1;
  importPrice = 0;
  importQuality = 0;
  importCapacityUnits = 0;
  // Published by the reductions.
  firms = 0;
  meanCapability = 0;
  attractivenessSum = 0;
  successfulSpinOffShare = 0;
  knowledgePool = 0;
  importAttractiveness = 0;
  importSalesUnits = 0;
  exportPullSum = 0;
  memberMeanCapability = 0;
  expectedLagMonths: number;
  // Sourcing.
  accessibleProcesses = 0;
  localVendorProcesses = 0;
  secondHandShare = 0;
  // Policy levers (policy-levers resets them every month).
  creditLimitMonths = 0;
  interestRatePerYear = 0;
  creditFundPerFirm = 0;
  protectionMonths = 0;
  membershipShare = 0;
  associationTrust = 0;
  facilitatedLearningPerMonth = 0;
  jointProjectCostShare = 0;
  fairHeld = false;
  exportDemandUnits = 0;
  exportQualityThreshold = 0;
  exportPriceIndex = 0;
  courseProbability = 0;
  courseSkillGain = 0;
  facilityCourseProbability = 0;
  facilityCourseGain = 0;
  rdPartnerProbability = 0;
  rdMinCapability = 0;
  rdSubsidy = 0;
  rdCapabilityGain = 0;
  policySpending = 0;
  /** Firms per owner's kin group (gather-workforce; read next month by spin-off decisions). */
  readonly kinFirms: number[];
  readonly products: TownProduct[];
  readonly processes: TownProcess[];
  workforce: Workforce = zeroWorkforce();
  counts: TickCounts = zeroCounts();
  /** Unemployed workers in id order (gather-workforce); hires take from the head. */
  unemployed: Worker[] = [];
  nextUnemployed = 0;

  constructor(index: number, params: ModelParams) {
    this.index = index;
    this.params = params.towns[index];
    this.expectedLagMonths = params.innovation.priorImitationLagMonths;
    this.kinFirms = new Array<number>(params.kin.groups).fill(0);
    const productCount = params.products.length;
    this.products = params.products.map(
      (_, product) => new TownProduct(index * productCount + product, index, product),
    );
    this.processes = params.processes.map(() => new TownProcess());
  }

  count(name: TickCountName, amount = 1): void {
    this.counts[name] += amount;
  }

  resetCounts(): void {
    this.counts = zeroCounts();
  }
}
