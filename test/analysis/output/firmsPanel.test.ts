/**
 * firms.csv: one row per firm alive at each year end, consistent with the metric
 * columns, the events and the final firms; and the annual-panel phase on a hand-built world.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/load.js';
import { runOne, type RunResult } from '../../../sim/runOne.js';
import { firmsPanelCsv } from '../../../analysis/output/firmsPanelCsv.js';
import { formatNumber } from '../../../analysis/output/format.js';
import { annualPanel, createFirmPanel, panelRows, reservePanelRows } from '../../../sim/model/phases/annualPanel.js';
import { step } from '../../../sim/step.js';
import { emptySimulation, metricAt, testParams } from '../../helpers/world.js';
import { addStaffedFirm, publishTownState } from '../../helpers/handBuilt.js';
import { bitCount } from '../../../sim/model/rules/bits.js';
import { annualUpgrading } from '../../../sim/model/phases/upgrading.js';
import { addBareFirm, catalogueParams, observedSimulation, setTick } from '../../sim/observers/helpers.js';

const HEADER_LINE =
  'year,firm,town,parent,birthYear,ageMonths,headcount,apprentices,meanSkill,capability,cash,salesUnits,revenue,profit,effort,utilisation,' +
  'products,productsMask,inHouseProcesses,machineValue,debt,netWorth,exportSalesUnits,launches,copies,kinGroup,' +
  'upgradedProduct,upgradedProcess,upgradedFunctional,upgradedInterSectoral,upgradedMarketingLinkages,upgraded,downgraded';
const UPGRADING_COLUMNS = [
  'upgradedProduct',
  'upgradedProcess',
  'upgradedFunctional',
  'upgradedInterSectoral',
  'upgradedMarketingLinkages',
];

type PanelRow = Record<string, string>;

function parseCsv(text: string): { header: string; rows: PanelRow[] } {
  const lines = text.trimEnd().split('\n');
  const names = lines[0].split(',');
  const rows = lines.slice(1).map((line) => {
    const fields = line.split(',');
    expect(fields).toHaveLength(names.length);
    return Object.fromEntries(names.map((name, i) => [name, fields[i]]));
  });
  return { header: lines[0], rows };
}

describe('firms.csv on the default scenario (full horizon)', () => {
  let result: RunResult;
  let rows: PanelRow[];
  let header: string;
  beforeAll(async () => {
    const { params } = loadScenario('punjab-farm-equipment');
    result = await runOne({ params, seed: 11, threads: 1 });
    ({ header, rows } = parseCsv(firmsPanelCsv(result)));
  });

  const int = (row: PanelRow, name: string) => Number(row[name]);

  it('has the documented columns', () => {
    expect(header).toBe(HEADER_LINE);
    expect(rows).toHaveLength(result.firmPanel.rows);
  });

  it('has exactly one row per firm alive at each year end (firms minus exits in December)', () => {
    const allTowns = result.townNames.length;
    const { startYear, years } = result.params;
    for (let y = 0; y < years; y++) {
      const tick = 12 * y + 11;
      const alive = metricAt(result, tick, allTowns, 'firms') - metricAt(result, tick, allTowns, 'exits');
      const inYear = rows.filter((row) => int(row, 'year') === startYear + y);
      expect(inYear).toHaveLength(alive);
      expect(new Set(inYear.map((row) => row.firm)).size).toBe(inYear.length);
      result.townNames.forEach((name, town) => {
        const aliveInTown = metricAt(result, tick, town, 'firms') - metricAt(result, tick, town, 'exits');
        expect(inYear.filter((row) => row.town === name)).toHaveLength(aliveInTown);
      });
    }
  });

  it('lists rows in year, then firm-id order', () => {
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      const ordered = int(a, 'year') < int(b, 'year') || (a.year === b.year && int(a, 'firm') < int(b, 'firm'));
      expect(ordered).toBe(true);
    }
  });

  it('shows each firm in consecutive years from its birth year to the year before its exit (or the end)', () => {
    const { startYear, years } = result.params;
    const lastYear = startYear + years - 1;
    const exitYear = new Map<number, number>();
    for (const event of result.events)
      if (event.type === 'exit') exitYear.set(event.firm, startYear + Math.floor(event.tick / 12));
    const yearsOf = new Map<number, number[]>();
    for (const row of rows) {
      const firm = int(row, 'firm');
      if (!yearsOf.has(firm)) yearsOf.set(firm, []);
      yearsOf.get(firm)!.push(int(row, 'year'));
    }
    expect(exitYear.size).toBeGreaterThan(0);
    for (const [firm, seen] of yearsOf) {
      const birthYear = int(
        rows.find((row) => int(row, 'firm') === firm)!,
        'birthYear',
      );
      const last = exitYear.has(firm) ? exitYear.get(firm)! - 1 : lastYear;
      const expected = Array.from({ length: last - birthYear + 1 }, (_, i) => birthYear + i);
      expect(seen).toEqual(expected);
    }
    // Every firm ever created that lived to a December is in the panel.
    for (let firm = 0; firm < result.firmsEverCreated; firm++) {
      const entry = result.events.find((e) => e.type === 'entry' && e.firm === firm);
      const born = entry ? startYear + Math.floor(entry.tick / 12) : startYear;
      const diesBeforeDecember = exitYear.has(firm) && exitYear.get(firm) === born;
      expect(yearsOf.has(firm)).toBe(!diesBeforeDecember);
    }
  });

  it('gives ages consistent with the birth year, and the parent of founding firms as -1', () => {
    const { startYear } = result.params;
    for (const row of rows) {
      const tick = (int(row, 'year') - startYear) * 12 + 11;
      const birthTick = tick - int(row, 'ageMonths');
      expect(int(row, 'ageMonths')).toBeGreaterThanOrEqual(0);
      expect(int(row, 'birthYear')).toBe(startYear + Math.floor(birthTick / 12));
      if (int(row, 'birthYear') === startYear && birthTick === 0) expect(int(row, 'parent')).toBe(-1);
      if (int(row, 'parent') >= 0) expect(int(row, 'parent')).toBeLessThan(int(row, 'firm'));
      expect(int(row, 'apprentices')).toBeLessThanOrEqual(int(row, 'headcount'));
    }
  });

  it('gives net worth as cash - debt + machine value, product counts from the mask, and 0/1 upgrading flags', () => {
    for (const row of rows) {
      const [cash, debt, machines, netWorth] = ['cash', 'debt', 'machineValue', 'netWorth'].map((c) => Number(row[c]));
      // Each field is printed to 10 significant digits.
      const tolerance = 1e-9 * (Math.abs(cash) + Math.abs(debt) + Math.abs(machines) + Math.abs(netWorth)) + 1e-12;
      expect(Math.abs(netWorth - (cash - debt + machines))).toBeLessThanOrEqual(tolerance);
      expect(int(row, 'products')).toBe(bitCount(int(row, 'productsMask')));
      expect(int(row, 'inHouseProcesses')).toBeLessThanOrEqual(result.params.processes.length);
      for (const name of [...UPGRADING_COLUMNS, 'upgraded', 'downgraded']) expect(['0', '1']).toContain(row[name]);
      expect(int(row, 'upgraded')).toBe(UPGRADING_COLUMNS.some((name) => row[name] === '1') ? 1 : 0);
    }
  });

  it('agrees with the December upgrading metrics: firms upgraded, and firms downgraded plus the year’s exits', () => {
    const { startYear, years } = result.params;
    const exitsIn = (year: number, town: number) =>
      result.events.filter((e) => e.type === 'exit' && startYear + Math.floor(e.tick / 12) === year && e.town === town)
        .length;
    for (let y = 0; y < years; y++) {
      const tick = 12 * y + 11;
      result.townNames.forEach((name, town) => {
        const inYear = rows.filter((row) => int(row, 'year') === startYear + y && row.town === name);
        const sum = (column: string) => inYear.reduce((s, row) => s + int(row, column), 0);
        expect(metricAt(result, tick, town, 'upgradedFirms')).toBe(sum('upgraded'));
        expect(metricAt(result, tick, town, 'upgradedProcess')).toBe(sum('upgradedProcess'));
        expect(metricAt(result, tick, town, 'downgradedFirms')).toBe(sum('downgraded') + exitsIn(startYear + y, town));
      });
    }
  });

  it('ends with the final firms: the last year-end is the last tick', () => {
    const lastYear = result.params.startYear + result.params.years - 1;
    const last = rows.filter((row) => int(row, 'year') === lastYear);
    const final = result.finalFirms;
    expect(last.map((row) => int(row, 'firm'))).toEqual(Array.from(final.id));
    last.forEach((row, i) => {
      expect(row.town).toBe(result.townNames[final.town[i]]);
      expect(row.cash).toBe(formatNumber(final.cash[i]));
      expect(row.capability).toBe(formatNumber(final.capability[i]));
      expect(int(row, 'headcount')).toBe(final.headcount[i]);
    });
  });
});

describe('annual-panel phase', () => {
  it('takes a snapshot in December only, with mid-month head-count and end-of-month accounts', () => {
    const params = testParams({
      labour: { quitProbabilityPerMonth: 0, retireProbabilityPerMonth: 0, layoffProbabilityPerMonth: 0 },
      entry: { spinOffProbabilityPerMonth: 0 },
    });
    const sim = emptySimulation(params);
    const firm = addStaffedFirm(sim.world, { journeymen: 3, apprentices: 1, skill: 0.4 });
    publishTownState(sim.world);
    for (let month = 0; month < 11; month++) step(sim);
    expect(sim.host.panel.rows).toBe(0);
    step(sim);
    const panel = sim.host.panel;
    expect(panel.rows).toBe(1);
    const f = sim.world.firms.cols;
    const p = panel.cols;
    expect([p.year[0], p.firm[0], p.town[0], p.parent[0], p.birthYear[0], p.ageMonths[0]]).toEqual([
      2000,
      firm,
      0,
      -1,
      2000,
      11,
    ]);
    expect(p.headcount[0]).toBe(f.headcount[firm]);
    expect(p.apprentices[0]).toBe(f.apprentices[firm]);
    expect(p.meanSkill[0]).toBeCloseTo(f.skillSum[firm] / f.headcount[firm], 12);
    expect(p.cash[0]).toBe(f.cash[firm]);
    expect(p.capability[0]).toBe(f.capability[firm]);
    expect(p.revenue[0]).toBe(f.revenue[firm]);
    for (let month = 0; month < 12; month++) step(sim);
    expect(panel.rows).toBe(2);
    expect([p.year[1], p.ageMonths[1]]).toEqual([2001, 23]);
  });

  it('writes the new columns with town names and whole numbers for masks, counts and flags', () => {
    const sim = observedSimulation(catalogueParams(2));
    setTick(sim, 11);
    const f = sim.world.firms.cols;
    const id = addBareFirm(sim, { town: 1, cash: 250.5, debt: 50, machineValue: 100, products: 0b1001 });
    f.inHouse[id] = 0b11;
    f.kinGroup[id] = 2;
    f.netWorthAtYearStart[id] = 1000;
    f.capabilityAtYearStart[id] = f.capability[id];
    f.upgradeFlags[id] = 4; // functional
    annualUpgrading.run(sim);
    annualPanel.run(sim);
    const result = {
      firmPanel: { rows: sim.host.panel.rows, cols: panelRows(sim.host.panel) },
      townNames: ['Alpha', 'Beta'],
    };
    const { header, rows } = parseCsv(firmsPanelCsv(result));
    expect(header).toBe(HEADER_LINE);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row.town).toBe('Beta');
    expect([row.products, row.productsMask, row.inHouseProcesses, row.kinGroup]).toEqual(['2', '9', '2', '2']);
    expect([row.machineValue, row.debt, row.netWorth]).toEqual(['90', '50', '290.5']);
    expect(UPGRADING_COLUMNS.map((name) => row[name])).toEqual(['0', '0', '1', '0', '0']);
    expect([row.upgraded, row.downgraded]).toEqual(['1', '1']);
  });

  it('grows its columns keeping the rows already written', () => {
    const panel = createFirmPanel(2);
    panel.cols.firm.set([7, 8]);
    panel.cols.cash.set([1.5, 2.5]);
    panel.rows = 2;
    reservePanelRows(panel, 3000);
    expect(panel.cols.firm.length).toBeGreaterThanOrEqual(3002);
    expect(Array.from(panel.cols.firm.subarray(0, 2))).toEqual([7, 8]);
    expect(Array.from(panel.cols.cash.subarray(0, 2))).toEqual([1.5, 2.5]);
    const before = panel.cols;
    reservePanelRows(panel, 10);
    expect(panel.cols).toBe(before);
  });
});
