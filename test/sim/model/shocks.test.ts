/**
 * Direction-of-effect tests for the exogenous shocks (docs/ODD.md §7.10) and import
 * competition (§7.11) on small hand-built worlds. Bangladesh seed: "high prices of hard
 * coke and pig iron", "shortage of power supply", "the firm's products demand has
 * reduced extremely as the current situation of the jute industry is not good",
 * "severe competition with foreign products (especially Chinese and Indian products)".
 */
import { describe, expect, it } from 'vitest';
import { emptySimulation, metricAt, quietParams, testParams, runMonths } from '../../helpers/world.js';
import { addStaffedFirm, publishTownState } from '../../helpers/handBuilt.js';
import { step } from '../../../sim/step.js';
import { runOne } from '../../../sim/runOne.js';
import { metricNamesFor } from '../../../sim/observe.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import type { Simulation } from '../../../sim/simulation.js';

const constant = (value: number) => [{ year: 2000, value }];

/** The metric `name` of town `row` at `tick`, read from the host's columns. */
function metric(sim: Simulation, tick: number, row: number, name: string): number {
  const townNames = sim.world.params.towns.map((town) => town.name);
  return metricAt(
    { metrics: sim.host.metrics, metricNames: metricNamesFor(sim.world.params), townNames },
    tick,
    row,
    name,
  );
}

describe('material price shock (Bangladesh seed: "high prices of hard coke and pig iron")', () => {
  function oneMonth(materialIndex: number, passThrough = 0.5) {
    const sim = emptySimulation(
      quietParams(2, { shocks: { materialPriceIndex: constant(materialIndex), materialPassThrough: passThrough } }),
    );
    const firm = addStaffedFirm(sim.world, { cash: 1e5 });
    publishTownState(sim.world);
    runMonths(sim, 1);
    const f = sim.world.firms.cols;
    return { profit: f.profit[firm], price: f.price[firm], unitCost: f.unitCost[firm], sales: f.salesUnits[firm] };
  }

  it('a higher material price index lowers the profit of the same firm', () => {
    const base = oneMonth(1);
    const dear = oneMonth(1.5);
    const dearer = oneMonth(2);
    expect(dear.sales).toBe(base.sales);
    expect(dear.unitCost).toBeCloseTo(base.unitCost + 0.5 * 400, 9);
    expect(dear.profit).toBeLessThan(base.profit);
    expect(dearer.profit).toBeLessThan(dear.profit);
    // Half of the extra 200 per unit is passed on; the firm bears the other half on each unit sold.
    expect(dear.price).toBeCloseTo(base.price + 0.5 * 200, 9);
    expect(base.profit - dear.profit).toBeCloseTo(0.5 * 200 * base.sales, 6);
  });

  it('the more of the change firms pass on, the less their profit falls; full pass-through keeps it', () => {
    const base = oneMonth(1);
    const none = oneMonth(1.5, 0);
    const full = oneMonth(1.5, 1);
    expect(none.profit).toBeLessThan(oneMonth(1.5, 0.5).profit);
    expect(full.profit).toBeCloseTo(base.profit, 6);
    expect(full.price).toBeCloseTo(base.price + 200, 9);
  });

  it('a ramp in the path reaches firms month by month (index published in the towns store)', () => {
    const sim = emptySimulation(
      quietParams(2, {
        shocks: {
          materialPriceIndex: [
            { year: 2000, value: 1 },
            { year: 2001, value: 2 },
          ],
        },
      }),
    );
    addStaffedFirm(sim.world, { cash: 1e5 });
    publishTownState(sim.world);
    const seen: number[] = [];
    for (let month = 0; month < 14; month++) {
      step(sim);
      seen.push(sim.world.towns.cols.materialCostIndex[0]);
    }
    expect(seen[0]).toBe(1);
    expect(seen[6]).toBeCloseTo(1.5, 12);
    expect(seen[12]).toBe(2);
    expect(seen[13]).toBe(2);
  });
});

describe('power shortage (Bangladesh seed: "shortage of power supply")', () => {
  function oneMonth(power: number) {
    const sim = emptySimulation(quietParams(1000, { shocks: { powerAvailability: constant(power) } }));
    const firm = addStaffedFirm(sim.world, { cash: 1e5 });
    publishTownState(sim.world);
    runMonths(sim, 1);
    return { capacity: sim.world.firms.cols.capacityUnits[firm], sales: sim.world.firms.cols.salesUnits[firm] };
  }

  it('lower power availability lowers capacity and sales in proportion', () => {
    const full = oneMonth(1);
    const shortage = oneMonth(0.6);
    expect(full.capacity).toBeGreaterThan(0);
    expect(shortage.capacity).toBeCloseTo(0.6 * full.capacity, 12);
    expect(shortage.sales).toBeLessThan(full.sales);
    expect(shortage.sales).toBeCloseTo(0.6 * full.sales, 12);
  });

  it('without power nothing is produced or sold', () => {
    const dark = oneMonth(0);
    expect(dark.capacity).toBe(0);
    expect(dark.sales).toBe(0);
  });
});

describe('demand collapse (Bangladesh seed: jute mill items, "demand has reduced extremely")', () => {
  function collapse(demandIndex: { year: number; value: number }[]) {
    const params = quietParams(6, { shocks: { demandIndex }, exit: { lossMonthsToExit: 6 } });
    const sim = emptySimulation(params);
    const firms = [addStaffedFirm(sim.world, { cash: 500 }), addStaffedFirm(sim.world, { cash: 500 })];
    publishTownState(sim.world);
    runMonths(sim, 36);
    return { sim, firms };
  }
  const steady = constant(1);
  const crash = [
    { year: 2000.5, value: 1 },
    { year: 2001, value: 0.05 },
  ];

  it('lowers demand and sales from the month it starts', () => {
    const { sim: base } = collapse(steady);
    const { sim: shocked } = collapse(crash);
    for (const tick of [0, 6]) {
      expect(metric(shocked, tick, 0, 'salesUnits')).toBe(metric(base, tick, 0, 'salesUnits'));
    }
    expect(metric(shocked, 9, 0, 'demandUnits')).toBeCloseTo(6 * (1 - 0.95 * 0.5), 9);
    expect(metric(shocked, 9, 0, 'salesUnits')).toBeLessThan(metric(base, 9, 0, 'salesUnits'));
    expect(metric(shocked, 12, 0, 'demandUnits')).toBeCloseTo(0.3, 12);
  });

  it('held long enough, makes firms exit; without it they survive', () => {
    const base = collapse(steady);
    const shocked = collapse(crash);
    const exits = (sim: Simulation) => sim.host.events.filter((event) => event.type === 'exit');
    expect(exits(base.sim)).toHaveLength(0);
    for (const firm of base.firms) expect(base.sim.world.firms.cols.alive[firm]).toBe(1);
    expect(exits(shocked.sim)).toHaveLength(2);
    for (const event of exits(shocked.sim)) expect(event.tick).toBeGreaterThan(12);
  });

  it('a town’s own demand path replaces the scenario-wide one for that town only', () => {
    const town = (name: string) => ({
      name,
      initialFirms: 0,
      workersPerFirm: { min: 5, max: 5 },
      demand: { unitsPerMonth: 10, growthPerYear: 0 },
    });
    const params = quietParams(10, {
      towns: [town('Bogra'), { ...town('Tipu Sultan Road'), shocks: { demandIndex: constant(0.2) } }, town('Bonogram')],
      shocks: { demandIndex: constant(0.9) },
    });
    const sim = emptySimulation(params);
    runMonths(sim, 1);
    expect(Array.from(sim.world.towns.cols.demandUnits)).toEqual([9, 2, 9]);
  });
});

describe('import competition (Bangladesh seed: "competition with foreign products", Chinese and Indian)', () => {
  /** Two local firms whose combined capacity exceeds demand, so sales follow demand shares. */
  function market(imports: ScenarioInput['imports']) {
    const sim = emptySimulation(quietParams(5, { imports }));
    const firms = [addStaffedFirm(sim.world, { cash: 1e5 }), addStaffedFirm(sim.world, { cash: 1e5 })];
    publishTownState(sim.world);
    runMonths(sim, 1);
    const f = sim.world.firms.cols;
    return {
      firmSales: firms.reduce((sum, firm) => sum + f.salesUnits[firm], 0),
      firmShares: firms.reduce((sum, firm) => sum + f.demandShareUnits[firm], 0),
      importSales: metric(sim, 0, 0, 'importSalesUnits'),
      allTownsImportSales: metric(sim, 0, 1, 'importSalesUnits'),
      demand: metric(sim, 0, 0, 'demandUnits'),
      importPull: sim.world.towns.cols.importAttractiveness[0],
      townPull: sim.world.towns.cols.attractivenessSum[0],
    };
  }

  it('capacity share 0 (the default) means no import sales and the same market as without imports', () => {
    const none = market(undefined);
    const zero = market({ capacityShare: constant(0), priceIndex: constant(0.1), quality: constant(1) });
    expect(none.importSales).toBe(0);
    expect(zero.importSales).toBe(0);
    expect(zero.importPull).toBe(0);
    expect(zero.firmSales).toBe(none.firmSales);
  });

  it('cheaper imports take more of the market: firms sell less, imports more', () => {
    const none = market(undefined);
    const dear = market({ capacityShare: constant(0.5), priceIndex: constant(1.5) });
    const cheap = market({ capacityShare: constant(0.5), priceIndex: constant(0.8) });
    expect(dear.importSales).toBeGreaterThan(0);
    expect(cheap.importSales).toBeGreaterThan(dear.importSales);
    expect(dear.firmSales).toBeLessThan(none.firmSales);
    expect(cheap.firmSales).toBeLessThan(dear.firmSales);
  });

  it('better imports take more of the market: firms sell less, imports more', () => {
    const poor = market({ capacityShare: constant(0.5), quality: constant(0.1) });
    const good = market({ capacityShare: constant(0.5), quality: constant(0.9) });
    expect(good.importSales).toBeGreaterThan(poor.importSales);
    expect(good.firmSales).toBeLessThan(poor.firmSales);
  });

  it('imports sell at most their capacity, and firms and imports together at most the demand', () => {
    const flood = market({ capacityShare: constant(0.3), priceIndex: constant(0.01), quality: constant(1) });
    expect(flood.importSales).toBeCloseTo(0.3 * flood.demand, 12);
    expect(flood.allTownsImportSales).toBe(flood.importSales);
    for (const imports of [
      { capacityShare: constant(1), priceIndex: constant(0.5) },
      { capacityShare: constant(0.5), priceIndex: constant(1), quality: constant(0.2) },
    ]) {
      const result = market(imports);
      expect(result.firmSales + result.importSales).toBeLessThanOrEqual(result.demand * (1 + 1e-12));
      // Shares split the whole demand between firms and imports.
      expect(result.firmShares + (result.demand * result.importPull) / result.townPull).toBeCloseTo(result.demand, 9);
    }
  });
});

describe('shocks and imports in whole runs', () => {
  const params = () =>
    testParams({
      years: 6,
      towns: ['Bogra', 'Bonogram', 'Tipu Sultan Road'].map((name) => ({
        name,
        initialFirms: 8,
        workersPerFirm: { min: 2, max: 10 },
        demand: { unitsPerMonth: 60, growthPerYear: 0.05 },
      })),
      shocks: {
        materialPriceIndex: [
          { year: 2001, value: 1 },
          { year: 2002.5, value: 1.6 },
        ],
        powerAvailability: [
          { year: 2002, value: 1 },
          { year: 2003, value: 0.7 },
        ],
        demandIndex: [
          { year: 2003, value: 1 },
          { year: 2004, value: 0.5 },
        ],
      },
      imports: {
        capacityShare: [
          { year: 2001, value: 0 },
          { year: 2003, value: 0.6 },
        ],
        priceIndex: constant(0.9),
      },
      entry: { spinOffProbabilityPerMonth: 0.01, spinOffMinTenureMonths: 0, spinOffMinSkill: 0.3 },
    });

  it('give the same metrics at 1 and 3 threads, with import sales once imports open', async () => {
    const serial = await runOne({ params: params(), seed: 5, threads: 1 });
    const threaded = await runOne({ params: params(), seed: 5, threads: 3 });
    expect(Array.from(threaded.metrics)).toEqual(Array.from(serial.metrics));
    const all = serial.townNames.length;
    expect(metricAt(serial, 0, all, 'importSalesUnits')).toBe(0);
    expect(metricAt(serial, 12 * 4, all, 'importSalesUnits')).toBeGreaterThan(0);
    for (let tick = 0; tick < serial.ticks; tick++) {
      for (let row = 0; row <= all; row++) {
        const sold = metricAt(serial, tick, row, 'salesUnits') + metricAt(serial, tick, row, 'importSalesUnits');
        expect(sold).toBeLessThanOrEqual(metricAt(serial, tick, row, 'demandUnits') * (1 + 1e-12));
      }
    }
  });
});
