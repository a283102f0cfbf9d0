/**
 * A synthetic large world for throughput benchmarks: national-sector scale (tens of
 * thousands of firms, hundreds of thousands of workers) in a handful of towns. Built
 * in code rather than a scenario file so the bench does not move when calibrated
 * scenarios change; model defaults come from the schema, like any scenario.
 */
import { ScenarioSchema, toModelParams } from '../scenarios/schema.js';
import type { ModelParams } from '../sim/params.js';
import { createWorld } from '../sim/world.js';
import { initialiseWorld } from '../sim/model/initialise.js';
import { capacityUnits } from '../sim/model/equations.js';
import { HEADER } from '../sim/state/header.js';

export interface SyntheticWorldOptions {
  firms: number;
  towns: number;
  years: number;
  /** Workers per founding firm (owner included); the mean of this range sets the worker count. */
  workersPerFirm: { min: number; max: number };
  demandGrowthPerYear: number;
}

export const DEFAULT_SYNTHETIC_WORLD: SyntheticWorldOptions = {
  firms: 50_000,
  towns: 8,
  years: 5,
  // Mean 10.5 per firm, so 50,000 firms start with ~525,000 workers (>= 500,000 asked for).
  workersPerFirm: { min: 6, max: 15 },
  demandGrowthPerYear: 0.03,
};

/** The Punjab scenario's mark-up halves at 20 rivals for ~60 firms a town; keep that ratio. */
const RIVALS_PER_FIRM_AT_HALVED_MARKUP = 20 / 60;

/** Split `total` firms over `towns` as evenly as integers allow (first towns get the remainder). */
function firmsInTown(total: number, towns: number, town: number): number {
  return Math.floor(total / towns) + (town < total % towns ? 1 : 0);
}

/** Parameters with a placeholder demand (1 unit a month); `calibrateDemand` sizes it. */
function uncalibratedParams(options: SyntheticWorldOptions): ModelParams {
  const firmsPerTown = Math.ceil(options.firms / options.towns);
  const towns = Array.from({ length: options.towns }, (_, town) => ({
    name: `Town ${town + 1}`,
    initialFirms: firmsInTown(options.firms, options.towns, town),
    workersPerFirm: options.workersPerFirm,
    demand: { unitsPerMonth: 1, growthPerYear: options.demandGrowthPerYear },
  }));
  return toModelParams(
    ScenarioSchema.parse({
      name: 'bench-synthetic',
      description: `Synthetic benchmark world: ${options.firms} firms in ${options.towns} towns`,
      startYear: 2000,
      years: options.years,
      towns,
      // Without this, thousands of rivals per town squeeze the mark-up to ~0 and the
      // whole sector goes bankrupt within the horizon, which would bench an emptying world.
      market: { markupHalvingRivals: Math.max(1, firmsPerTown * RIVALS_PER_FIRM_AT_HALVED_MARKUP) },
    }),
  );
}

/**
 * Set each town's first-month demand to the initial capacity of its founding firms
 * (built with the same seed the bench runs), so the sector starts near balance:
 * neither mass hiring nor mass lay-offs dominate the measured months.
 */
function calibrateDemand(params: ModelParams, seed: number): ModelParams {
  const world = createWorld(params, seed);
  initialiseWorld(world);
  const firmCount = world.header[HEADER.firmCount];
  const workerCount = world.header[HEADER.workerCount];
  const f = world.firms.cols;
  const w = world.workers.cols;
  const headcount = new Float64Array(firmCount);
  const skillSum = new Float64Array(firmCount);
  for (let id = 0; id < workerCount; id++) {
    const firm = w.employer[id];
    if (firm < 0) continue;
    headcount[firm] += 1;
    skillSum[firm] += w.skill[id];
  }
  const capacityPerTown = new Float64Array(params.towns.length);
  for (let id = 0; id < firmCount; id++) {
    capacityPerTown[f.town[id]] += capacityUnits(params.labour, headcount[id], skillSum[id], f.capability[id]);
  }
  return {
    ...params,
    towns: params.towns.map((town, index) => ({
      ...town,
      demand: { ...town.demand, unitsPerMonth: capacityPerTown[index] },
    })),
  };
}

export function syntheticWorldParams(options: SyntheticWorldOptions, seed: number): ModelParams {
  return calibrateDemand(uncalibratedParams(options), seed);
}
