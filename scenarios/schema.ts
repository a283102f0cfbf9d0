/**
 * The scenario schema: the single source of truth for what a scenario file may say.
 * Parsed values are `ModelParams` (sim/params.ts); the JSON Schema for editors
 * (scenarios/scenario.schema.json) is emitted from this file by `npm run schema`.
 * Every model parameter has a default, a unit in its name or description, and a
 * source or rationale in docs/ODD.md.
 */
import { z } from 'zod';
import type { ModelParams } from '../sim/params.js';
import { didYouMean } from './didYouMean.js';

const number = (description: string, fallback: number, min: number, max: number) =>
  z.number().min(min).max(max).default(fallback).describe(description);
const integer = (description: string, fallback: number, min: number, max: number) =>
  z.number().int().min(min).max(max).default(fallback).describe(description);
const probability = (description: string, fallback: number) => number(description, fallback, 0, 1);

const range = (description: string, min: number, max: number, integerOnly = false) =>
  z
    .strictObject({
      min: integerOnly ? z.number().int().min(min).max(max) : z.number().min(min).max(max),
      max: integerOnly ? z.number().int().min(min).max(max) : z.number().min(min).max(max),
    })
    .refine((value) => value.min <= value.max, { message: 'min must not exceed max', path: ['min'] })
    .describe(description);

/** Years a path point may name: every month a scenario can simulate (startYear 1800-2200, up to 500 years). */
export const PATH_YEARS = { min: 1800, max: 2700 } as const;

/**
 * A yearly path of an exogenous driver: a list of `{ year, value }` points, years
 * strictly increasing (fractional years allowed: 1990.5 is July 1990), each value in
 * [min, max]. The model interpolates linearly between points and holds the first
 * value before the first point and the last after the last (sim/model/paths.ts), so
 * one point is a constant. Add `.default(...)` or `.optional()` where it is used.
 */
export function yearlyPath(description: string, valueDescription: string, min: number, max: number) {
  return z
    .array(
      z.strictObject({
        year: z
          .number()
          .min(PATH_YEARS.min)
          .max(PATH_YEARS.max)
          .describe('Calendar year; fractional years are months (1990.5 = July 1990)'),
        value: z.number().min(min).max(max).describe(valueDescription),
      }),
    )
    .min(1)
    .max(1000)
    .superRefine((points, context) => {
      for (let i = 1; i < points.length; i++) {
        if (points[i].year > points[i - 1].year) continue;
        context.addIssue({
          code: 'custom',
          path: [i, 'year'],
          message: `expected a year after ${points[i - 1].year} (the years of a path must be strictly increasing)`,
        });
      }
    })
    .describe(
      `${description}. A list of { year, value } points, years strictly increasing: linear between points, constant before the first and after the last (one point is a constant)`,
    );
}

/** A path that is `value` throughout (the year of a single point does not matter). */
const constantPath = (value: number) => [{ year: 2000, value }];

const shockPaths = {
  materialPriceIndex: () =>
    yearlyPath(
      'Raw-material price index: multiplier on market.materialCostPerUnit (1 = no shock)',
      'Multiplier on the material cost of a unit',
      0.01,
      100,
    ),
  powerAvailability: () =>
    yearlyPath(
      "Share of production days with power: multiplies every firm's capacity (1 = no shortage)",
      'Share of days with power, in [0, 1]',
      0,
      1,
    ),
  demandIndex: () =>
    yearlyPath(
      "Demand index: multiplier on the town's demand (1 = no shock; a sector collapse or boom)",
      'Multiplier on demand',
      0,
      100,
    ),
};

const importPaths = {
  priceIndex: () =>
    yearlyPath(
      'Import price relative to market.materialCostPerUnit * (1 + market.markupMax)',
      'Import price index',
      0.01,
      100,
    ),
  quality: () =>
    yearlyPath('Quality of imports as a capability-equivalent, in [0, 1]', 'Capability-equivalent of imports', 0, 1),
  capacityShare: () =>
    yearlyPath(
      "Units imports could supply in a town, as a share of the town's demand (0 = no imports)",
      'Share of demand',
      0,
      1,
    ),
};

const TownShocksSchema = z
  .strictObject({
    materialPriceIndex: shockPaths.materialPriceIndex().optional(),
    powerAvailability: shockPaths.powerAvailability().optional(),
    demandIndex: shockPaths.demandIndex().optional(),
  })
  .describe("This town's own shock paths: each one given replaces the scenario-wide path (shocks) for this town");

const TownImportsSchema = z
  .strictObject({
    priceIndex: importPaths.priceIndex().optional(),
    quality: importPaths.quality().optional(),
    capacityShare: importPaths.capacityShare().optional(),
  })
  .describe("This town's own import paths: each one given replaces the scenario-wide path (imports) for this town");

export const TownSchema = z
  .strictObject({
    name: z.string().min(1).describe('Town (cluster) name'),
    initialFirms: z.number().int().min(0).max(1_000_000).describe('Firms at the start of the run'),
    workersPerFirm: range('Workers per founding firm, owner included', 1, 10_000, true),
    initialCapability: range('Technological capability of founding firms, in [0, 1]', 0, 1).prefault({
      min: 0.1,
      max: 0.3,
    }),
    initialSkill: range('Trade skill of founding journeymen, in [0, 1]', 0, 1).prefault({ min: 0.3, max: 0.7 }),
    demand: z
      .strictObject({
        unitsPerMonth: z.number().positive().max(1e12).describe('Demand in the first month, in units per month'),
        growthPerYear: z.number().min(-0.9).max(2).describe('Growth of demand per year (0.05 = 5%)'),
      })
      .describe('Demand from the town hinterland'),
    shocks: TownShocksSchema.optional(),
    imports: TownImportsSchema.optional(),
  })
  .describe('A town (cluster) with its hinterland demand');

const DEFAULT_SEASONALITY = [0.9, 0.8, 1.0, 1.3, 1.2, 1.0, 0.8, 0.7, 0.9, 1.3, 1.2, 0.9];

export const MarketSchema = z
  .strictObject({
    seasonality: z
      .array(z.number().min(0).max(10))
      .length(12)
      .default(DEFAULT_SEASONALITY)
      .describe('Demand multiplier per calendar month, January first (agricultural calendar)'),
    materialCostPerUnit: number('Material cost of one unit, money', 400, 0.01, 1e12),
    overheadPerFirmMonth: number('Fixed cost of running a workshop, money per month', 200, 0, 1e12),
    markupMax: number('Mark-up over unit cost of a firm without rivals (0.6 = 60%)', 0.6, 0, 10),
    markupHalvingRivals: number(
      'Number of rivals in the town at which the mark-up is halved (margin squeeze)',
      20,
      0.01,
      1e6,
    ),
    qualityPremium: number('Mark-up multiplier per unit of capability above the town mean', 1, 0, 10),
    priceElasticity: number("Elasticity of a firm's demand share to its price", 2, 0, 20),
    qualityElasticity: number("Elasticity of a firm's demand share to its quality", 1, 0, 20),
  })
  .prefault({})
  .describe('Market: demand split by price, quality and delivery capacity');

export const LabourSchema = z
  .strictObject({
    unitsPerWorkerMonth: number('Output of a fully skilled worker at zero capability, units per month', 1, 0.0001, 1e6),
    skillProductivityFloor: probability('Share of full output an unskilled worker reaches', 0.3),
    capabilityProductivityGain: number(
      'Extra output per unit of firm capability (0.5 = +50% at capability 1)',
      0.5,
      0,
      10,
    ),
    wageApprenticePerMonth: number('Apprentice wage, money per month', 50, 0, 1e12),
    wageJourneymanPerMonth: number('Journeyman wage (and owner draw), money per month', 150, 0, 1e12),
    learningByDoingPerMonth: probability('Share of the skill gap closed per month at full utilisation', 0.02),
    apprenticeshipMonths: integer('Months before an apprentice can become a journeyman', 24, 0, 600),
    journeymanSkill: probability('Skill an apprentice needs to become a journeyman', 0.35),
    quitProbabilityPerMonth: probability('Monthly probability that an employee quits', 0.01),
    layoffProbabilityPerMonth: probability(
      'Monthly probability that an employee of a shrinking firm is laid off',
      0.05,
    ),
    retireProbabilityPerMonth: probability('Monthly probability of leaving the labour force', 0.0028),
    hireDemandRatio: number('A firm hires when its demand share exceeds its capacity by this ratio', 1.05, 0, 100),
    layoffDemandRatio: number(
      'A firm sheds labour when its demand share falls below this share of capacity',
      0.7,
      0,
      100,
    ),
    hireReserveMonths: number('Cash a firm must hold to hire, in months of a journeyman wage', 3, 0, 1000),
    newApprenticeSkill: probability('Skill of a new apprentice', 0.1),
    moverKnowledgeShare: probability(
      "Share of the capability gap to a hired worker's previous employer that the worker brings to the hiring firm",
      0.05,
    ),
  })
  .prefault({})
  .describe('Labour market and learning by doing');

export const CapabilitySchema = z
  .strictObject({
    effortShareOfProfit: probability('Share of positive profit spent on technological effort', 0.1),
    effortHalfSaturation: number(
      'Effort spending at which its learning effect is half its maximum, money per month',
      500,
      0.01,
      1e12,
    ),
    effortLearningPerMonth: probability('Most capability gap closed by effort in a month', 0.004),
    productionLearningPerMonth: probability(
      'Capability gap closed by production in a month at full utilisation and skill 1',
      0.002,
    ),
  })
  .prefault({})
  .describe('Technological effort and capability accumulation');

export const EntrySchema = z
  .strictObject({
    spinOffProbabilityPerMonth: probability('Monthly probability that a qualified journeyman founds a workshop', 0.002),
    spinOffMinSkill: probability('Skill a journeyman needs to found a workshop', 0.6),
    spinOffMinTenureMonths: integer('Months with the current employer before founding a workshop', 36, 0, 600),
    demonstrationWeight: number(
      'Rise in spin-off probability per unit share of successful spin-offs in the town',
      2,
      0,
      100,
    ),
    successAgeMonths: integer('Age at which a spin-off with positive cash counts as a success', 24, 0, 600),
    entryCapital: number('Capital a founder brings, money', 3000, 0, 1e12),
    inheritedCapabilityShare: probability(
      "Weight of the parent firm's capability in a spin-off's starting capability",
      0.5,
    ),
  })
  .prefault({})
  .describe('Entry by spin-off');

export const TravelSchema = z
  .strictObject({
    defaultHours: number('Travel time between two towns not listed in `hours`, in hours', 4, 0, 1000),
    hours: z
      .array(
        z.strictObject({
          between: z.array(z.string().min(1)).length(2).describe('The two towns'),
          hours: z.number().min(0).max(1000).describe('Travel time between them, in hours'),
        }),
      )
      .default([])
      .describe('Travel times between pairs of towns (symmetric)'),
  })
  .prefault({})
  .describe('Travel times between towns: spillovers decay with them');

export const SpilloverSchema = z
  .strictObject({
    spilloverLearningPerMonth: probability(
      'Share of the gap to the accessible knowledge pool a firm closes per month by observation',
      0.002,
    ),
    halfDecayHours: number(
      "Travel time over which a town's contribution to the knowledge pool halves, in hours",
      1,
      0.01,
      1000,
    ),
  })
  .prefault({})
  .describe('Spontaneous knowledge spillovers between firms (cell III)');

export const FinanceSchema = z
  .strictObject({
    interestRatePerYear: number("Interest on a firm's debt, per year (0.15 = 15%)", 0.15, 0, 5),
    creditLimitMonthsOfWageBill: number(
      'Debt a firm may carry without being in distress, in months of its wage bill (0 = no formal credit)',
      0,
      0,
      1000,
    ),
  })
  .prefault({})
  .describe('Working capital: debt, interest and credit lines');

export const ExitSchema = z
  .strictObject({
    lossMonthsToExit: integer(
      'Consecutive months in distress (debt above the credit line) after which a firm closes',
      12,
      1,
      600,
    ),
  })
  .prefault({})
  .describe('Exit on persistent losses');

export const ShocksSchema = z
  .strictObject({
    materialPriceIndex: shockPaths.materialPriceIndex().default(constantPath(1)),
    powerAvailability: shockPaths.powerAvailability().default(constantPath(1)),
    demandIndex: shockPaths.demandIndex().default(constantPath(1)),
    materialPassThrough: probability(
      'Share of a change in material cost per unit that firms pass on in their price (town demand itself does not respond to prices)',
      0.5,
    ),
  })
  .prefault({})
  .describe('Exogenous shocks, as yearly paths that apply to every town (a town may give its own)');

export const ImportsSchema = z
  .strictObject({
    priceIndex: importPaths.priceIndex().default(constantPath(1)),
    quality: importPaths.quality().default(constantPath(0.5)),
    capacityShare: importPaths.capacityShare().default(constantPath(0)),
  })
  .prefault({})
  .describe('Import competition: one pseudo-competitor per town at an exogenous price and quality');

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of the JSON Schema, for editors'),
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
      .describe('Scenario name; the default output folder is out/<name>/'),
    description: z.string().default('').describe('One line on what the scenario is'),
    startYear: z.number().int().min(1800).max(2200).describe('Calendar year of the first tick (January)'),
    years: z.number().int().min(1).max(500).describe('Years simulated (12 monthly ticks each)'),
    moneyUnit: z.string().min(1).default('money').describe('Unit of all money amounts, e.g. Rs or Tk'),
    towns: z
      .array(TownSchema)
      .min(1)
      .max(256)
      .refine((towns) => new Set(towns.map((town) => town.name)).size === towns.length, 'town names must be unique')
      .describe('Towns (clusters)'),
    market: MarketSchema,
    labour: LabourSchema,
    capability: CapabilitySchema,
    entry: EntrySchema,
    finance: FinanceSchema,
    exit: ExitSchema,
    travel: TravelSchema,
    spillovers: SpilloverSchema,
    shocks: ShocksSchema,
    imports: ImportsSchema,
  })
  .superRefine((scenario, context) => {
    // Semantic check: travel times must name towns of this scenario.
    const names = scenario.towns.map((town) => town.name);
    scenario.travel.hours.forEach((pair, index) => {
      pair.between.forEach((name, end) => {
        if (names.includes(name)) return;
        const suggestion = didYouMean(name, names);
        context.addIssue({
          code: 'custom',
          path: ['travel', 'hours', index, 'between', end],
          message: `expected a town of this scenario${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: ${names.join(', ')}`,
        });
      });
    });
  })
  .describe('A clustersim scenario');

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

/** The symmetric matrix of travel hours, [from][to], with 0 on the diagonal. */
function travelMatrix(scenario: Scenario): number[][] {
  const names = scenario.towns.map((town) => town.name);
  const hours = names.map((_, from) => names.map((__, to) => (from === to ? 0 : scenario.travel.defaultHours)));
  for (const pair of scenario.travel.hours) {
    const [a, b] = pair.between.map((name) => names.indexOf(name));
    if (a !== b) {
      hours[a][b] = pair.hours;
      hours[b][a] = pair.hours;
    }
  }
  return hours;
}

/** A parsed scenario as the model's parameters (the compiler checks the shape). */
export function toModelParams(scenario: Scenario): ModelParams {
  const { $schema: _schemaPath, ...params } = scenario;
  return { ...params, travelHours: travelMatrix(scenario) };
}
