/**
 * Direction-of-effect tests for each mechanism of the minimal model, on small
 * hand-built worlds (MODEL.md: "each mechanism has a small hand-built-world test").
 */
import { describe, expect, it } from 'vitest';
import { emptySimulation, quietParams, testParams, runMonths } from '../../helpers/world.js';
import { addStaffedFirm, publishTownState } from '../../helpers/handBuilt.js';
import { labourKernel } from '../../../sim/model/kernels/labour.js';
import { HEADER } from '../../../sim/state/header.js';
import { WORKER_STATUS } from '../../../sim/state/workers.js';
import { forEachCommand } from '../../../sim/store/commandBuffer.js';
import { blockCount } from '../../../sim/store/blocks.js';
import { agentCount } from '../../../sim/world.js';
import type { Simulation } from '../../../sim/simulation.js';

function workersOf(sim: Simulation, firm: number): number[] {
  const ids: number[] = [];
  const w = sim.world.workers.cols;
  for (let id = 0; id < agentCount(sim.world, 'workers'); id++)
    if (w.alive[id] === 1 && w.employer[id] === firm) ids.push(id);
  return ids;
}

function noTurnover() {
  return testParams({
    labour: { quitProbabilityPerMonth: 0, retireProbabilityPerMonth: 0, layoffProbabilityPerMonth: 0 },
    entry: { spinOffProbabilityPerMonth: 0 },
  });
}

describe('learning by doing (Punjab seed §4.3, III b)', () => {
  it('workers in a busier workshop gain more skill in a month', () => {
    const sim = emptySimulation(noTurnover());
    const busy = addStaffedFirm(sim.world, { skill: 0.3 });
    const idle = addStaffedFirm(sim.world, { skill: 0.3 });
    sim.world.firms.cols.utilisation[busy] = 1;
    sim.world.firms.cols.utilisation[idle] = 0.2;
    labourKernel(sim.world, 0, 0, agentCount(sim.world, 'workers'));
    const skill = sim.world.workers.cols.skill;
    const busyGain = skill[workersOf(sim, busy)[1]] - 0.3;
    const idleGain = skill[workersOf(sim, idle)[1]] - 0.3;
    expect(idleGain).toBeGreaterThan(0);
    expect(busyGain).toBeGreaterThan(idleGain);
  });

  it('an apprentice becomes a journeyman after the apprenticeship once skilled enough', () => {
    const params = noTurnover();
    params.labour.apprenticeshipMonths = 6;
    params.labour.learningByDoingPerMonth = 0.1;
    const sim = emptySimulation(params);
    const firm = addStaffedFirm(sim.world, { journeymen: 0, apprentices: 1, skill: 0.1 });
    const apprentice = workersOf(sim, firm)[1];
    sim.world.firms.cols.utilisation[firm] = 1;
    for (let month = 0; month < 5; month++) labourKernel(sim.world, 0, 0, agentCount(sim.world, 'workers'));
    expect(sim.world.workers.cols.status[apprentice]).toBe(WORKER_STATUS.apprentice);
    for (let month = 0; month < 3; month++) labourKernel(sim.world, 0, 0, agentCount(sim.world, 'workers'));
    expect(sim.world.workers.cols.status[apprentice]).toBe(WORKER_STATUS.journeyman);
  });
});

describe('capability accumulation (effort and production)', () => {
  it('a firm with more demand (more production and profit to spend on effort) gains more capability', () => {
    const build = (demandUnits: number) => {
      const sim = emptySimulation(quietParams(demandUnits));
      const firm = addStaffedFirm(sim.world, { capability: 0.3, cash: 1e6 });
      publishTownState(sim.world);
      runMonths(sim, 12);
      return sim.world.firms.cols.capability[firm] - 0.3;
    };
    const lowDemandGain = build(0.5);
    const highDemandGain = build(50);
    expect(lowDemandGain).toBeGreaterThanOrEqual(0);
    expect(highDemandGain).toBeGreaterThan(lowDemandGain);
  });
});

describe('margin squeeze (Punjab seed §3.3, negative effect)', () => {
  it('the same firm charges a lower price when its town has more rivals', () => {
    const priceWithRivals = (rivals: number) => {
      const sim = emptySimulation(noTurnover());
      const firm = addStaffedFirm(sim.world);
      for (let i = 0; i < rivals; i++) addStaffedFirm(sim.world);
      publishTownState(sim.world);
      runMonths(sim, 1);
      return sim.world.firms.cols.price[firm];
    };
    expect(priceWithRivals(20)).toBeLessThan(priceWithRivals(2));
    expect(priceWithRivals(2)).toBeLessThan(priceWithRivals(0));
  });
});

describe('demand split by price, quality and capacity', () => {
  it('of two otherwise equal firms, the more capable one sells more', () => {
    const sim = emptySimulation(noTurnover());
    const capable = addStaffedFirm(sim.world, { capability: 0.8 });
    const weak = addStaffedFirm(sim.world, { capability: 0.2 });
    publishTownState(sim.world);
    runMonths(sim, 1);
    const f = sim.world.firms.cols;
    expect(f.demandShareUnits[capable]).toBeGreaterThan(f.demandShareUnits[weak]);
  });
});

describe('hiring and the labour force', () => {
  it('a firm facing demand above its capacity hires; with nobody unemployed it takes on new apprentices', () => {
    const params = noTurnover();
    params.towns[0].demand.unitsPerMonth = 1000;
    const sim = emptySimulation(params);
    const firm = addStaffedFirm(sim.world, { cash: 1e6 });
    publishTownState(sim.world);
    const before = workersOf(sim, firm).length;
    runMonths(sim, 6);
    const staff = workersOf(sim, firm);
    expect(staff.length).toBeGreaterThan(before);
    expect(staff.filter((id) => sim.world.workers.cols.status[id] === WORKER_STATUS.apprentice).length).toBeGreaterThan(
      0,
    );
  });

  it('an unemployed worker of the town is hired before a new apprentice is taken on', () => {
    const params = noTurnover();
    params.towns[0].demand.unitsPerMonth = 1000;
    const sim = emptySimulation(params);
    const firm = addStaffedFirm(sim.world, { cash: 1e6 });
    // A second firm with no cash to hire, from which one journeyman has been let go.
    const other = addStaffedFirm(sim.world, { journeymen: 1, cash: 0 });
    const jobless = workersOf(sim, other)[1];
    sim.world.workers.cols.employer[jobless] = -1;
    publishTownState(sim.world);
    const workersBefore = agentCount(sim.world, 'workers');
    runMonths(sim, 1);
    expect(sim.world.workers.cols.employer[jobless]).toBe(firm);
    expect(agentCount(sim.world, 'workers')).toBe(workersBefore);
  });

  it('workers of a firm that exits are unemployed the next month', () => {
    const params = noTurnover();
    params.towns[0].demand.unitsPerMonth = 0.0001;
    params.exit.lossMonthsToExit = 1;
    const sim = emptySimulation(params);
    const firm = addStaffedFirm(sim.world, { cash: 0 });
    const staff = workersOf(sim, firm);
    publishTownState(sim.world);
    runMonths(sim, 1);
    expect(sim.world.firms.cols.alive[firm]).toBe(0);
    runMonths(sim, 1);
    for (const id of staff) expect(sim.world.workers.cols.employer[id]).toBe(-1);
  });
});

describe('exit on persistent losses', () => {
  it('a firm without sales borrows to cover its losses and closes after lossMonthsToExit months in debt, not before', () => {
    const params = noTurnover();
    params.towns[0].demand.unitsPerMonth = 0.0001;
    params.exit.lossMonthsToExit = 6;
    const sim = emptySimulation(params);
    const firm = addStaffedFirm(sim.world, { cash: 0 });
    publishTownState(sim.world);
    runMonths(sim, 5);
    expect(sim.world.firms.cols.alive[firm]).toBe(1);
    expect(sim.world.firms.cols.cash[firm]).toBe(0);
    expect(sim.world.firms.cols.debt[firm]).toBeGreaterThan(0);
    runMonths(sim, 1);
    expect(sim.world.firms.cols.alive[firm]).toBe(0);
    expect(sim.host.events.filter((event) => event.type === 'exit')).toHaveLength(1);
  });

  it('a profitable firm does not exit', () => {
    const params = noTurnover();
    params.towns[0].demand.unitsPerMonth = 20;
    const sim = emptySimulation(params);
    const firm = addStaffedFirm(sim.world, { cash: 3000 });
    publishTownState(sim.world);
    runMonths(sim, 24);
    expect(sim.world.firms.cols.alive[firm]).toBe(1);
  });
});

describe('entry by spin-off (Punjab seed §4.3, III a,b,c)', () => {
  function spinOffRequests(successShare: number): number {
    const params = testParams({
      labour: { quitProbabilityPerMonth: 0, retireProbabilityPerMonth: 0, layoffProbabilityPerMonth: 0 },
      entry: {
        spinOffProbabilityPerMonth: 0.01,
        spinOffMinSkill: 0.5,
        spinOffMinTenureMonths: 0,
        demonstrationWeight: 4,
      },
    });
    const sim = emptySimulation(params);
    for (let i = 0; i < 40; i++) addStaffedFirm(sim.world, { journeymen: 20, skill: 0.7 });
    sim.world.towns.cols.successfulSpinOffShare[0] = successShare;
    const workers = agentCount(sim.world, 'workers');
    const blocks = blockCount(workers);
    for (let block = 0; block < blocks; block++)
      labourKernel(sim.world, block, block * 2048, Math.min(workers, (block + 1) * 2048));
    let count = 0;
    forEachCommand(sim.world.commands.spinOff, blocks, () => (count += 1));
    return count;
  }

  it('successful spin-offs in the town raise others\u2019 propensity to spin off (demonstration effect)', () => {
    const without = spinOffRequests(0);
    const withDemonstration = spinOffRequests(0.5);
    expect(without).toBeGreaterThan(0);
    expect(withDemonstration).toBeGreaterThan(without);
  });

  it('a spin-off records its parent firm, makes the founder its owner and inherits part of the parent\u2019s capability', () => {
    const params = testParams({
      labour: { quitProbabilityPerMonth: 0, retireProbabilityPerMonth: 0, layoffProbabilityPerMonth: 0 },
      entry: {
        spinOffProbabilityPerMonth: 1,
        spinOffMinSkill: 0.5,
        spinOffMinTenureMonths: 0,
        inheritedCapabilityShare: 1,
      },
    });
    const sim = emptySimulation(params);
    const parent = addStaffedFirm(sim.world, { journeymen: 1, skill: 0.7, capability: 0.6 });
    const founder = workersOf(sim, parent)[1];
    publishTownState(sim.world);
    runMonths(sim, 1);
    const entry = sim.host.events.find((event) => event.type === 'entry');
    expect(entry).toMatchObject({ type: 'entry', parent, founder });
    const child = entry!.firm;
    expect(sim.world.workers.cols.employer[founder]).toBe(child);
    expect(sim.world.workers.cols.status[founder]).toBe(WORKER_STATUS.owner);
    expect(sim.world.firms.cols.parent[child]).toBe(parent);
    expect(sim.world.firms.cols.birthTick[child]).toBe(0);
    expect(sim.world.header[HEADER.firmCount]).toBe(2);
  });

  it('growing demand feeds entry: more firms after ten years than under flat demand', async () => {
    const { runOne } = await import('../../../sim/runOne.js');
    const { loadScenario } = await import('../../../scenarios/load.js');
    const firmsAfter = async (growth: number) => {
      const { params } = loadScenario('punjab-farm-equipment', {
        years: 10,
        set: params8Towns(growth),
      });
      const result = await runOne({ params, seed: 3, threads: 1 });
      return result.finalFirms.id.length;
    };
    expect(await firmsAfter(0.15)).toBeGreaterThan(await firmsAfter(0));
  });
});

function params8Towns(growth: number): string[] {
  return Array.from({ length: 8 }, (_, town) => `towns[${town}].demand.growthPerYear=${growth}`);
}

describe('working capital: debt, interest and credit lines (Bangladesh seed: "lack of working capital, high interest rate for loan")', () => {
  function lossMaker(finance: { interestRatePerYear?: number; creditLimitMonthsOfWageBill?: number }) {
    const params = testParams({
      labour: { quitProbabilityPerMonth: 0, retireProbabilityPerMonth: 0, layoffProbabilityPerMonth: 0 },
      entry: { spinOffProbabilityPerMonth: 0 },
      finance,
      exit: { lossMonthsToExit: 6 },
    });
    params.towns[0].demand.unitsPerMonth = 0.0001;
    const sim = emptySimulation(params);
    const firm = addStaffedFirm(sim.world, { cash: 0 });
    publishTownState(sim.world);
    return { sim, firm };
  }

  it('a higher interest rate makes the same losses grow into more debt', () => {
    const cheap = lossMaker({ interestRatePerYear: 0 });
    const dear = lossMaker({ interestRatePerYear: 0.6 });
    runMonths(cheap.sim, 5);
    runMonths(dear.sim, 5);
    expect(cheap.sim.world.firms.cols.interest[cheap.firm]).toBe(0);
    expect(dear.sim.world.firms.cols.interest[dear.firm]).toBeGreaterThan(0);
    expect(dear.sim.world.firms.cols.debt[dear.firm]).toBeGreaterThan(cheap.sim.world.firms.cols.debt[cheap.firm]);
  });

  it('a credit line lets a loss-making firm survive longer than one without', () => {
    const withoutCredit = lossMaker({ creditLimitMonthsOfWageBill: 0 });
    const withCredit = lossMaker({ creditLimitMonthsOfWageBill: 24 });
    runMonths(withoutCredit.sim, 8);
    runMonths(withCredit.sim, 8);
    expect(withoutCredit.sim.world.firms.cols.alive[withoutCredit.firm]).toBe(0);
    expect(withCredit.sim.world.firms.cols.alive[withCredit.firm]).toBe(1);
  });

  it('profit repays debt before cash builds up', () => {
    const params = noTurnover();
    params.towns[0].demand.unitsPerMonth = 20;
    params.finance.interestRatePerYear = 0;
    const sim = emptySimulation(params);
    const firm = addStaffedFirm(sim.world, { cash: 0 });
    sim.world.firms.cols.debt[firm] = 1e6;
    publishTownState(sim.world);
    runMonths(sim, 1);
    const debtAfterOneMonth = sim.world.firms.cols.debt[firm];
    runMonths(sim, 2);
    expect(sim.world.firms.cols.profit[firm]).toBeGreaterThan(0);
    expect(sim.world.firms.cols.debt[firm]).toBeLessThan(debtAfterOneMonth);
    expect(sim.world.firms.cols.cash[firm]).toBe(0);
  });
});

describe('knowledge carried by movers (Punjab seed §4.3, III c)', () => {
  function hireFrom(sourceCapability: number) {
    const params = noTurnover();
    params.towns[0].demand.unitsPerMonth = 1000;
    params.labour.moverKnowledgeShare = 0.2;
    params.capability.effortLearningPerMonth = 0;
    params.capability.productionLearningPerMonth = 0;
    const sim = emptySimulation(params);
    const hiring = addStaffedFirm(sim.world, { cash: 1e6, capability: 0.2 });
    const source = addStaffedFirm(sim.world, { journeymen: 1, cash: 0, capability: sourceCapability });
    const mover = workersOf(sim, source)[1];
    // The mover quits the source firm (recording what they carry) and is unemployed in the town.
    sim.world.workers.cols.carriedCapability[mover] = sim.world.firms.cols.capability[source];
    sim.world.workers.cols.employer[mover] = -1;
    publishTownState(sim.world);
    runMonths(sim, 1);
    expect(sim.world.workers.cols.employer[mover]).toBe(hiring);
    return sim.world.firms.cols.capability[hiring];
  }

  it('hiring a worker from a more capable firm raises the hiring firm\u2019s capability', () => {
    expect(hireFrom(0.9)).toBeGreaterThan(0.2);
    expect(hireFrom(0.9)).toBeCloseTo(0.2 + 0.2 * 0.7, 10);
  });

  it('hiring a worker from a less capable firm does not lower it', () => {
    expect(hireFrom(0.1)).toBe(0.2);
  });

  it('a quitting worker records the capability of the firm they leave', () => {
    const sim = emptySimulation(testParams({ labour: { quitProbabilityPerMonth: 1 } }));
    const firm = addStaffedFirm(sim.world, { capability: 0.77, journeymen: 2 });
    const [, journeyman] = workersOf(sim, firm);
    publishTownState(sim.world);
    runMonths(sim, 1);
    expect(sim.world.workers.cols.carriedCapability[journeyman]).toBe(0.77);
  });
});

describe('spontaneous spillovers from the knowledge pool, decaying with travel time (Punjab seed §4.1, §4.3, III)', () => {
  function spilloverOnly(towns: number, travelHours: number) {
    const params = testParams({
      towns: Array.from({ length: towns }, (_, i) => ({
        name: `T${i}`,
        initialFirms: 0,
        workersPerFirm: { min: 1, max: 1 },
        demand: { unitsPerMonth: 100, growthPerYear: 0 },
      })),
      labour: { quitProbabilityPerMonth: 0, retireProbabilityPerMonth: 0, layoffProbabilityPerMonth: 0 },
      capability: { effortLearningPerMonth: 0, productionLearningPerMonth: 0 },
      entry: { spinOffProbabilityPerMonth: 0 },
      spillovers: { spilloverLearningPerMonth: 0.1, halfDecayHours: 1 },
      travel: { defaultHours: travelHours },
    });
    return emptySimulation(params);
  }

  it('a laggard among capable neighbours gains capability; among equals it does not', () => {
    const gainAmong = (neighbourCapability: number) => {
      const sim = spilloverOnly(1, 0);
      const laggard = addStaffedFirm(sim.world, { capability: 0.2, cash: 1e5 });
      for (let i = 0; i < 5; i++) addStaffedFirm(sim.world, { capability: neighbourCapability, cash: 1e5 });
      publishTownState(sim.world);
      runMonths(sim, 3); // month 1 publishes the pool, months 2-3 learn from it
      return sim.world.firms.cols.capability[laggard] - 0.2;
    };
    expect(gainAmong(0.2)).toBe(0);
    expect(gainAmong(0.8)).toBeGreaterThan(0.05);
  });

  it('capable firms in a near town help more than the same firms in a far town', () => {
    const gainWithTravel = (hours: number) => {
      const sim = spilloverOnly(2, hours);
      const laggard = addStaffedFirm(sim.world, { town: 0, capability: 0.2, cash: 1e5 });
      for (let i = 0; i < 5; i++) addStaffedFirm(sim.world, { town: 1, capability: 0.8, cash: 1e5 });
      publishTownState(sim.world);
      runMonths(sim, 3);
      return sim.world.firms.cols.capability[laggard] - 0.2;
    };
    const near = gainWithTravel(0.5);
    const far = gainWithTravel(6);
    expect(far).toBeGreaterThan(0);
    expect(near).toBeGreaterThan(far);
  });
});
