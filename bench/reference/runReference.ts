/**
 * runReference: the plain, object-per-agent reference implementation of the model
 * (bench/reference/model.ts), run to a `RunResult` the output writers in
 * analysis/output/ turn into the same bytes as `runOne` gives for any thread count.
 * Synchronous and single-threaded: a correctness oracle for the engine and a yardstick
 * for its speed (docs/BENCHMARKS.md).
 */
import type { ModelParams } from '../../sim/params.js';
import type { FinalFirms, RunResult } from '../../sim/runOne.js';
import { reportersFor } from '../../sim/observe.js';
import { PANEL_COLUMNS, PANEL_COLUMN_NAMES, type PanelColumns } from '../../sim/model/phases/annualPanel.js';
import { buildModel } from './build.js';
import type { Model } from './model.js';

export function runReference(params: ModelParams, seed: number): RunResult {
  const reporters = reportersFor(params);
  const ticks = params.years * 12;
  const model = buildModel(params, seed, reporters.length);
  // The founders' capital of the founding generation (as runOne books it).
  for (const firm of model.firms) model.accounts.equityInjected += firm.cash;
  for (let tick = 0; tick < ticks; tick++) model.step();
  const result = {
    seed,
    threads: 1,
    params,
    ticks,
    townNames: params.towns.map((town) => town.name),
    metricNames: reporters.map((reporter) => reporter.name),
    metricUnits: reporters.map((reporter) => reporter.unit),
    metrics: model.metrics,
    events: model.events,
    // Everything is kept in the result (nothing streamed to a sink).
    streamed: false,
    accounts: model.accounts,
    finalFirms: finalFirms(model),
    firmPanel: { rows: model.panel.length, cols: panelColumns(model) },
    firmsEverCreated: model.firms.length,
    workersEverCreated: model.workers.length,
  };
  return result;
}

/** The firms alive at the end, in id order, as the result's columns. */
function finalFirms(model: Model): FinalFirms {
  const alive = model.firms.filter((firm) => firm.alive);
  return {
    id: Int32Array.from(alive, (firm) => firm.id),
    town: Int32Array.from(alive, (firm) => firm.town),
    parent: Int32Array.from(alive, (firm) => firm.parent),
    birthTick: Int32Array.from(alive, (firm) => firm.birthTick),
    capability: Float64Array.from(alive, (firm) => firm.capability),
    cash: Float64Array.from(alive, (firm) => firm.cash),
    debt: Float64Array.from(alive, (firm) => firm.debt),
    headcount: Int32Array.from(alive, (firm) => firm.headcount),
  };
}

/** The firm panel's rows as the result's columns. */
function panelColumns(model: Model): PanelColumns {
  const columns = {} as Record<string, Int32Array | Float64Array>;
  for (const name of PANEL_COLUMN_NAMES) {
    const values = model.panel.map((row) => row[name]);
    columns[name] = PANEL_COLUMNS[name] === 'i32' ? Int32Array.from(values) : Float64Array.from(values);
  }
  return columns as PanelColumns;
}
