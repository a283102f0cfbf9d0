/**
 * The agents of the reference implementation: one object per firm, per worker and
 * per vendor, the way a modeller would write them in Mesa. Each class holds the
 * same state as a row of the engine's struct-of-arrays stores (sim/state/firms.ts,
 * sim/state/workers.ts, sim/state/towns.ts VENDOR_SPEC), with the same defaults: a
 * new engine slot is all zeros apart from what `addFirm` / `addWorker`
 * (sim/model/agents.ts) set, and so is a new object here.
 *
 * Products, processes, sectors and upgrading flags stay bitmasks because the shared
 * model rules (sim/model/rules/bits.ts, catalogue.ts) speak in bitmasks.
 */
import type { WORKER_STATUS } from '../../sim/state/workers.js';

export type WorkerStatus = (typeof WORKER_STATUS)[keyof typeof WORKER_STATUS];

/** A workshop (sim/state/firms.ts FIRM_SPEC, field for field). */
export class Firm {
  alive = true;
  readonly id: number;
  readonly town: number;
  /** Firm id the founder last worked in (-1 for founders without one). */
  readonly parent: number;
  /** Worker id of the owner (-1 until the founding generation's owner is created). */
  owner: number;
  readonly birthTick: number;
  capability: number;
  cash: number;
  debt = 0;
  interest = 0;
  lossMonths = 0;
  // Gathered from the workforce each month (gather-workforce).
  headcount = 0;
  apprentices = 0;
  skillSum = 0;
  // Pricing.
  capacityUnits = 0;
  unitCost = 0;
  price = 0;
  attractiveness = 0;
  // Market.
  demandShareUnits = 0;
  salesUnits = 0;
  revenue = 0;
  profit = 0;
  effort = 0;
  utilisation = 0;
  shrinking = false;
  // Products and processes (bitmasks).
  products = 0;
  inHouse = 0;
  usesInHouse = 0;
  processCostPerUnit = 0;
  machineValue = 0;
  investment = 0;
  /** Design each product is made with, by product (-1: not made; -2: the public design). */
  readonly designs: number[];
  // Designs: innovation and imitation.
  designProgress = 0;
  designTarget = -1;
  designSpend = 0;
  freshSlot = -1;
  designRent = 0;
  copySlot = -1;
  copyDesign = -1;
  copyReadyTick = 0;
  launches = 0;
  copies = 0;
  // Owner, kin, markets.
  kinGroup: number;
  lowIncomeMonths = 0;
  exportSalesUnits = 0;
  sectors = 0;
  // Upgrading bookkeeping for the calendar year.
  upgradeFlags = 0;
  netWorthAtYearStart: number;
  capabilityAtYearStart: number;
  /** YEAR_CLASS bits of the year closed last December (annual-upgrading; read by the panel). */
  yearClass = 0;

  constructor(
    id: number,
    fields: { town: number; parent: number; owner: number; birthTick: number; capability: number; cash: number },
    kinGroup: number,
    productCount: number,
  ) {
    this.id = id;
    this.town = fields.town;
    this.parent = fields.parent;
    this.owner = fields.owner;
    this.birthTick = fields.birthTick;
    this.capability = fields.capability;
    this.cash = fields.cash;
    this.kinGroup = kinGroup;
    this.designs = new Array<number>(productCount).fill(-1);
    this.netWorthAtYearStart = fields.cash;
    this.capabilityAtYearStart = fields.capability;
  }

  makes(product: number): boolean {
    return (this.products & (1 << product)) !== 0;
  }
}

/** A member of the labour force (sim/state/workers.ts WORKER_SPEC). */
export class Worker {
  alive = true;
  readonly id: number;
  readonly town: number;
  employer: Firm | null;
  skill: number;
  tenureMonths = 0;
  careerMonths: number;
  status: WorkerStatus;
  /** Firm id of the apprenticeship (-1 when unknown). */
  readonly trainedAt: number;
  /** Capability of the employer the worker last left (know-how a mover carries). */
  carriedCapability = 0;
  readonly kinGroup: number;
  /** Town-product slot and id of a fresh design of the last employer (-1 none). */
  carriedSlot = -1;
  carriedDesign = -1;

  constructor(
    id: number,
    fields: {
      town: number;
      employer: Firm | null;
      skill: number;
      status: WorkerStatus;
      trainedAt: number;
      careerMonths: number;
    },
    kinGroup: number,
  ) {
    this.id = id;
    this.town = fields.town;
    this.employer = fields.employer;
    this.skill = fields.skill;
    this.status = fields.status;
    this.trainedAt = fields.trainedAt;
    this.careerMonths = fields.careerMonths;
    this.kinGroup = kinGroup;
  }
}

/** A specialist supplier of one process in one town (sim/state/towns.ts VENDOR_SPEC). */
export class Vendor {
  alive = true;
  constructor(
    readonly id: number,
    readonly town: number,
    readonly process: number,
    readonly birthTick: number,
    public capability: number,
  ) {}
}
