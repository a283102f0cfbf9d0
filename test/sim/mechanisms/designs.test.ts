/**
 * Designs: innovation weighed against the imitation lag, and the channels through which
 * rivals learn of a design and copy it (docs/ODD.md §7.14-7.15; MODEL.md
 * "appropriability", III c, patterns 1 and 5). Punjab seed §4.3: "Local copies usually
 * appear one year after the public launch of the 'original'. This appears to be one
 * reason why only incremental modifications are made to the designs."
 *
 * The worlds: firms making ploughs (complexity 0.1); threshers (complexity 0.5) are on
 * the frontier but nobody makes them. Only the originator (capability 0.6) can
 * reverse-engineer threshers; rivals (0.4) can copy them (copy margin 0.2).
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import { applyRetirementsAndQuits } from '../../../sim/model/phases/labourCommands.js';
import { observationProbability } from '../../../sim/model/rules/designs.js';
import { pushCommand } from '../../../sim/store/commandBuffer.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import type { Simulation } from '../../../sim/simulation.js';
import { WORKER_STATUS } from '../../../sim/state/workers.js';
import { agentCount } from '../../../sim/world.js';
import type { HandBuiltFirm } from '../../helpers/handBuilt.js';
import { eventsOf, handBuilt, makes, metricSum, OUT_OF_REACH, process, product, quietWorld, town } from './helpers.js';

const PLOUGH = 0;
const THRESHER = 1;

/** Design and copying parameters every world here sets explicitly. */
function designInput(extra: Partial<ScenarioInput> = {}): Partial<ScenarioInput> {
  return {
    towns: [town('Alpha', 200)],
    products: [product('plough', { complexity: 0.1 }), product('thresher', { complexity: 0.5 })],
    ...extra,
    innovation: {
      productDesignCost: 5000,
      incrementalDesignCost: OUT_OF_REACH,
      copyCost: 500,
      noveltyMarkup: 0.3,
      noveltyPull: 0.5,
      noveltyLifeMonths: 60,
      designShareOfProfit: 0.2,
      designShareOfCreditHeadroom: 0,
      peakSeasonExperimentShare: 1,
      priorImitationLagMonths: 12,
      lagBeliefWeight: 0.2,
      ...extra.innovation,
    },
    imitation: {
      sameTownObservationPerMonth: 1,
      userFeedbackObservationPerMonth: 0,
      sharedVendorObservationPerMonth: 0,
      fairObservationProbability: 0,
      moverCarriesDesignProbability: 0,
      copyBuildMonths: 3,
      copyCapabilityMargin: 0.2,
      copyLearningShare: 0.3,
      ...extra.imitation,
    },
  };
}

const originator = (extra: HandBuiltFirm = {}): HandBuiltFirm => ({
  capability: 0.6,
  cash: 1e5,
  products: [PLOUGH],
  ...extra,
});
const rival = (extra: HandBuiltFirm = {}): HandBuiltFirm => ({
  capability: 0.4,
  cash: 1e5,
  products: [PLOUGH],
  ...extra,
});

const protection = (months: number): NonNullable<ScenarioInput['policies']> =>
  months > 0 ? [{ kind: 'designProtection', startYear: 2000, protectionMonths: months }] : [];

/** Make the originator's design work already done, so that it launches threshers in month 0. */
function designDone(sim: Simulation, firm: number): void {
  sim.world.firms.cols.designProgress[firm] = sim.world.params.innovation.productDesignCost;
}

describe('appropriability: a longer imitation lag raises the innovator\u2019s rent and its effort (pattern 5)', () => {
  /** An originator and three rivals in one town, over three years, with `months` of design protection. */
  function appropriation(months: number, productDesignCost = 5000) {
    const params = quietWorld(designInput({ policies: protection(months), innovation: { productDesignCost } }));
    const { sim, ids } = handBuilt(params, [originator(), rival(), rival(), rival()]);
    runMonths(sim, 36);
    const firstLocal = eventsOf(sim, 'copy').find((event) => event.firstLocal);
    return { sim, ids, firstLocal, launches: eventsOf(sim, 'launch') };
  }

  it('design protection delays the first local copy and so raises the rent the originator earns', () => {
    const open = appropriation(0);
    const protectedDesign = appropriation(24);
    for (const world of [open, protectedDesign]) {
      expect(world.launches).toHaveLength(1);
      expect(world.launches[0]).toMatchObject({ firm: world.ids[0], product: THRESHER, kind: 'product' });
      expect(world.firstLocal).toBeDefined();
    }
    expect(open.launches[0].tick).toBe(protectedDesign.launches[0].tick);
    expect(protectedDesign.firstLocal!.lagMonths).toBeGreaterThanOrEqual(24);
    expect(open.firstLocal!.lagMonths).toBeLessThan(24);
    expect(protectedDesign.firstLocal!.originatorRent).toBeGreaterThan(2 * open.firstLocal!.originatorRent);
    expect(open.firstLocal!.originatorRent).toBeGreaterThan(0);
    const totalRent = (sim: Simulation) => metricSum(sim, 0, 'designRent', 0, 36);
    expect(totalRent(protectedDesign.sim)).toBeGreaterThan(totalRent(open.sim));
    // The rent ends with the first local copy.
    expect(totalRent(open.sim)).toBeCloseTo(open.firstLocal!.originatorRent, 6);
  });

  it('a design too costly to repay within the expected lag is worked on only under protection (design effort rises)', () => {
    // About 8,000 a month of rent: 12 months do not repay 180,000; 12 + 24 months do.
    const open = appropriation(0, 180_000);
    const protectedDesign = appropriation(24, 180_000);
    expect(metricSum(open.sim, 0, 'designSpend', 0, 36)).toBe(0);
    expect(open.sim.world.firms.cols.designProgress[open.ids[0]]).toBe(0);
    expect(metricSum(protectedDesign.sim, 0, 'designSpend', 0, 36)).toBeGreaterThan(10_000);
    expect(protectedDesign.sim.world.firms.cols.designTarget[protectedDesign.ids[0]]).toBe(THRESHER);
  });
});

describe('under a short expected lag only incremental changes pay ("only incremental modifications")', () => {
  /** A lone plough maker that could improve its plough (2,000) or reverse-engineer threshers (20,000). */
  function lone(expectedLagMonths: number) {
    const params = quietWorld(
      designInput({
        innovation: {
          productDesignCost: 20_000,
          incrementalDesignCost: 2000,
          priorImitationLagMonths: expectedLagMonths,
        },
      }),
    );
    const { sim } = handBuilt(params, [originator()]);
    runMonths(sim, 24);
    return eventsOf(sim, 'launch');
  }

  it('a short expected lag gives incremental launches only; a long one a new product first', () => {
    const short = lone(2);
    const long = lone(30);
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((launch) => launch.kind === 'incremental' && launch.product === PLOUGH)).toBe(true);
    expect(long[0]).toMatchObject({ kind: 'product', product: THRESHER });
  });
});

describe('an originator whose own design is still fresh', () => {
  /**
   * A firm whose own design is still fresh starts no other design work
   * (sim/model/kernels/designWork.ts): improving it again would add no rent, and a new
   * launch would replace it in the town's slot and reset the lag, so that rivals' copies
   * always landed on a superseded design and never ended the rent.
   */
  it('does not launch another incremental design of the same product while the first is uncopied', () => {
    const params = quietWorld(
      designInput({ innovation: { incrementalDesignCost: 2000, productDesignCost: OUT_OF_REACH } }),
    );
    const { sim } = handBuilt(params, [originator()]);
    runMonths(sim, 12);
    const launches = eventsOf(sim, 'launch');
    expect(launches.length).toBeGreaterThan(0);
    // Novelty lasts 60 months and nobody copies: one improvement is all that pays.
    expect(launches.length).toBe(1);
  });
});

describe('design work is done in the slack season (Punjab seed §4.3: "behind closed doors in the slack season")', () => {
  /** A lone firm working on a long design project; January-June slack (0.9), July-December peak (1.1). */
  function spendBySeason(peakSeasonExperimentShare: number) {
    const params = quietWorld(
      designInput({
        towns: [town('Alpha', 2000)],
        market: { seasonality: [...Array<number>(6).fill(0.9), ...Array<number>(6).fill(1.1)] },
        // Constant capacity and profit all year: the design budget is the same every month.
        labour: { learningByDoingPerMonth: 0 },
        capability: { effortLearningPerMonth: 0, productionLearningPerMonth: 0 },
        innovation: {
          productDesignCost: 1e6,
          priorImitationLagMonths: 1200,
          noveltyLifeMonths: 1200,
          peakSeasonExperimentShare,
        },
      }),
    );
    const { sim, ids } = handBuilt(params, [originator()]);
    let slack = 0;
    let peak = 0;
    for (let month = 0; month < 12; month++) {
      runMonths(sim, 1);
      const spend = sim.world.firms.cols.designSpend[ids[0]];
      if (month < 6) slack += spend;
      else peak += spend;
    }
    return { slack, peak };
  }

  it('most design work falls in slack months; without the seasonal rule it does not', () => {
    const seasonal = spendBySeason(0.25);
    const even = spendBySeason(1);
    expect(seasonal.peak).toBeGreaterThan(0);
    expect(seasonal.slack).toBeCloseTo(4 * seasonal.peak, 6);
    expect(even.slack).toBeCloseTo(even.peak, 6);
  });
});

describe('copies take time to build (patterns, jigs and trials)', () => {
  function copyLags(copyBuildMonths: number) {
    const params = quietWorld(designInput({ imitation: { copyBuildMonths } }));
    const { sim, ids } = handBuilt(params, [originator(), rival(), rival()]);
    designDone(sim, ids[0]);
    runMonths(sim, 24);
    const [launch] = eventsOf(sim, 'launch');
    expect(launch.tick).toBe(0);
    return eventsOf(sim, 'copy');
  }

  it('no copy is sold before copyBuildMonths after the design was seen; a longer build time delays copies', () => {
    const quick = copyLags(2);
    const slow = copyLags(10);
    expect(quick).toHaveLength(2);
    expect(slow).toHaveLength(2);
    // Seen the month after the launch (observation is certain here), sold copyBuildMonths later.
    for (const copy of quick) expect(copy.lagMonths).toBe(1 + 2);
    for (const copy of slow) expect(copy.lagMonths).toBe(1 + 10);
  });
});

describe('observation of designs through proximity (III c: "knowledge about new designs spreads rapidly ... due to co-location")', () => {
  const rules = quietWorld(
    designInput({
      imitation: {
        sameTownObservationPerMonth: 0.15,
        userFeedbackObservationPerMonth: 0.02,
        sharedVendorObservationPerMonth: 0.1,
        fairObservationProbability: 0.5,
      },
    }),
  ).imitation;
  const channels = { sameTown: false, proximity: 0, sharedVendor: false, bothAtFair: false };

  it('the rule: the same town beats a near town, which beats a far one; shared vendors and fairs add', () => {
    const sameTown = observationProbability(rules, { ...channels, sameTown: true, proximity: 1 });
    const near = observationProbability(rules, { ...channels, proximity: 0.5 });
    const far = observationProbability(rules, { ...channels, proximity: 0.01 });
    expect(sameTown).toBeGreaterThan(near);
    expect(near).toBeGreaterThan(far);
    expect(
      observationProbability(rules, { ...channels, sameTown: true, proximity: 1, sharedVendor: true }),
    ).toBeGreaterThan(sameTown);
    expect(observationProbability(rules, { ...channels, proximity: 0.01, bothAtFair: true })).toBeGreaterThan(far);
  });

  /** The originator and one rival in Alpha, one rival in Beta `hours` away; copy lag of each rival (Infinity: none). */
  function lagsWithBetaAt(hours: number) {
    const params = quietWorld(
      designInput({
        towns: [town('Alpha', 200), town('Beta', 200)],
        // Threshers are most of the demand, so that adding them pays for both rivals.
        products: [
          product('plough', { complexity: 0.1 }),
          product('thresher', { complexity: 0.5, demandWeight: [{ year: 2000, value: 3 }] }),
        ],
        travel: { defaultHours: hours },
        spillovers: { halfDecayHours: 1 },
        imitation: { sameTownObservationPerMonth: 0.7, userFeedbackObservationPerMonth: 0.3 },
      }),
    );
    const { sim, ids } = handBuilt(params, [originator(), rival(), rival({ town: 1 })]);
    designDone(sim, ids[0]);
    runMonths(sim, 36);
    const lagOf = (firm: number) => eventsOf(sim, 'copy').find((copy) => copy.firm === firm)?.lagMonths ?? Infinity;
    return { sameTown: lagOf(ids[1]), otherTown: lagOf(ids[2]) };
  }

  it('end to end: a rival in the same town copies first, one in a near town next, one in a far town last', () => {
    const near = lagsWithBetaAt(1);
    const far = lagsWithBetaAt(5);
    expect(near.sameTown).toBeLessThan(near.otherTown);
    expect(near.otherTown).toBeLessThan(far.otherTown);
    expect(far.sameTown).toBe(near.sameTown);
  });
});

describe('shared vendors pass designs on (Punjab seed §4.2: vendors handle the parent\u2019s prototype)', () => {
  /**
   * Pump makers buying casting from the town's vendors (they open in month 1) or, when
   * vendors are dear, casting in-house; the originator works on engines, which need
   * casting too, and launches them once its design work is done. Only the shared-vendor
   * channel is open.
   */
  function sharedVendorCopies(vendorPricePerUnit: number) {
    const params = quietWorld(
      designInput({
        processes: [process('casting', { vendorPricePerUnit })],
        products: [
          product('pump', { complexity: 0.1, processes: ['casting'] }),
          product('engine', { complexity: 0.5, processes: ['casting'] }),
        ],
        imitation: { sameTownObservationPerMonth: 0, sharedVendorObservationPerMonth: 1 },
      }),
    );
    const { sim, ids } = handBuilt(params, [originator(), rival(), rival(), rival()]);
    runMonths(sim, 15);
    const launches = eventsOf(sim, 'launch');
    // Product 1 is the engine in this catalogue.
    expect(launches).toEqual([expect.objectContaining({ firm: ids[0], product: 1 })]);
    expect(launches[0].tick).toBeGreaterThanOrEqual(2);
    expect(sim.world.townProcesses.cols.vendors[0]).toBeGreaterThan(0);
    return { copies: eventsOf(sim, 'copy'), usesInHouse: sim.world.firms.cols.usesInHouse[ids[1]] };
  }

  it('rivals buying from the originator\u2019s vendors see its design; rivals casting in-house do not', () => {
    const shared = sharedVendorCopies(10);
    const separate = sharedVendorCopies(100);
    expect(shared.usesInHouse).toBe(0);
    expect(shared.copies).toHaveLength(3);
    for (const copy of shared.copies) expect(copy.lagMonths).toBe(1 + 3);
    expect(separate.usesInHouse).toBe(1);
    expect(separate.copies).toEqual([]);
  });
});

describe('a trade fair spreads designs between towns (Punjab seed §4.3: "the annual Horse and Cattle Show in Lahore")', () => {
  /** The originator in Alpha launches in January; a rival two hours away in Beta; a fair in Alpha in March. */
  function betaCopy(withFair: boolean) {
    const params = quietWorld(
      designInput({
        towns: [town('Alpha', 200), town('Beta', 200)],
        travel: { defaultHours: 2 },
        spillovers: { halfDecayHours: 1 },
        imitation: {
          sameTownObservationPerMonth: 0,
          userFeedbackObservationPerMonth: 0.02,
          fairObservationProbability: 1,
        },
        policies: withFair ? [{ kind: 'tradeFair', towns: ['Alpha'], startYear: 2000, month: 3, reachHours: 3 }] : [],
      }),
    );
    const { sim, ids } = handBuilt(params, [originator(), rival({ town: 1 })]);
    designDone(sim, ids[0]);
    runMonths(sim, 24);
    return eventsOf(sim, 'copy').find((copy) => copy.firm === ids[1]);
  }

  it('a rival at the fair sees the design there and copies it months earlier than by word of mouth', () => {
    const atFair = betaCopy(true);
    const without = betaCopy(false);
    // Seen at the March fair (tick 2), on sale copyBuildMonths (3) later.
    expect(atFair).toMatchObject({ tick: 5, town: 1, originTown: 0, firstLocal: false });
    expect(without === undefined || without.tick > atFair!.tick).toBe(true);
  });
});

describe('movers carry designs (Punjab seed §4.3: "skills diffusion ... through inter-firm movement of trained labour")', () => {
  /**
   * A rival (id 0) hiring, and an originator (id 1) that launched threshers in month 0;
   * one of the originator's journeymen quits after that month and is hired by the rival.
   */
  function moverWorld(moverCarriesDesignProbability: number) {
    const params = quietWorld(
      designInput({
        towns: [town('Alpha', 1000)],
        labour: { hireDemandRatio: 1.05, moverKnowledgeShare: 0.2 },
        capability: { effortLearningPerMonth: 0, productionLearningPerMonth: 0 },
        imitation: { sameTownObservationPerMonth: 0, moverCarriesDesignProbability },
      }),
    );
    const { sim, ids } = handBuilt(params, [rival(), originator()]);
    const [hiring, source] = ids;
    designDone(sim, source);
    runMonths(sim, 1);
    const w = sim.world.workers.cols;
    let mover = -1;
    for (let id = 0; id < agentCount(sim.world, 'workers') && mover < 0; id++) {
      if (w.employer[id] === source && w.status[id] === WORKER_STATUS.journeyman) mover = id;
    }
    // The journeyman quits (through the engine's quit phase) carrying what the originator knows.
    pushCommand(sim.world.commands.quit, 0, mover, 0);
    applyRetirementsAndQuits.run(sim);
    const carried = { slot: w.carriedSlot[mover], design: w.carriedDesign[mover], employer: w.employer[mover] };
    const capabilityBefore = sim.world.firms.cols.capability[hiring];
    runMonths(sim, 1);
    const capabilityGained = sim.world.firms.cols.capability[hiring] - capabilityBefore;
    const hired = w.employer[mover] === hiring;
    runMonths(sim, 10);
    return { sim, hiring, source, mover, carried, hired, capabilityGained };
  }

  it('a worker quitting an originator carries its fresh design (town-product slot and design id)', () => {
    const { sim, source, mover, carried } = moverWorld(1);
    const [launch] = eventsOf(sim, 'launch');
    expect(launch).toMatchObject({ tick: 0, firm: source, product: THRESHER });
    const productCount = sim.world.params.products.length;
    expect(carried).toEqual({ slot: 0 * productCount + THRESHER, design: launch.design, employer: -1 });
    // Handed over at the hire: the worker carries it no more.
    expect(sim.world.workers.cols.carriedSlot[mover]).toBe(-1);
  });

  it('the hiring firm starts copying the carried design and sells the copy after the build time; without the channel it never copies', () => {
    const carried = moverWorld(1);
    const notCarried = moverWorld(0);
    expect(carried.hired).toBe(true);
    expect(notCarried.hired).toBe(true);
    const copies = eventsOf(carried.sim, 'copy');
    expect(copies).toHaveLength(1);
    // Hired in month 1, on sale copyBuildMonths (3) later; the first local copy ends the rent.
    expect(copies[0]).toMatchObject({
      tick: 4,
      firm: carried.hiring,
      originator: carried.source,
      product: THRESHER,
      firstLocal: true,
    });
    expect(makes(carried.sim, carried.hiring, THRESHER)).toBe(true);
    expect(eventsOf(notCarried.sim, 'copy')).toEqual([]);
    expect(makes(notCarried.sim, notCarried.hiring, THRESHER)).toBe(false);
  });

  it('the mover also raises the hiring firm\u2019s capability towards the originator\u2019s', () => {
    const { capabilityGained } = moverWorld(0);
    expect(capabilityGained).toBeCloseTo(0.2 * (0.6 - 0.4), 10);
  });
});
