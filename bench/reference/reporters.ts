/**
 * The reference's reporters, Mesa's model reporters: `name -> (row) => number`, with
 * the formulas of sim/observe.ts written over named fields (the engine's reporters read
 * positions of a packed row). The output order, names and units come from the engine's
 * list (`reportersFor`), and every name there must have a reporter here.
 */
import type { ModelParams } from '../../sim/params.js';
import { reportersFor } from '../../sim/observe.js';
import { UPGRADING_TALLY } from '../../sim/model/phases/upgrading.js';
import type { ObservedRow } from './phases/observe.js';

type Report = (row: ObservedRow) => number;

const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : 0);

const REPORTERS: Record<string, Report> = {
  firms: (r) => r.totals.firms,
  entries: (r) => r.counts.entries,
  exits: (r) => r.counts.exits,
  workers: (r) => r.workforce.workers,
  employed: (r) => r.workforce.employed,
  apprentices: (r) => r.workforce.apprentices,
  unemployed: (r) => r.workforce.unemployed,
  hires: (r) => r.counts.hires,
  newApprentices: (r) => r.counts.newApprentices,
  quits: (r) => r.counts.quits,
  retirements: (r) => r.counts.retirements,
  meanSkill: (r) => ratio(r.workforce.skillSum, r.workforce.workers),
  meanCapability: (r) => ratio(r.totals.capabilitySum, r.totals.firms),
  maxCapability: (r) => r.totals.capabilityMax,
  demandUnits: (r) => r.demandUnits,
  salesUnits: (r) => r.totals.salesUnits,
  meanPrice: (r) => ratio(r.totals.priceTimesSales, r.totals.salesUnits),
  revenue: (r) => r.totals.revenue,
  profit: (r) => r.totals.profit,
  effort: (r) => r.totals.effort,
  debt: (r) => r.totals.debt,
  interest: (r) => r.totals.interest,
  borrowed: (r) => r.totals.borrowed,
  repaid: (r) => r.totals.repaid,
  cash: (r) => r.totals.cash,
  importSalesUnits: (r) => r.importSalesUnits,
  vendors: (r) => r.vendors.reduce((sum, count) => sum + count, 0),
  capabilityP10: (r) => r.capabilityP10,
  capabilityP50: (r) => r.capabilityP50,
  capabilityP90: (r) => r.capabilityP90,
  productsMade: (r) => r.productsMade,
  meanProductsPerFirm: (r) => ratio(r.totals.productsMade, r.totals.firms),
  fullyIntegratedShare: (r) => ratio(r.totals.fullyIntegrated, r.totals.firms),
  productLaunches: (r) => r.counts.productLaunches,
  incrementalLaunches: (r) => r.counts.incrementalLaunches,
  copies: (r) => r.counts.copies,
  firstLocalCopies: (r) => r.counts.firstLocalCopies,
  medianImitationLagMonths: (r) => r.medianLagMonths,
  lagObservations: (r) => r.lagObservations,
  herfindahlSales: (r) => ratio(r.totals.salesSquared, r.totals.salesUnits * r.totals.salesUnits),
  exportSalesUnits: (r) => r.totals.exportSalesUnits,
  designSpend: (r) => r.totals.designSpend,
  designRent: (r) => r.totals.designRent,
  investment: (r) => r.totals.investment + r.counts.machineSpendingOutsideMarket,
  machineValue: (r) => r.totals.machineValue,
  vendorEntries: (r) => r.counts.vendorEntries,
  vendorExits: (r) => r.counts.vendorExits,
  machinesBought: (r) => r.counts.machinesBought,
  trainingGraduates: (r) => r.counts.trainingGraduates,
  ownerGiveUps: (r) => r.counts.ownerGiveUps,
  outsiderEntries: (r) => r.counts.outsiderEntries,
  policySpending: (r) => r.policySpending,
  expectedLagMonths: (r) => r.expectedLagMonths,
  upgradedProduct: (r) => r.tally[UPGRADING_TALLY.product],
  upgradedProcess: (r) => r.tally[UPGRADING_TALLY.process],
  upgradedFunctional: (r) => r.tally[UPGRADING_TALLY.functional],
  upgradedInterSectoral: (r) => r.tally[UPGRADING_TALLY.interSectoral],
  upgradedMarketingLinkages: (r) => r.tally[UPGRADING_TALLY.marketingLinkages],
  upgradedFirms: (r) => r.tally[UPGRADING_TALLY.upgraded],
  downgradedFirms: (r) => r.tally[UPGRADING_TALLY.downgraded],
};

const lists = new WeakMap<ModelParams, Report[]>();

/** Reporters in the engine's output order; throws when the engine has a metric the reference lacks. */
export function reportersOf(params: ModelParams): Report[] {
  let list = lists.get(params);
  if (!list) {
    list = reportersFor(params).map(({ name }) => {
      const process = params.processes.findIndex((spec) => name === `vendors.${spec.name}`);
      if (process >= 0) return (r: ObservedRow) => r.vendors[process];
      const report = REPORTERS[name];
      if (!report) throw new Error(`bench/reference: no reporter for the engine's metric ${name}`);
      return report;
    });
    lists.set(params, list);
  }
  return list;
}
