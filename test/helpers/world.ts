/**
 * Small hand-built worlds for mechanism tests: parameters from the schema's
 * defaults plus overrides, and a simulation that can be stepped phase by phase.
 */
import { ScenarioSchema, toModelParams, type ScenarioInput } from '../../scenarios/schema.js';
import type { ModelParams } from '../../sim/params.js';
import { createWorld, type World } from '../../sim/world.js';
import { createHost } from '../../sim/host.js';
import { createSerialExecutor } from '../../sim/executor.js';
import { reportersFor } from '../../sim/observe.js';
import type { Simulation } from '../../sim/simulation.js';
import { step } from '../../sim/step.js';

export function testParams(overrides: Partial<ScenarioInput> = {}): ModelParams {
  return toModelParams(
    ScenarioSchema.parse({
      name: 'test-world',
      startYear: 2000,
      years: 2,
      towns: [
        {
          name: 'Alpha',
          initialFirms: 0,
          workersPerFirm: { min: 5, max: 5 },
          demand: { unitsPerMonth: 100, growthPerYear: 0 },
        },
      ],
      ...overrides,
    }),
  );
}

/** An empty world (no agents) ready for agents added by hand. */
export function emptySimulation(params: ModelParams, seed = 1): Simulation {
  const world: World = createWorld(params, seed);
  return {
    world,
    host: createHost(params, params.years * 12, reportersFor(params).length),
    executor: createSerialExecutor(world),
  };
}

/** Read metric `name` of row `row` (a town index, or towns.length for all towns) at `tick`. */
export function metricAt(
  result: { metrics: Float64Array; metricNames: readonly string[]; townNames: string[] },
  tick: number,
  row: number,
  name: string,
): number {
  const metricCount = result.metricNames.length;
  const m = result.metricNames.indexOf(name);
  if (m < 0) throw new Error(`no metric ${name}`);
  return result.metrics[(tick * (result.townNames.length + 1) + row) * metricCount + m];
}

/** A quiet world: one town, flat demand, no turnover, no hiring, no entry. */
export function quietParams(demandUnits: number, overrides: Partial<ScenarioInput> = {}): ModelParams {
  return testParams({
    years: 3,
    towns: [
      {
        name: 'Alpha',
        initialFirms: 0,
        workersPerFirm: { min: 5, max: 5 },
        demand: { unitsPerMonth: demandUnits, growthPerYear: 0 },
      },
    ],
    market: { seasonality: Array(12).fill(1) },
    labour: {
      quitProbabilityPerMonth: 0,
      retireProbabilityPerMonth: 0,
      layoffProbabilityPerMonth: 0,
      hireDemandRatio: 100,
    },
    entry: { spinOffProbabilityPerMonth: 0 },
    ...overrides,
  });
}

/** Step a simulation through `months` whole months. */
export function runMonths(sim: Simulation, months: number): void {
  for (let month = 0; month < months; month++) step(sim);
}
