/**
 * The reference model: the same model as sim/, written the plain way - lists of
 * agent objects, a Town object per cluster, and a `step()` that walks the 17 phases
 * of sim/step.ts in the same order, single-threaded. It calls the engine's model
 * equations and rules (sim/model/equations.ts, sim/model/rules/*) and draws from the
 * same counter-based random streams (sim/rng/streams.ts), so every draw is the same
 * function of (stream, agent id, tick, k) as in the engine.
 *
 * Decisions that change other agents are staged in `pending` and applied by a later
 * phase in agent-id order, exactly where the engine applies its command buffers: a
 * firm's market decision must see the town as it was before any launch or copy of
 * this month, as in the engine.
 */
import type { ModelParams } from '../../sim/params.js';
import type { DesignRecord, ExitReason, MoneyAccounts } from '../../sim/host.js';
import { deriveStreamKeys, drawBase, STREAM, uniformAt, type StreamName } from '../../sim/rng/streams.js';
import { catalogueOf, type Catalogue } from '../../sim/model/catalogue.js';
import { kinGroupFromDraw } from '../../sim/model/rules/people.js';
import { Firm, Vendor, Worker, type WorkerStatus } from './agents.js';
import { Town, type TownProcess, type TownProduct } from './town.js';
import { createEventLog, type EventLog } from './events.js';
import type { PanelRow } from './phases/yearEnd.js';
import { exogenousDemand } from './phases/exogenous.js';
import { policyLevers, trainingGraduates } from './phases/policies.js';
import { applyRetirementsAndQuits, labourDecisions } from './phases/labour.js';
import { spinOffEntry } from './phases/entry.js';
import { gatherWorkforce } from './phases/workforce.js';
import { sourcing } from './phases/sourcing.js';
import { pricing, reduceAttractiveness, type PullSums } from './phases/pricing.js';
import { marketAndEffort, reduceMarket, type MarketSums, type MarketTotals } from './phases/market.js';
import { applyDesigns } from './phases/designs.js';
import { applyExitsAndHires } from './phases/exitsAndHires.js';
import { annualPanel, annualUpgrading } from './phases/yearEnd.js';
import { observe } from './phases/observe.js';

/** Decisions staged by one phase for a later one (the engine's command buffers). */
export interface Pending {
  retirements: Worker[];
  quits: Worker[];
  spinOffs: { founder: Worker; parent: Firm }[];
  investments: { firm: Firm; process: number }[];
  launches: { firm: Firm; product: number }[];
  copies: { firm: Firm; slot: number }[];
  exits: { firm: Firm; reason: ExitReason }[];
  hires: Firm[];
}

function noPending(): Pending {
  return { retirements: [], quits: [], spinOffs: [], investments: [], launches: [], copies: [], exits: [], hires: [] };
}

export class Model {
  readonly params: ModelParams;
  readonly catalogue: Catalogue;
  readonly streamKeys: Int32Array;
  tick = 0;
  readonly firms: Firm[] = [];
  readonly workers: Worker[] = [];
  readonly vendors: Vendor[] = [];
  readonly towns: Town[];
  /** Every town's product slots, by slot number (town * products + product). */
  readonly slots: TownProduct[];
  /** Slots holding a design that imitators scan (published by the design phase). */
  activeSlots: TownProduct[] = [];
  /** Every design launched, by design id. */
  readonly designs: DesignRecord[] = [];
  readonly accounts: MoneyAccounts = {
    equityInjected: 0,
    equityWithdrawn: 0,
    kinHelpGiven: 0,
    machineSpending: 0,
    ownerDraws: 0,
  };
  readonly events: EventLog = createEventLog();
  /** Whether each policy was in force last month, and training graduates owed (fractions carried over). */
  readonly policyActive: boolean[];
  readonly graduatesOwed: number[];
  pending: Pending = noPending();
  /** Each town's running pull totals (pricing) and market totals (market-and-effort) this month. */
  pullSums: PullSums[] = [];
  marketSums: MarketSums[] = [];
  /** Each town's market totals of this month (reduce-market). */
  marketTotals: MarketTotals[] = [];
  // Observation.
  readonly metrics: Float64Array;
  readonly panel: PanelRow[] = [];
  /** Firms closed since last December, by town (from the exit events). */
  readonly exitsThisYear: number[];
  /** First local copies not yet out of the 12-month lag window (from the copy events). */
  recentFirstLocalCopies: { tick: number; originTown: number; lagMonths: number }[] = [];
  /** The upgrading tallies of the year closed this month, by town (December only; null otherwise). */
  yearTally: number[][] | null = null;

  constructor(params: ModelParams, seed: number, metricCount: number) {
    this.params = params;
    this.catalogue = catalogueOf(params);
    this.streamKeys = deriveStreamKeys(seed);
    this.towns = params.towns.map((_, index) => new Town(index, params));
    this.slots = this.towns.flatMap((town) => town.products);
    this.policyActive = params.policies.map(() => false);
    this.graduatesOwed = params.policies.map(() => 0);
    this.exitsThisYear = params.towns.map(() => 0);
    this.metrics = new Float64Array(params.years * 12 * (params.towns.length + 1) * metricCount);
  }

  /** One month: the phases of sim/step.ts, in order. */
  step(): void {
    exogenousDemand(this); // 1
    policyLevers(this); // 2
    labourDecisions(this); // 3
    applyRetirementsAndQuits(this); // 4
    trainingGraduates(this); // 5
    spinOffEntry(this); // 6
    gatherWorkforce(this); // 7
    sourcing(this); // 8
    pricing(this); // 9
    reduceAttractiveness(this); // 10
    marketAndEffort(this); // 11
    reduceMarket(this); // 12
    applyDesigns(this); // 13
    applyExitsAndHires(this); // 14
    annualUpgrading(this); // 15
    annualPanel(this); // 16
    observe(this); // 17
    this.pending = noPending();
    this.tick += 1;
  }

  /** The base of an agent's draws on a stream this month (sim/rng/streams.ts). */
  draws(stream: StreamName, agentId: number, tick = this.tick): number {
    return drawBase(this.streamKeys[STREAM[stream]], agentId, tick);
  }

  /**
   * Association membership: the firm's fixed draw on the policy stream at tick -1
   * (the tick sim/model/membership.ts reserves for it) below the share in force.
   */
  isMember(firm: Firm, membershipShare: number): boolean {
    if (membershipShare <= 0) return false;
    return uniformAt(this.draws('policy', firm.id, -1), 0) < membershipShare;
  }

  slotOf(town: number, product: number): TownProduct {
    return this.slots[town * this.catalogue.productCount + product];
  }

  processOf(town: number, process: number): TownProcess {
    return this.towns[town].processes[process];
  }

  /** A new firm (sim/model/agents.ts addFirm). */
  addFirm(fields: {
    town: number;
    parent: number;
    owner: number;
    capability: number;
    cash: number;
    kinGroup: number;
  }): Firm {
    const firm = new Firm(
      this.firms.length,
      { ...fields, birthTick: this.tick },
      fields.kinGroup,
      this.catalogue.productCount,
    );
    this.firms.push(firm);
    return firm;
  }

  /** A new member of the labour force, with a kin group drawn once from its id (sim/model/agents.ts addWorker). */
  addWorker(fields: {
    town: number;
    employer: Firm | null;
    skill: number;
    status: WorkerStatus;
    trainedAt: number;
    careerMonths: number;
  }): Worker {
    const id = this.workers.length;
    const kinGroup = kinGroupFromDraw(this.params.kin, uniformAt(this.draws('kin', id, 0), 0));
    const worker = new Worker(id, fields, kinGroup);
    this.workers.push(worker);
    return worker;
  }

  addVendor(town: number, process: number): Vendor {
    const vendor = new Vendor(this.vendors.length, town, process, this.tick, this.params.vendors.vendorEntryCapability);
    this.vendors.push(vendor);
    return vendor;
  }
}
