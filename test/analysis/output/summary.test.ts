/**
 * summary.json from a hand-made run result: the money balance with kin help and
 * machine spending, totals over the run of the new metrics, imitation lags and
 * design counts from the events.
 */
import { describe, expect, it } from 'vitest';
import { accountsImbalance, buildSummary } from '../../../analysis/output/summary.js';
import { metricNamesFor, reportersFor } from '../../../sim/observe.js';
import type { RunResult } from '../../../sim/runOne.js';
import type { SimEvent } from '../../../sim/host.js';
import { createFirmPanel, panelRows } from '../../../sim/model/phases/annualPanel.js';
import { catalogueParams } from '../../sim/observers/helpers.js';

function handMadeResult(events: SimEvent[] = []): RunResult {
  const params = catalogueParams(2, 1);
  const ticks = 12;
  const metricNames = metricNamesFor(params);
  const panel = createFirmPanel();
  return {
    seed: 1,
    threads: 1,
    params,
    ticks,
    townNames: params.towns.map((town) => town.name),
    metricNames,
    metricUnits: reportersFor(params).map((reporter) => reporter.unit),
    metrics: new Float64Array(ticks * 3 * metricNames.length),
    events,
    streamed: false,
    accounts: { equityInjected: 5000, equityWithdrawn: 300, kinHelpGiven: 400, machineSpending: 1000, ownerDraws: 200 },
    finalFirms: {
      id: Int32Array.from([0, 1]),
      town: Int32Array.from([0, 1]),
      parent: Int32Array.from([-1, -1]),
      birthTick: Int32Array.from([0, 0]),
      capability: Float64Array.from([0.2, 0.6]),
      cash: Float64Array.from([2500, 2000]),
      debt: Float64Array.from([100, 500]),
      headcount: Int32Array.from([5, 5]),
    },
    firmPanel: { rows: 0, cols: panelRows(panel) },
    firmsEverCreated: 2,
    workersEverCreated: 10,
  };
}

function setMetric(result: RunResult, tick: number, row: number, name: string, value: number): void {
  const m = result.metricNames.indexOf(name);
  result.metrics[(tick * (result.townNames.length + 1) + row) * result.metricNames.length + m] = value;
}

describe('the money balance', () => {
  it('is capital in + kin help + retained profit - machine spending - owner draws - capital out - (cash - debt)', () => {
    expect(
      accountsImbalance({
        equityInjected: 1000,
        kinHelpGiven: 50,
        retainedProfit: 200,
        machineSpending: 300,
        ownerDraws: 40,
        equityWithdrawn: 100,
        cashHeld: 900,
        debtOwed: 50,
      }),
    ).toBe(1000 + 50 + 200 - 300 - 40 - 100 - (900 - 50));
  });

  it('balances a run whose flows add up, with retained profit = profit - effort over the run', () => {
    const result = handMadeResult();
    // Cash 4500 - debt 600 = 3900 = 5000 + 400 + retained - 1000 - 200 - 300  =>  retained = 0.
    setMetric(result, 3, 2, 'profit', 700);
    setMetric(result, 9, 2, 'effort', 450);
    setMetric(result, 10, 2, 'effort', 250);
    const summary = buildSummary(result, 'hand-made') as { accounts: Record<string, number> };
    expect(summary.accounts).toEqual({
      equityInjected: 5000,
      kinHelpGiven: 400,
      retainedProfit: 0,
      machineSpending: 1000,
      ownerDraws: 200,
      equityWithdrawn: 300,
      cashHeldBySurvivingFirms: 4500,
      debtOwedBySurvivingFirms: 600,
      imbalance: 0,
    });
  });

  it('shows the machine spending a run failed to book as an imbalance', () => {
    const result = handMadeResult();
    result.accounts.machineSpending = 800;
    const summary = buildSummary(result, 'hand-made') as { accounts: Record<string, number> };
    expect(summary.accounts.imbalance).toBe(200);
  });
});

describe('totals over the run', () => {
  it('sums the new count and flow metrics per town and for all towns', () => {
    const result = handMadeResult();
    const summed = [
      'productLaunches',
      'incrementalLaunches',
      'copies',
      'firstLocalCopies',
      'vendorEntries',
      'vendorExits',
      'machinesBought',
      'trainingGraduates',
      'ownerGiveUps',
      'investment',
      'designSpend',
      'policySpending',
      'exportSalesUnits',
      'upgradedFirms',
      'downgradedFirms',
    ];
    summed.forEach((name, i) => {
      setMetric(result, 0, 0, name, i + 1);
      setMetric(result, 11, 0, name, 10);
      setMetric(result, 5, 2, name, 100 * (i + 1));
    });
    const { overRun } = buildSummary(result, 'hand-made') as { overRun: Record<string, Record<string, number>> };
    summed.forEach((name, i) => {
      expect(overRun.Alpha[name]).toBe(i + 11);
      expect(overRun.Beta[name]).toBe(0);
      expect(overRun.all[name]).toBe(100 * (i + 1));
    });
    expect(overRun.all.entries).toBe(0);
  });
});

const launch = (tick: number, design: number, kind: 'product' | 'incremental'): SimEvent => ({
  type: 'launch',
  tick,
  design,
  firm: 0,
  town: 0,
  product: 1,
  kind,
  verticalVendors: 0,
});
const copy = (tick: number, originTown: number, lagMonths: number, firstLocal: boolean): SimEvent => ({
  type: 'copy',
  tick,
  design: 0,
  firm: 1,
  town: firstLocal ? originTown : 1 - originTown,
  product: 1,
  originator: 0,
  originTown,
  lagMonths,
  firstLocal,
  originatorRent: 10,
});

describe('imitation lags and designs', () => {
  it('summarise first local copies by the originator town and over all towns, and count designs from events', () => {
    const lagsAlpha = [14, 8, 12, 9, 10];
    const events = [
      launch(0, 0, 'product'),
      launch(1, 1, 'incremental'),
      launch(2, 2, 'incremental'),
      ...lagsAlpha.map((lag, i) => copy(i, 0, lag, true)),
      copy(3, 1, 30, true),
      copy(4, 0, 2, false),
    ];
    const summary = buildSummary(handMadeResult(events), 'hand-made') as {
      imitationLags: Record<string, Record<string, number | null>>;
      designs: Record<string, number>;
    };
    // Type-7 quantiles of [8, 9, 10, 12, 14] and of [8, 9, 10, 12, 14, 30].
    expect(summary.imitationLags.Alpha).toEqual({ count: 5, median: 10, p10: 8.4, p90: 13.2 });
    expect(summary.imitationLags.Beta).toEqual({ count: 1, median: 30, p10: 30, p90: 30 });
    expect(summary.imitationLags.all.count).toBe(6);
    expect(summary.imitationLags.all.median).toBe(11);
    expect(summary.imitationLags.all.p90).toBe(22);
    expect(summary.designs).toEqual({ launched: 3, products: 1, incremental: 2, copies: 7, copiedLocally: 6 });
  });

  it('gives null statistics when no design was copied locally', () => {
    const summary = buildSummary(handMadeResult([copy(3, 0, 4, false)]), 'hand-made') as {
      imitationLags: Record<string, Record<string, number | null>>;
    };
    expect(summary.imitationLags.all).toEqual({ count: 0, median: null, p10: null, p90: null });
  });

  it('lists every metric with its unit', () => {
    const result = handMadeResult();
    const summary = buildSummary(result, 'hand-made') as { metrics: Record<string, string> };
    expect(Object.keys(summary.metrics)).toEqual(result.metricNames);
    expect(summary.metrics['vendors.gear cutting']).toBe('vendors');
  });
});
