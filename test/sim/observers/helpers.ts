/**
 * Hand-built worlds for the observer tests: a scenario's parameters with a small
 * catalogue laid over them (so the tests do not depend on the schema's catalogue
 * input form), and a simulation whose metric columns fit `reportersFor(params)`.
 * Nothing here steps the model: tests set columns and call observers directly.
 */
import type { ModelParams, ProcessParams, ProductParams } from '../../../sim/params.js';
import { createWorld } from '../../../sim/world.js';
import { createHost } from '../../../sim/host.js';
import { createSerialExecutor } from '../../../sim/executor.js';
import { reportersFor } from '../../../sim/observe.js';
import { addFirm } from '../../../sim/model/agents.js';
import type { Simulation } from '../../../sim/simulation.js';
import { HEADER } from '../../../sim/state/header.js';
import { testParams } from '../../helpers/world.js';

export const PROCESS_NAMES = ['casting', 'boring', 'gear cutting'];
export const PRODUCT_NAMES = ['pump', 'engine', 'thresher', 'rotary cultivator'];

function process(name: string): ProcessParams {
  return { name, vendorPricePerUnit: 2, minEfficientScaleUnitsPerMonth: 100, machineCost: 500, inHouseCostPerUnit: 1 };
}

function product(name: string, index: number): ProductParams {
  return {
    name,
    complexity: 0.2 * index,
    processes: [PROCESS_NAMES[index % PROCESS_NAMES.length]],
    processMask: 1 << (index % PROCESS_NAMES.length),
    frontierYear: 1990,
    demandWeight: [{ year: 2000, value: 1 }],
    seasonality: null,
    sector: 'agriculture',
    sectorIndex: 0,
  };
}

/** `townCount` towns named Alpha, Beta, ... with the catalogue above and `years` years from 2000. */
export function catalogueParams(townCount = 2, years = 2): ModelParams {
  const names = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'].slice(0, townCount);
  const base = testParams({
    years,
    towns: names.map((name) => ({
      name,
      initialFirms: 0,
      workersPerFirm: { min: 5, max: 5 },
      demand: { unitsPerMonth: 100, growthPerYear: 0 },
    })),
  });
  const products = PRODUCT_NAMES.map(product);
  return {
    ...base,
    towns: base.towns.map((town) => ({
      ...town,
      productDemand: products.map(() => ({ demandWeight: null, seasonality: null })),
    })),
    processes: PROCESS_NAMES.map(process),
    products,
    sectors: ['agriculture'],
    sectorDemandIndex: [[{ year: 2000, value: 1 }]],
    policies: [],
    upgrading: { processCapabilityStep: 0.05, downgradeNetWorthFall: 0.25, machineDepreciationPerYear: 0.1 },
  };
}

/** An empty simulation with metric columns sized for the scenario's reporters. */
export function observedSimulation(params: ModelParams): Simulation {
  const world = createWorld(params, 1);
  return {
    world,
    host: createHost(params, params.years * 12, reportersFor(params).length),
    executor: createSerialExecutor(world),
  };
}

export interface FirmSpec {
  town?: number;
  capability?: number;
  cash?: number;
  debt?: number;
  machineValue?: number;
  products?: number;
  alive?: boolean;
}

/** A firm with hand-set columns (no workers); returns its id. */
export function addBareFirm(sim: Simulation, spec: FirmSpec = {}): number {
  const { world } = sim;
  const id = addFirm(world, {
    town: spec.town ?? 0,
    parent: -1,
    owner: -1,
    capability: spec.capability ?? 0.3,
    cash: spec.cash ?? 1000,
    kinGroup: 0,
  });
  const f = world.firms.cols;
  f.debt[id] = spec.debt ?? 0;
  f.machineValue[id] = spec.machineValue ?? 0;
  f.products[id] = spec.products ?? 0;
  f.alive[id] = spec.alive === false ? 0 : 1;
  return id;
}

export function setTick(sim: Simulation, tick: number): void {
  sim.world.header[HEADER.tick] = tick;
}

/** Metric `name` at `tick` for `row` (a town index, or towns.length for all towns). */
export function metric(sim: Simulation, tick: number, row: number, name: string): number {
  const params = sim.world.params;
  const reporters = reportersFor(params);
  const m = reporters.findIndex((reporter) => reporter.name === name);
  if (m < 0) throw new Error(`no metric ${name}`);
  return sim.host.metrics[(tick * (params.towns.length + 1) + row) * reporters.length + m];
}
