/**
 * Observers: a declarative list of reporters `name -> (row) => number` (Mesa's
 * model reporters), evaluated each tick for every town and for all towns together,
 * written into preallocated metric columns. A row is assembled from the reduced
 * firm partials, the workforce totals, this tick's structural-change counts and
 * the town's demand and import sales.
 */
import type { Phase, Simulation } from './simulation.js';
import { HEADER } from './state/header.js';
import { PARTIAL, PARTIAL_FIELDS, MAX_FIELDS, townStride } from './model/partials.js';
import { TICK_COUNT, TICK_COUNT_FIELDS, WORKFORCE, WORKFORCE_FIELDS } from './host.js';

const FIRM_OFFSET = 0;
const WORKFORCE_OFFSET = PARTIAL_FIELDS;
const COUNT_OFFSET = WORKFORCE_OFFSET + WORKFORCE_FIELDS;
const DEMAND_OFFSET = COUNT_OFFSET + TICK_COUNT_FIELDS;
const IMPORT_SALES_OFFSET = DEMAND_OFFSET + 1;
const ROW_LENGTH = IMPORT_SALES_OFFSET + 1;

type Row = Float64Array;
const firm = (row: Row, field: number): number => row[FIRM_OFFSET + field];
const labour = (row: Row, field: number): number => row[WORKFORCE_OFFSET + field];
const count = (row: Row, field: number): number => row[COUNT_OFFSET + field];
const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : 0);

export interface Reporter {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
  readonly report: (row: Row) => number;
}

export const REPORTERS: readonly Reporter[] = [
  { name: 'firms', unit: 'firms', description: 'firms trading this month', report: (r) => firm(r, PARTIAL.firms) },
  {
    name: 'entries',
    unit: 'firms',
    description: 'new firms (spin-offs) this month',
    report: (r) => count(r, TICK_COUNT.entries),
  },
  { name: 'exits', unit: 'firms', description: 'firms closed this month', report: (r) => count(r, TICK_COUNT.exits) },
  {
    name: 'workers',
    unit: 'people',
    description: 'labour force (employed and unemployed)',
    report: (r) => labour(r, WORKFORCE.workers),
  },
  {
    name: 'employed',
    unit: 'people',
    description: 'workers with an employer, owners included',
    report: (r) => labour(r, WORKFORCE.employed),
  },
  {
    name: 'apprentices',
    unit: 'people',
    description: 'employed apprentices',
    report: (r) => labour(r, WORKFORCE.apprentices),
  },
  {
    name: 'unemployed',
    unit: 'people',
    description: 'workers without an employer',
    report: (r) => labour(r, WORKFORCE.unemployed),
  },
  {
    name: 'hires',
    unit: 'people',
    description: 'hires this month (new apprentices included)',
    report: (r) => count(r, TICK_COUNT.hires),
  },
  {
    name: 'newApprentices',
    unit: 'people',
    description: 'new entrants to the labour force this month',
    report: (r) => count(r, TICK_COUNT.newApprentices),
  },
  {
    name: 'quits',
    unit: 'people',
    description: 'workers leaving an employer this month',
    report: (r) => count(r, TICK_COUNT.quits),
  },
  {
    name: 'retirements',
    unit: 'people',
    description: 'workers leaving the labour force this month',
    report: (r) => count(r, TICK_COUNT.retirements),
  },
  {
    name: 'meanSkill',
    unit: 'skill [0,1]',
    description: 'mean trade skill of the labour force',
    report: (r) => ratio(labour(r, WORKFORCE.skillSum), labour(r, WORKFORCE.workers)),
  },
  {
    name: 'meanCapability',
    unit: 'capability [0,1]',
    description: 'mean technological capability of firms',
    report: (r) => ratio(firm(r, PARTIAL.capabilitySum), firm(r, PARTIAL.firms)),
  },
  {
    name: 'maxCapability',
    unit: 'capability [0,1]',
    description: 'highest technological capability',
    report: (r) => firm(r, PARTIAL.capabilityMax),
  },
  { name: 'demandUnits', unit: 'units/month', description: 'demand this month', report: (r) => r[DEMAND_OFFSET] },
  {
    name: 'salesUnits',
    unit: 'units/month',
    description: 'units sold this month',
    report: (r) => firm(r, PARTIAL.salesUnits),
  },
  {
    name: 'meanPrice',
    unit: 'money/unit',
    description: 'sales-weighted mean price',
    report: (r) => ratio(firm(r, PARTIAL.priceTimesSales), firm(r, PARTIAL.salesUnits)),
  },
  { name: 'revenue', unit: 'money/month', description: 'sales revenue', report: (r) => firm(r, PARTIAL.revenue) },
  {
    name: 'profit',
    unit: 'money/month',
    description: 'profit before technological effort',
    report: (r) => firm(r, PARTIAL.profit),
  },
  {
    name: 'effort',
    unit: 'money/month',
    description: 'spending on technological effort',
    report: (r) => firm(r, PARTIAL.effort),
  },
  {
    name: 'debt',
    unit: 'money',
    description: 'debt owed by trading firms',
    report: (r) => firm(r, PARTIAL.debt),
  },
  {
    name: 'interest',
    unit: 'money/month',
    description: 'interest paid on debt (included in profit)',
    report: (r) => firm(r, PARTIAL.interest),
  },
  {
    name: 'borrowed',
    unit: 'money/month',
    description: 'new borrowing to cover shortfalls',
    report: (r) => firm(r, PARTIAL.borrowed),
  },
  {
    name: 'repaid',
    unit: 'money/month',
    description: 'debt repaid from cash',
    report: (r) => firm(r, PARTIAL.repaid),
  },
  { name: 'cash', unit: 'money', description: 'cash held by trading firms', report: (r) => firm(r, PARTIAL.cash) },
  {
    name: 'importSalesUnits',
    unit: 'units/month',
    description: 'units of demand met by imports this month',
    report: (r) => r[IMPORT_SALES_OFFSET],
  },
];
export const METRIC_NAMES: readonly string[] = REPORTERS.map((reporter) => reporter.name);

function fillTownRow(sim: Simulation, town: number, row: Row): void {
  const { host, world } = sim;
  const stride = townStride(world.params);
  row.set(host.firmTotals.subarray(town * stride, town * stride + PARTIAL_FIELDS), FIRM_OFFSET);
  row.set(host.workforce.subarray(town * WORKFORCE_FIELDS, (town + 1) * WORKFORCE_FIELDS), WORKFORCE_OFFSET);
  row.set(host.tickCounts.subarray(town * TICK_COUNT_FIELDS, (town + 1) * TICK_COUNT_FIELDS), COUNT_OFFSET);
  row[DEMAND_OFFSET] = world.towns.cols.demandUnits[town];
  row[IMPORT_SALES_OFFSET] = world.towns.cols.importSalesUnits[town];
}

function addInto(total: Row, row: Row): void {
  for (let i = 0; i < ROW_LENGTH; i++) {
    const isMax = i >= FIRM_OFFSET && i < FIRM_OFFSET + PARTIAL_FIELDS && MAX_FIELDS.includes(i - FIRM_OFFSET);
    total[i] = isMax ? Math.max(total[i], row[i]) : total[i] + row[i];
  }
}

const townRow = new Float64Array(ROW_LENGTH);
const allTownsRow = new Float64Array(ROW_LENGTH);

export const observe: Phase = {
  name: 'observe',
  run(sim) {
    const tick = sim.world.header[HEADER.tick];
    const townCount = sim.world.params.towns.length;
    const metricCount = REPORTERS.length;
    const metrics = sim.host.metrics;
    allTownsRow.fill(0);
    for (let town = 0; town <= townCount; town++) {
      let row: Row;
      if (town < townCount) {
        fillTownRow(sim, town, townRow);
        addInto(allTownsRow, townRow);
        row = townRow;
      } else {
        row = allTownsRow;
      }
      const offset = (tick * (townCount + 1) + town) * metricCount;
      for (let m = 0; m < metricCount; m++) metrics[offset + m] = REPORTERS[m].report(row);
    }
  },
};
