/**
 * Small hand-built worlds for the direction-of-effect tests of the full mechanism set
 * (products and processes, vendors, designs and imitation, kin, policies, upgrading).
 *
 * Every world starts from `quietInput()`: one town, flat demand and calendar, no worker
 * turnover, no hiring, no entry, no owner giving up, no design work and no copying
 * (their costs set out of reach), no spontaneous spillovers, vendors that react to one
 * month's demand. A test turns on only the mechanism it is about, with explicit
 * parameters, so a later retuning of the defaults does not change what it measures.
 */
import type { ScenarioInput } from '../../../scenarios/schema.js';
import type { ModelParams } from '../../../sim/params.js';
import type { Simulation } from '../../../sim/simulation.js';
import type { SimEvent } from '../../../sim/host.js';
import { metricNamesFor } from '../../../sim/observe.js';
import { emptySimulation, metricAt, testParams } from '../../helpers/world.js';
import { addStaffedFirm, publishTownState, type HandBuiltFirm } from '../../helpers/handBuilt.js';

/** A cost no firm can ever pay: switches a design or copying channel off. */
export const OUT_OF_REACH = 1e12;

type TownInput = ScenarioInput['towns'][number];
type ProcessInput = NonNullable<ScenarioInput['processes']>[number];
type ProductInput = NonNullable<ScenarioInput['products']>[number];

/** A town with flat demand and no founding firms (firms are added by hand). */
export function town(name: string, unitsPerMonth: number, extra: Partial<TownInput> = {}): TownInput {
  return {
    name,
    initialFirms: 0,
    workersPerFirm: { min: 5, max: 5 },
    demand: { unitsPerMonth, growthPerYear: 0 },
    ...extra,
  };
}

/** A process whose lone vendor (price 10 at 50 units a month) beats doing it in-house (15 a unit, machine 5,000). */
export function process(name: string, extra: Partial<ProcessInput> = {}): ProcessInput {
  return {
    name,
    vendorPricePerUnit: 10,
    minEfficientScaleUnitsPerMonth: 50,
    machineCost: 5000,
    inHouseCostPerUnit: 15,
    ...extra,
  };
}

/** A product on the frontier from the start (the test worlds start in 2000). */
export function product(name: string, extra: Partial<ProductInput> = {}): ProductInput {
  return { name, complexity: 0, processes: [], frontierYear: 1990, ...extra };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `base` with `extra` laid over it: parameter groups are merged field by field, lists replaced. */
export function mergeInput(base: Partial<ScenarioInput>, extra: Partial<ScenarioInput>): Partial<ScenarioInput> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const previous = merged[key];
    merged[key] = isPlainObject(previous) && isPlainObject(value) ? { ...previous, ...value } : value;
  }
  return merged as Partial<ScenarioInput>;
}

/** The quiet world every mechanism test starts from (see the file comment). */
export function quietInput(): Partial<ScenarioInput> {
  return {
    years: 3,
    towns: [town('Alpha', 100)],
    market: { seasonality: Array<number>(12).fill(1) },
    labour: {
      quitProbabilityPerMonth: 0,
      retireProbabilityPerMonth: 0,
      layoffProbabilityPerMonth: 0,
      hireDemandRatio: 100,
      unitsPerWorkerMonth: 10,
    },
    entry: { spinOffProbabilityPerMonth: 0 },
    exit: { ownerGiveUpProbabilityPerMonth: 0 },
    spillovers: { spilloverLearningPerMonth: 0 },
    vendors: { demandSmoothingMonths: 1, paybackMonths: 0 },
    innovation: {
      productDesignCost: OUT_OF_REACH,
      incrementalDesignCost: OUT_OF_REACH,
      copyCost: OUT_OF_REACH,
      peakSeasonExperimentShare: 1,
      designShareOfCreditHeadroom: 0,
    },
    imitation: {
      sameTownObservationPerMonth: 0,
      userFeedbackObservationPerMonth: 0,
      sharedVendorObservationPerMonth: 0,
      fairObservationProbability: 0,
      moverCarriesDesignProbability: 0,
    },
  };
}

/** Parameters of a quiet world with `overrides` laid over it (groups merged field by field). */
export function quietWorld(overrides: Partial<ScenarioInput> = {}): ModelParams {
  return testParams(mergeInput(quietInput(), overrides));
}

/** A simulation of `params` with the given firms added by hand (ids in order), town state published. */
export function handBuilt(params: ModelParams, firms: HandBuiltFirm[], seed = 1): { sim: Simulation; ids: number[] } {
  const sim = emptySimulation(params, seed);
  const ids = firms.map((spec) => addStaffedFirm(sim.world, spec));
  publishTownState(sim.world);
  return { sim, ids };
}

/** A firm that makes `products` but owns no machine: it must buy every process it needs. */
export function withoutMachines(sim: Simulation, firm: number): void {
  const f = sim.world.firms.cols;
  f.inHouse[firm] = 0;
  f.machineValue[firm] = 0;
}

/** The metric `name` of town `row` (towns.length = all towns) at `tick`, read from the host. */
export function metric(sim: Simulation, tick: number, row: number, name: string): number {
  const townNames = sim.world.params.towns.map((t) => t.name);
  return metricAt(
    { metrics: sim.host.metrics, metricNames: metricNamesFor(sim.world.params), townNames },
    tick,
    row,
    name,
  );
}

/** Sum of metric `name` of town `row` over ticks [from, to). */
export function metricSum(sim: Simulation, row: number, name: string, from: number, to: number): number {
  let sum = 0;
  for (let tick = from; tick < to; tick++) sum += metric(sim, tick, row, name);
  return sum;
}

/** The events of one type, typed. */
export function eventsOf<T extends SimEvent['type']>(sim: Simulation, type: T): Extract<SimEvent, { type: T }>[] {
  return sim.host.events.filter((event): event is Extract<SimEvent, { type: T }> => event.type === type);
}

/** Whether firm `firm` makes product `productIndex`. */
export function makes(sim: Simulation, firm: number, productIndex: number): boolean {
  return (sim.world.firms.cols.products[firm] & (1 << productIndex)) !== 0;
}
