/**
 * Policies as town levers (docs/ODD.md §7.17): each kind, in a small world, against the
 * same world without it. Sources: training centres, the Mian Channun facility and the
 * Farm Machinery Institute (Punjab seed §4.1); credit, association and export access
 * (Bangladesh seed recommendations).
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import { designCost } from '../../../sim/model/rules/designs.js';
import { WORKER_STATUS } from '../../../sim/state/workers.js';
import { agentCount } from '../../../sim/world.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import type { Simulation } from '../../../sim/simulation.js';
import { eventsOf, handBuilt, metric, metricSum, product, quietWorld, town } from './helpers.js';

type Policies = NonNullable<ScenarioInput['policies']>;

/** No capability change except through the policy under test. */
const noLearning = { capability: { effortLearningPerMonth: 0, productionLearningPerMonth: 0 } };

function workersWhere(sim: Simulation, test: (id: number) => boolean): number[] {
  const ids: number[] = [];
  for (let id = 0; id < agentCount(sim.world, 'workers'); id++)
    if (sim.world.workers.cols.alive[id] === 1 && test(id)) ids.push(id);
  return ids;
}

describe('training centre (Punjab seed §4.1: "technical and vocational training centres")', () => {
  function trained(policies: Policies, extra: Partial<ScenarioInput> = {}) {
    const { sim } = handBuilt(quietWorld({ policies, ...extra }), [{}, {}, {}, {}]);
    runMonths(sim, 12);
    return sim;
  }
  const centre = (fields: Record<string, number>): Policies => [
    {
      kind: 'trainingCentre',
      startYear: 2000,
      graduatesPerYear: 24,
      graduateSkill: 0.55,
      courseSeatsPerYear: 0,
      ...fields,
    },
  ];

  it('graduates join the town\u2019s labour force as unemployed journeymen with the graduate skill', () => {
    const withCentre = trained(centre({}));
    const without = trained([]);
    expect(metricSum(withCentre, 0, 'trainingGraduates', 0, 12)).toBe(24);
    expect(metricSum(without, 0, 'trainingGraduates', 0, 12)).toBe(0);
    expect(metric(withCentre, 11, 0, 'workers') - metric(without, 11, 0, 'workers')).toBe(24);
    expect(metric(withCentre, 11, 0, 'unemployed')).toBe(24);
    const graduates = workersWhere(withCentre, (id) => withCentre.world.workers.cols.employer[id] < 0);
    expect(graduates).toHaveLength(24);
    for (const id of graduates) {
      expect(withCentre.world.workers.cols.status[id]).toBe(WORKER_STATUS.journeyman);
      expect(withCentre.world.workers.cols.skill[id]).toBe(0.55);
    }
  });

  it('fractional graduates carry over: six a year arrive one every other month', () => {
    const sim = trained(centre({ graduatesPerYear: 6 }));
    const perMonth = Array.from({ length: 12 }, (_, tick) => metric(sim, tick, 0, 'trainingGraduates'));
    expect(perMonth).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
  });

  it('short courses raise the skill of employed workers', () => {
    const noLearningByDoing = { labour: { learningByDoingPerMonth: 0 } };
    const courses = trained(
      centre({ graduatesPerYear: 0, courseSeatsPerYear: 1200, courseSkillGain: 0.2 }),
      noLearningByDoing,
    );
    const none = trained(centre({ graduatesPerYear: 0, courseSeatsPerYear: 0 }), noLearningByDoing);
    expect(metric(none, 11, 0, 'meanSkill')).toBeCloseTo(0.5, 12);
    expect(metric(courses, 11, 0, 'meanSkill')).toBeGreaterThan(0.8);
  });
});

describe('collateral-free credit (Bangladesh seed: "lack of working capital")', () => {
  const credit: Policies = [
    { kind: 'credit', startYear: 2000, creditLimitMonthsOfWageBill: 24, interestRatePerYear: 0.1, fundPerTown: 1e6 },
  ];

  it('a loss-making firm carries its debt on the scheme instead of closing', () => {
    const run = (policies: Policies) => {
      const params = quietWorld({ towns: [town('Alpha', 0.0001)], exit: { lossMonthsToExit: 6 }, policies });
      const { sim, ids } = handBuilt(params, [{ cash: 0 }]);
      runMonths(sim, 12);
      return { sim, firm: ids[0] };
    };
    const withCredit = run(credit);
    const without = run([]);
    expect(metricSum(without.sim, 0, 'exits', 0, 12)).toBe(1);
    expect(metricSum(withCredit.sim, 0, 'exits', 0, 12)).toBe(0);
    expect(withCredit.sim.world.firms.cols.alive[withCredit.firm]).toBe(1);
    expect(withCredit.sim.world.firms.cols.debt[withCredit.firm]).toBeGreaterThan(0);
  });

  it('an unused credit line funds design work a firm without profit could not pay for', () => {
    const run = (policies: Policies) => {
      const params = quietWorld({
        // Nobody buys ploughs any more; threshers are wanted but nobody makes them.
        products: [
          product('plough', { complexity: 0.1, demandWeight: [{ year: 2000, value: 0 }] }),
          product('thresher', { complexity: 0.5 }),
        ],
        innovation: {
          productDesignCost: 50_000,
          priorImitationLagMonths: 12,
          noveltyMarkup: 0.3,
          designShareOfProfit: 0.2,
          designShareOfCreditHeadroom: 0.05,
        },
        exit: { lossMonthsToExit: 600 },
        policies,
      });
      const { sim, ids } = handBuilt(params, [{ capability: 0.6, cash: 1e4 }]);
      runMonths(sim, 6);
      return { sim, firm: ids[0] };
    };
    const withCredit = run(credit);
    const without = run([]);
    expect(without.sim.world.firms.cols.profit[without.firm]).toBeLessThan(0);
    expect(metricSum(without.sim, 0, 'designSpend', 0, 6)).toBe(0);
    expect(metricSum(withCredit.sim, 0, 'designSpend', 0, 6)).toBeGreaterThan(0);
    expect(withCredit.sim.world.firms.cols.designProgress[withCredit.firm]).toBeGreaterThan(0);
  });
});

describe('producers\u2019 association (II a, IV: facilitated spillovers and joint projects)', () => {
  const association = (fields: Record<string, number>): Policies => [
    {
      kind: 'association',
      startYear: 2000,
      membershipShare: 1,
      trustBuildingYears: 0.5,
      facilitatedLearningPerMonth: 0.05,
      jointProjectCostShare: 0.5,
      ...fields,
    },
  ];

  it('members\u2019 capabilities converge: the laggard learns from the members\u2019 mean, the leader loses nothing', () => {
    const run = (policies: Policies) => {
      const { sim, ids } = handBuilt(quietWorld({ ...noLearning, policies }), [
        { capability: 0.2 },
        { capability: 0.8 },
      ]);
      runMonths(sim, 24);
      const c = sim.world.firms.cols.capability;
      return { laggard: c[ids[0]], leader: c[ids[1]] };
    };
    const members = run(association({}));
    const without = run([]);
    expect(without).toEqual({ laggard: 0.2, leader: 0.8 });
    expect(members.laggard).toBeGreaterThan(0.35);
    expect(members.leader).toBe(0.8);
  });

  it('joint projects lower a member\u2019s design cost, so the same new product is launched sooner', () => {
    const innovation = quietWorld().innovation;
    expect(designCost({ ...innovation, productDesignCost: 20_000 }, true, true, 0.5, 1)).toBe(10_000);
    expect(designCost({ ...innovation, productDesignCost: 20_000 }, true, false, 0.5, 1)).toBe(20_000);
    const launchTick = (policies: Policies) => {
      const params = quietWorld({
        ...noLearning,
        products: [product('plough', { complexity: 0.1 }), product('thresher', { complexity: 0.5 })],
        innovation: {
          productDesignCost: 20_000,
          priorImitationLagMonths: 12,
          noveltyMarkup: 0.3,
          designShareOfProfit: 0.2,
        },
        policies,
      });
      const { sim } = handBuilt(params, [{ capability: 0.6, cash: 1e5 }]);
      runMonths(sim, 24);
      const [launch] = eventsOf(sim, 'launch');
      return launch.tick;
    };
    expect(launchTick(association({ trustBuildingYears: 0.01, facilitatedLearningPerMonth: 0 }))).toBeLessThan(
      launchTick([]),
    );
  });
});

describe('R&D extension (Punjab seed §4.1: the Farm Machinery Institute "looking for suitable partners")', () => {
  const extension: Policies = [
    {
      kind: 'rdExtension',
      startYear: 2000,
      partnersPerYear: 24,
      minPartnerCapability: 0.4,
      prototypeSubsidy: 1000,
      capabilityGain: 0.05,
    },
  ];

  it('partners above the least capability gain capability and design work; weaker firms and firms without the service do not', () => {
    const run = (policies: Policies) => {
      const { sim, ids } = handBuilt(quietWorld({ ...noLearning, policies }), [
        { capability: 0.5 },
        { capability: 0.3 },
      ]);
      runMonths(sim, 3);
      const f = sim.world.firms.cols;
      return ids.map((id) => ({ capability: f.capability[id], designProgress: f.designProgress[id] }));
    };
    const [partner, weak] = run(extension);
    const [alone] = run([]);
    // Two partners a year per firm of the town: every month a place for each firm.
    expect(partner.capability).toBeCloseTo(1 - 0.5 * 0.95 ** 3, 12);
    expect(partner.designProgress).toBe(3000);
    expect(weak).toEqual({ capability: 0.3, designProgress: 0 });
    expect(alone).toEqual({ capability: 0.5, designProgress: 0 });
  });
});

describe('export linkage (Bangladesh seed: access to foreign buyers)', () => {
  function exporters(policies: Policies) {
    const params = quietWorld({ towns: [town('Alpha', 20)], policies });
    const { sim, ids } = handBuilt(params, [{ capability: 0.6 }, { capability: 0.3 }]);
    runMonths(sim, 12);
    return { sim, ids };
  }
  const linkage: Policies = [
    { kind: 'exportLinkage', startYear: 2000, qualityThreshold: 0.5, foreignDemandUnitsPerMonth: 30, priceIndex: 1.2 },
  ];

  it('firms above the quality threshold sell abroad and gain a marketing linkage; others and firms without the policy do not', () => {
    const withLinkage = exporters(linkage);
    const without = exporters([]);
    const f = withLinkage.sim.world.firms.cols;
    const [qualified, unqualified] = withLinkage.ids;
    expect(f.exportSalesUnits[qualified]).toBeGreaterThan(0);
    expect(f.exportSalesUnits[unqualified]).toBe(0);
    expect(metric(withLinkage.sim, 11, 0, 'exportSalesUnits')).toBeGreaterThan(0);
    expect(metricSum(without.sim, 0, 'exportSalesUnits', 0, 12)).toBe(0);
    expect(f.revenue[qualified]).toBeGreaterThan(without.sim.world.firms.cols.revenue[qualified]);
    // December: the first export sale counts as marketing-linkage upgrading.
    expect(metric(withLinkage.sim, 11, 0, 'upgradedMarketingLinkages')).toBe(1);
    expect(metric(without.sim, 11, 0, 'upgradedMarketingLinkages')).toBe(0);
  });
});

describe('policies start and stop in their years', () => {
  it('policy-start and policy-stop events at the right ticks; spending and graduates only while in force', () => {
    const params = quietWorld({
      policies: [
        {
          kind: 'trainingCentre',
          name: 'ITI Alpha',
          towns: ['Alpha'],
          startYear: 2000.5,
          endYear: 2001.25,
          costPerYear: 1200,
          graduatesPerYear: 12,
        },
      ],
    });
    const { sim } = handBuilt(params, [{}]);
    runMonths(sim, 24);
    expect(eventsOf(sim, 'policy-start')).toEqual([
      { type: 'policy-start', tick: 6, policy: 0, name: 'ITI Alpha', kind: 'trainingCentre', towns: [0] },
    ]);
    expect(eventsOf(sim, 'policy-stop')).toEqual([
      { type: 'policy-stop', tick: 15, policy: 0, name: 'ITI Alpha', kind: 'trainingCentre', towns: [0] },
    ]);
    for (let tick = 0; tick < 24; tick++) {
      const inForce = tick >= 6 && tick < 15;
      expect(metric(sim, tick, 0, 'policySpending')).toBe(inForce ? 100 : 0);
      expect(metric(sim, tick, 0, 'trainingGraduates')).toBe(inForce ? 1 : 0);
    }
  });
});
