/**
 * Observers: a declarative list of reporters `name -> (row) => number` (Mesa's
 * model reporters), evaluated each tick for every town and for all towns together,
 * written into preallocated metric columns. The list depends on the scenario (one
 * vendor count per process of its catalogue): `reportersFor(params)`.
 *
 * A row is assembled from the reduced firm partials, the workforce totals, this
 * tick's structural-change counts, town state (demand, import sales, policy
 * spending, expected imitation lag), town statistics computed here each month
 * (capability quantiles, distinct products, imitation lags: sim/observers/
 * townStatistics.ts), the year's upgrading tallies (December only:
 * sim/model/phases/upgrading.ts) and the vendors of each process.
 *
 * The all-towns row adds the town rows (the maximum for `maxCapability`); ratios
 * and shares are then taken of those sums, so they are the values of the towns
 * pooled. Fields that are not sums are computed for all towns directly: capability
 * quantiles over all firms, distinct products over all towns, the median lag over
 * all towns' lags, and the expected imitation lag as the firm-weighted mean of the
 * towns' (the plain mean when no town has firms).
 */
import type { Phase, Simulation } from './simulation.js';
import type { ModelParams } from './params.js';
import { HEADER } from './state/header.js';
import { PARTIAL, PARTIAL_FIELDS, MAX_FIELDS, townStride } from './model/partials.js';
import { TICK_COUNT, TICK_COUNT_FIELDS, WORKFORCE, WORKFORCE_FIELDS } from './host.js';
import { computeTownStatistics } from './observers/townStatistics.js';
import { UPGRADING_TALLY, UPGRADING_TALLY_FIELDS, upgradingYearAt } from './model/phases/upgrading.js';

const FIRM_OFFSET = 0;
const WORKFORCE_OFFSET = PARTIAL_FIELDS;
const COUNT_OFFSET = WORKFORCE_OFFSET + WORKFORCE_FIELDS;
/** Town state: summed over towns except `expectedLagMonths` (firm-weighted mean). */
const TOWN_OFFSET = COUNT_OFFSET + TICK_COUNT_FIELDS;
const TOWN = { demandUnits: 0, importSalesUnits: 1, policySpending: 2, expectedLagMonths: 3 } as const;
const TOWN_FIELDS = Object.keys(TOWN).length;
/** Town statistics: computed for all towns directly, never summed. */
const STATS_OFFSET = TOWN_OFFSET + TOWN_FIELDS;
const STATS = {
  capabilityP10: 0,
  capabilityP50: 1,
  capabilityP90: 2,
  productsMade: 3,
  lagObservations: 4,
  medianLagMonths: 5,
} as const;
const STATS_FIELDS = Object.keys(STATS).length;
/** The year's upgrading tallies (December; summed). */
const TALLY_OFFSET = STATS_OFFSET + STATS_FIELDS;
/** Vendors of each process, then nothing: the row's length depends on the catalogue. */
const VENDORS_OFFSET = TALLY_OFFSET + UPGRADING_TALLY_FIELDS;

type Row = Float64Array;
const firm = (row: Row, field: number): number => row[FIRM_OFFSET + field];
const labour = (row: Row, field: number): number => row[WORKFORCE_OFFSET + field];
const count = (row: Row, field: number): number => row[COUNT_OFFSET + field];
const town = (row: Row, field: number): number => row[TOWN_OFFSET + field];
const stat = (row: Row, field: number): number => row[STATS_OFFSET + field];
const tally = (row: Row, field: number): number => row[TALLY_OFFSET + field];
const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : 0);
const rowLength = (params: ModelParams): number => VENDORS_OFFSET + params.processes.length;

export interface Reporter {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
  readonly report: (row: Row) => number;
}

/** The original 26 reporters, in output order. */
const BASE_REPORTERS: readonly Reporter[] = [
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
  {
    name: 'demandUnits',
    unit: 'units/month',
    description: 'demand this month',
    report: (r) => town(r, TOWN.demandUnits),
  },
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
    report: (r) => town(r, TOWN.importSalesUnits),
  },
];

const DECEMBER_ONLY = 'counted in December for the calendar year, 0 in other months';

/** Reporters after the vendors of each process. */
const MODEL_REPORTERS: readonly Reporter[] = [
  {
    name: 'capabilityP10',
    unit: 'capability [0,1]',
    description: '10th percentile of capability of firms alive at month end (linear interpolation; 0 when none)',
    report: (r) => stat(r, STATS.capabilityP10),
  },
  {
    name: 'capabilityP50',
    unit: 'capability [0,1]',
    description: 'median capability of firms alive at month end (0 when none)',
    report: (r) => stat(r, STATS.capabilityP50),
  },
  {
    name: 'capabilityP90',
    unit: 'capability [0,1]',
    description: '90th percentile of capability of firms alive at month end (0 when none)',
    report: (r) => stat(r, STATS.capabilityP90),
  },
  {
    name: 'productsMade',
    unit: 'products',
    description: 'distinct products made by firms alive at month end (all towns: distinct over all towns)',
    report: (r) => stat(r, STATS.productsMade),
  },
  {
    name: 'meanProductsPerFirm',
    unit: 'products/firm',
    description: 'mean number of products a trading firm makes',
    report: (r) => ratio(firm(r, PARTIAL.productsMade), firm(r, PARTIAL.firms)),
  },
  {
    name: 'fullyIntegratedShare',
    unit: 'share [0,1]',
    description: 'share of trading firms doing every process of their products in-house',
    report: (r) => ratio(firm(r, PARTIAL.fullyIntegrated), firm(r, PARTIAL.firms)),
  },
  {
    name: 'productLaunches',
    unit: 'designs',
    description: 'new products launched this month (innovation: a frontier product reverse-engineered)',
    report: (r) => count(r, TICK_COUNT.productLaunches),
  },
  {
    name: 'incrementalLaunches',
    unit: 'designs',
    description: 'incremental improvements of products already made, launched this month',
    report: (r) => count(r, TICK_COUNT.incrementalLaunches),
  },
  {
    name: 'copies',
    unit: 'designs',
    description: 'copies of designs sold for the first time this month',
    report: (r) => count(r, TICK_COUNT.copies),
  },
  {
    name: 'firstLocalCopies',
    unit: 'designs',
    description: "first copies in the originator's town this month (they end the originator's rent)",
    report: (r) => count(r, TICK_COUNT.firstLocalCopies),
  },
  {
    name: 'medianImitationLagMonths',
    unit: 'months',
    description:
      'median months from launch to first local copy, over first local copies made this month and the 11 before (by originator town; 0 when lagObservations is 0)',
    report: (r) => stat(r, STATS.medianLagMonths),
  },
  {
    name: 'lagObservations',
    unit: 'designs',
    description: 'first local copies behind medianImitationLagMonths (this month and the 11 before)',
    report: (r) => stat(r, STATS.lagObservations),
  },
  {
    name: 'herfindahlSales',
    unit: 'index [0,1]',
    description:
      "Herfindahl index of firms' unit sales this month (sum of squared shares; all towns: one pooled market)",
    report: (r) => {
      const sales = firm(r, PARTIAL.salesUnits);
      return ratio(firm(r, PARTIAL.salesSquared), sales * sales);
    },
  },
  {
    name: 'exportSalesUnits',
    unit: 'units/month',
    description: 'units sold to foreign buyers this month (export linkage)',
    report: (r) => firm(r, PARTIAL.exportSalesUnits),
  },
  {
    name: 'designSpend',
    unit: 'money/month',
    description: 'design and copying work paid this month (part of effort)',
    report: (r) => firm(r, PARTIAL.designSpend),
  },
  {
    name: 'designRent',
    unit: 'money/month',
    description: 'innovation rent earned this month on fresh designs not yet copied locally',
    report: (r) => firm(r, PARTIAL.designRent),
  },
  {
    name: 'investment',
    unit: 'money/month',
    description: "machine spending this month: make-or-buy investments, machines for launches, entrants' machines",
    report: (r) => firm(r, PARTIAL.investment) + count(r, TICK_COUNT.machineSpendingOutsideMarket),
  },
  {
    name: 'machineValue',
    unit: 'money',
    description: 'book value of machines owned by trading firms',
    report: (r) => firm(r, PARTIAL.machineValue),
  },
  {
    name: 'vendorEntries',
    unit: 'vendors',
    description: 'specialist vendors that opened this month',
    report: (r) => count(r, TICK_COUNT.vendorEntries),
  },
  {
    name: 'vendorExits',
    unit: 'vendors',
    description: 'specialist vendors that closed this month',
    report: (r) => count(r, TICK_COUNT.vendorExits),
  },
  {
    name: 'machinesBought',
    unit: 'machines',
    description: "machines bought this month (make-or-buy investments, machines for launches, entrants' machines)",
    report: (r) => count(r, TICK_COUNT.machinesBought),
  },
  {
    name: 'trainingGraduates',
    unit: 'people',
    description: 'training-centre graduates joining the labour force this month',
    report: (r) => count(r, TICK_COUNT.trainingGraduates),
  },
  {
    name: 'ownerGiveUps',
    unit: 'firms',
    description: 'firms closed this month because the owner gave up (part of exits)',
    report: (r) => count(r, TICK_COUNT.ownerGiveUps),
  },
  {
    name: 'outsiderEntries',
    unit: 'firms',
    description:
      'workshops opened this month by founders from outside the cluster (part of entries; each founder joins the labour force as its owner)',
    report: (r) => count(r, TICK_COUNT.outsiderEntries),
  },
  {
    name: 'policySpending',
    unit: 'money/month',
    description: 'public spending on policies in force this month',
    report: (r) => town(r, TOWN.policySpending),
  },
  {
    name: 'expectedLagMonths',
    unit: 'months',
    description: "imitation lag firms expect (all towns: firm-weighted mean of the towns')",
    report: (r) => town(r, TOWN.expectedLagMonths),
  },
  {
    name: 'upgradedProduct',
    unit: 'firms',
    description: `firms that launched or copied a new product or design (product upgrading), ${DECEMBER_ONLY}`,
    report: (r) => tally(r, UPGRADING_TALLY.product),
  },
  {
    name: 'upgradedProcess',
    unit: 'firms',
    description: `firms that bought a machine or raised capability by upgrading.processCapabilityStep (process upgrading), ${DECEMBER_ONLY}`,
    report: (r) => tally(r, UPGRADING_TALLY.process),
  },
  {
    name: 'upgradedFunctional',
    unit: 'firms',
    description: `firms that took on design with a first new-product launch (functional upgrading), ${DECEMBER_ONLY}`,
    report: (r) => tally(r, UPGRADING_TALLY.functional),
  },
  {
    name: 'upgradedInterSectoral',
    unit: 'firms',
    description: `firms that started serving a new customer sector (inter-sectoral upgrading), ${DECEMBER_ONLY}`,
    report: (r) => tally(r, UPGRADING_TALLY.interSectoral),
  },
  {
    name: 'upgradedMarketingLinkages',
    unit: 'firms',
    description: `firms that found new buyers: a first export sale or exhibiting at a fair (marketing linkages), ${DECEMBER_ONLY}`,
    report: (r) => tally(r, UPGRADING_TALLY.marketingLinkages),
  },
  {
    name: 'upgradedFirms',
    unit: 'firms',
    description: `firms alive in December with any of the five upgrading types, ${DECEMBER_ONLY}`,
    report: (r) => tally(r, UPGRADING_TALLY.upgraded),
  },
  {
    name: 'downgradedFirms',
    unit: 'firms',
    description: `firms whose net worth fell by upgrading.downgradeNetWorthFall or more or that dropped a product, plus firms that closed during the year, ${DECEMBER_ONLY}`,
    report: (r) => tally(r, UPGRADING_TALLY.downgraded),
  },
];

function vendorReporters(params: ModelParams): Reporter[] {
  const perProcess = params.processes.map((process, k): Reporter => {
    const field = VENDORS_OFFSET + k;
    return {
      name: `vendors.${process.name}`,
      unit: 'vendors',
      description: `specialist vendors of ${process.name} in business at month end`,
      report: (r) => r[field],
    };
  });
  const processCount = params.processes.length;
  const total: Reporter = {
    name: 'vendors',
    unit: 'vendors',
    description: 'specialist vendors of all processes in business at month end',
    report: (r) => {
      let sum = 0;
      for (let k = 0; k < processCount; k++) sum += r[VENDORS_OFFSET + k];
      return sum;
    },
  };
  return [...perProcess, total];
}

const reporterLists = new WeakMap<ModelParams, readonly Reporter[]>();

/**
 * The metrics of a run of these parameters, in output order: the original 26, the
 * vendors of each process of the catalogue (`vendors.<process name>`), all vendors,
 * then the model reporters. The same parameter object always gets the same list.
 */
export function reportersFor(params: ModelParams): readonly Reporter[] {
  let reporters = reporterLists.get(params);
  if (!reporters) {
    reporters = [...BASE_REPORTERS, ...vendorReporters(params), ...MODEL_REPORTERS];
    reporterLists.set(params, reporters);
  }
  return reporters;
}

export function metricNamesFor(params: ModelParams): readonly string[] {
  return reportersFor(params).map((reporter) => reporter.name);
}

/** Row buffers per parameter object (observe runs on the main thread, one tick at a time). */
interface RowBuffers {
  townRow: Row;
  allTownsRow: Row;
}
const rowBuffers = new WeakMap<ModelParams, RowBuffers>();

function buffersFor(params: ModelParams): RowBuffers {
  let buffers = rowBuffers.get(params);
  if (!buffers) {
    const length = rowLength(params);
    buffers = { townRow: new Float64Array(length), allTownsRow: new Float64Array(length) };
    rowBuffers.set(params, buffers);
  }
  return buffers;
}

const NO_TALLY = new Float64Array(UPGRADING_TALLY_FIELDS);

function fillTownRow(sim: Simulation, t: number, yearTally: Float64Array | null, row: Row): void {
  const { host, world } = sim;
  const params = world.params;
  const stride = townStride(params);
  row.set(host.firmTotals.subarray(t * stride, t * stride + PARTIAL_FIELDS), FIRM_OFFSET);
  row.set(host.workforce.subarray(t * WORKFORCE_FIELDS, (t + 1) * WORKFORCE_FIELDS), WORKFORCE_OFFSET);
  row.set(host.tickCounts.subarray(t * TICK_COUNT_FIELDS, (t + 1) * TICK_COUNT_FIELDS), COUNT_OFFSET);
  const towns = world.towns.cols;
  row[TOWN_OFFSET + TOWN.demandUnits] = towns.demandUnits[t];
  row[TOWN_OFFSET + TOWN.importSalesUnits] = towns.importSalesUnits[t];
  row[TOWN_OFFSET + TOWN.policySpending] = towns.policySpending[t];
  row[TOWN_OFFSET + TOWN.expectedLagMonths] = towns.expectedLagMonths[t];
  row.set(
    yearTally ? yearTally.subarray(t * UPGRADING_TALLY_FIELDS, (t + 1) * UPGRADING_TALLY_FIELDS) : NO_TALLY,
    TALLY_OFFSET,
  );
  const processCount = params.processes.length;
  const vendors = world.townProcesses.cols.vendors;
  for (let k = 0; k < processCount; k++) row[VENDORS_OFFSET + k] = vendors[t * processCount + k];
}

function addInto(total: Row, row: Row): void {
  for (let i = 0; i < row.length; i++) {
    const isMax = i >= FIRM_OFFSET && i < FIRM_OFFSET + PARTIAL_FIELDS && MAX_FIELDS.includes(i - FIRM_OFFSET);
    total[i] = isMax ? Math.max(total[i], row[i]) : total[i] + row[i];
  }
}

function setStatistics(row: Row, stats: ReturnType<typeof computeTownStatistics>, index: number): void {
  row[STATS_OFFSET + STATS.capabilityP10] = stats.capabilityP10[index];
  row[STATS_OFFSET + STATS.capabilityP50] = stats.capabilityP50[index];
  row[STATS_OFFSET + STATS.capabilityP90] = stats.capabilityP90[index];
  row[STATS_OFFSET + STATS.productsMade] = stats.productsMade[index];
  row[STATS_OFFSET + STATS.lagObservations] = stats.lagObservations[index];
  row[STATS_OFFSET + STATS.medianLagMonths] = stats.medianLagMonths[index];
}

/** Firm-weighted mean of the towns' expected lags (the plain mean when no town has firms). */
function pooledExpectedLag(sim: Simulation): number {
  const { host, world } = sim;
  const townCount = world.params.towns.length;
  const stride = townStride(world.params);
  const lags = world.towns.cols.expectedLagMonths;
  let weighted = 0;
  let firms = 0;
  let plain = 0;
  for (let t = 0; t < townCount; t++) {
    const n = host.firmTotals[t * stride + PARTIAL.firms];
    weighted += n * lags[t];
    firms += n;
    plain += lags[t];
  }
  return firms > 0 ? weighted / firms : ratio(plain, townCount);
}

/** Fill the metric columns of the current tick (every town, then all towns). */
export function observeTick(sim: Simulation): void {
  const { world, host } = sim;
  const params = world.params;
  const tick = world.header[HEADER.tick];
  const townCount = params.towns.length;
  const reporters = reportersFor(params);
  const metricCount = reporters.length;
  const metrics = host.metrics;
  const { townRow, allTownsRow } = buffersFor(params);
  const stats = computeTownStatistics(sim);
  const year = upgradingYearAt(host, tick);
  const yearTally = year ? year.tally : null;
  allTownsRow.fill(0);
  for (let t = 0; t <= townCount; t++) {
    let row: Row;
    if (t < townCount) {
      fillTownRow(sim, t, yearTally, townRow);
      addInto(allTownsRow, townRow);
      setStatistics(townRow, stats, t);
      row = townRow;
    } else {
      setStatistics(allTownsRow, stats, townCount);
      allTownsRow[TOWN_OFFSET + TOWN.expectedLagMonths] = pooledExpectedLag(sim);
      row = allTownsRow;
    }
    const offset = (tick * (townCount + 1) + t) * metricCount;
    for (let m = 0; m < metricCount; m++) metrics[offset + m] = reporters[m].report(row);
  }
}

export const observe: Phase = {
  name: 'observe',
  run: observeTick,
};
