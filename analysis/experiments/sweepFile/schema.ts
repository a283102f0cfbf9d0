/**
 * The sweep file schema: what a `scenarios/sweeps/*.yaml` file may say. The zod
 * schema checks shapes and types (strict objects, so a misspelt key is an error
 * with a did-you-mean); what needs the base scenario or the other fields — that a
 * parameter path exists, that a grid has levels for every factor, that a metric is
 * reported — is checked in read.ts, keep.ts and pointParams.ts. The JSON Schema for
 * editors (scenarios/sweeps/sweep.schema.json) is emitted from this file.
 */
import { z } from 'zod';

/** Factor names become result columns: these are taken (compared case-insensitively, as DuckDB does). */
export const RESERVED_COLUMN_NAMES = ['runKey', 'seed', 'replicate', 'point', 'tick', 'town', 'metric', 'value'];

/**
 * The metrics kept when `keep.metrics` is left out: levels (not monthly flows, which
 * are noisy at one month a year) of size, skill, capability, integration, market
 * and vendors, all reported for every scenario.
 */
export const DEFAULT_KEPT_METRICS = [
  'firms',
  'workers',
  'meanSkill',
  'meanCapability',
  'capabilityP10',
  'capabilityP50',
  'capabilityP90',
  'fullyIntegratedShare',
  'meanProductsPerFirm',
  'salesUnits',
  'meanPrice',
  'profit',
  'herfindahlSales',
  'vendors',
];

/** The outputs a sensitivity analysis reports when `sensitivity.outputs` is left out (the last year, all towns). */
export const DEFAULT_SENSITIVITY_METRICS = ['meanCapability', 'fullyIntegratedShare', 'firms'];

/** The most points a grid may have (a guard against a range with a tiny step). */
export const MAX_DESIGN_POINTS = 1_000_000;

const scalar = z.union([z.number(), z.string(), z.boolean()], { error: 'expected a number, a string or true/false' });

const RangeSchema = z
  .strictObject({
    from: z.number().describe('First value'),
    to: z.number().describe('Last value (included when a whole number of steps from `from`)'),
    step: z.number().positive().optional().describe('Distance between values; give step or count'),
    count: z.number().int().min(2).optional().describe('Number of values, evenly spaced, both ends included'),
  })
  .describe(
    'Evenly spaced values from `from` to `to`: value i = from + i * step, rounded to 12 significant digits (no float drift)',
  );

const FactorSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a column name (letters, digits and _, not starting with a digit)')
      .describe(
        `Column name in results: letters, digits and _, not starting with a digit; unique; not ${RESERVED_COLUMN_NAMES.join(', ')}`,
      ),
    description: z.string().optional().describe('What the factor stands for'),
    parameter: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
        error: 'expected a --set path or a list of them',
      })
      .optional()
      .describe(
        'The scenario parameter(s) the factor sets, as --set paths (labour.quitProbabilityPerMonth, towns.Daska.initialFirms, towns[0].demand.growthPerYear); a list sets each to the same value; `*` stands for every item of a list (towns.*.demand.growthPerYear)',
      ),
    values: z.array(scalar).min(1).optional().describe('The levels a grid takes'),
    range: RangeSchema.optional(),
    min: z
      .number()
      .optional()
      .describe('Lower end of the interval that lhs designs and `clustersim sensitivity` sample'),
    max: z
      .number()
      .optional()
      .describe('Upper end of the interval that lhs designs and `clustersim sensitivity` sample'),
    integer: z.boolean().optional().describe('Round values sampled from min..max to integers (default false)'),
    policies: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'A policy factor: each value is `none` or --policy specs joined by commas (common-facility@Mian Channun:1985,association)',
      ),
  })
  .describe('A factor: a parameter (with values, a range, or min/max) or a policy factor (policies)');

const DesignObjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('grid').describe("Every combination of the factors' levels") }),
  z.strictObject({
    kind: z.literal('lhs').describe("Latin hypercube over the factors' min..max"),
    samples: z.number().int().min(1).max(MAX_DESIGN_POINTS).describe('Number of points'),
  }),
  z.strictObject({
    kind: z.literal('file').describe('Points read from a CSV file'),
    file: z
      .string()
      .min(1)
      .describe('CSV file relative to the sweep file: a header row naming every factor, then one row per point'),
  }),
]);

const KeepSchema = z
  .strictObject({
    metrics: z
      .union([z.literal('all'), z.array(z.string().min(1)).min(1)], {
        error: 'expected "all" or a list of metric names',
      })
      .default(DEFAULT_KEPT_METRICS)
      .describe(`Metrics to keep, or "all"; default: ${DEFAULT_KEPT_METRICS.join(', ')}`),
    towns: z
      .union([z.literal('total'), z.literal('all'), z.array(z.string().min(1)).min(1)], {
        error: 'expected "total", "all" or a list of town names',
      })
      .default('total')
      .describe('total: the all-towns row only (default); all: every town and the all-towns row; or a list of towns'),
    samples: z
      .union(
        [
          z.literal('december'),
          z.literal('end'),
          z.literal('monthly'),
          z.strictObject({
            years: z.array(z.number().int()).min(1).describe('Calendar years; December of each is kept'),
          }),
        ],
        { error: 'expected december, end, monthly or { years: [...] }' },
      )
      .default('december')
      .describe(
        'december: December of every year (default); end: the last month; monthly: every month; { years: [...] }: December of those years',
      ),
  })
  .prefault({})
  .describe('What each run keeps for the results');

const SensitivitySchema = z
  .strictObject({
    outputs: z
      .array(
        z.strictObject({
          metric: z.string().min(1).describe('A metric name (as in timeseries.csv)'),
          town: z.string().min(1).default('all').describe('A town, or all (the all-towns row; default)'),
          year: z.number().int().optional().describe('December of this year; default the last year of the run'),
        }),
      )
      .min(1)
      .optional()
      .describe(`The outputs analysed; default ${DEFAULT_SENSITIVITY_METRICS.join(', ')} in the last year`),
    sobol: z
      .strictObject({
        baseSamples: z
          .number()
          .int()
          .min(2)
          .max(1_000_000)
          .default(64)
          .describe('N; Sobol runs N * (factors + 2) per replication'),
        bootstrap: z.number().int().min(1).max(100_000).default(500).describe('Bootstrap resamples for the intervals'),
        confidence: z.number().gt(0).lt(1).default(0.95).describe('Two-sided confidence level of the intervals'),
      })
      .prefault({})
      .describe('Sobol first-order and total indices (Saltelli sampling)'),
    morris: z
      .strictObject({
        trajectories: z
          .number()
          .int()
          .min(2)
          .max(100_000)
          .default(10)
          .describe('r; Morris runs r * (factors + 1) per replication'),
        levels: z.number().int().min(2).max(1000).default(4).describe('p, an even number of grid levels'),
        candidates: z
          .number()
          .int()
          .min(2)
          .max(1_000_000)
          .optional()
          .describe('Random trajectories to choose from for spread; default 10 * trajectories'),
      })
      .prefault({})
      .describe('Morris elementary effects (Campolongo trajectories)'),
  })
  .describe('Settings for `clustersim sensitivity`');

/** The schema for a `design` written either way: a name (`grid`) or a mapping with `kind`. */
function sweepSchema<D extends z.ZodType>(design: D) {
  return z
    .strictObject({
      $schema: z.string().optional().describe('Path of the JSON Schema, for editors'),
      name: z
        .string()
        .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _, . and -')
        .optional()
        .describe('Sweep name; default the file name without .yaml'),
      description: z.string().optional().describe('One line on what the sweep asks'),
      scenario: z
        .string()
        .min(1)
        .describe('Base scenario: a bundled scenario name, or a path relative to the sweep file'),
      policies: z
        .array(z.string().min(1))
        .default([])
        .describe('--policy specs applied to every run (NAME[@TOWN[+TOWN...]][:YEAR] or a file)'),
      set: z
        .array(z.string().min(1))
        .default([])
        .describe('--set path=value expressions applied to every run, before the factors'),
      years: z.number().int().min(1).max(500).optional().describe('Horizon override (as --years)'),
      replications: z.number().int().min(1).max(100_000).default(1).describe('Runs per design point'),
      seed: z.number().int().min(0).max(4_294_967_295).default(1).describe('Master seed'),
      seeds: z
        .enum(['per-run', 'common'])
        .default('per-run')
        .describe(
          'per-run: every run its own random numbers (seed rule per-run-sha256-v1); common: runs of the same replicate share them across points (common-sha256-v1)',
        ),
      design,
      factors: z.array(FactorSchema).describe('The factors varied; their values become result columns'),
      keep: KeepSchema,
      sensitivity: SensitivitySchema.optional(),
    })
    .describe('A clustersim sweep: a base scenario, factors to vary, replications and what to keep');
}

const DESIGN_DESCRIPTION =
  'grid (default): every combination of levels; { kind: lhs, samples: N }: Latin hypercube over min..max; { kind: file, file: x.csv }: points from a CSV file';

/** The file as written (for editors): `design` is `grid` or a mapping. */
export const SweepFileSchema = sweepSchema(
  z
    .union([z.literal('grid'), DesignObjectSchema], {
      error: 'expected grid, { kind: lhs, samples: N } or { kind: file, file: x.csv }',
    })
    .default('grid')
    .describe(DESIGN_DESCRIPTION),
);

/** The schema read.ts checks against, after `design: grid` is rewritten `{ kind: grid }`. */
export const NormalisedSweepSchema = sweepSchema(
  DesignObjectSchema.default({ kind: 'grid' }).describe(DESIGN_DESCRIPTION),
);

export type SweepFileInput = z.input<typeof NormalisedSweepSchema>;
export type SweepFile = z.output<typeof NormalisedSweepSchema>;
export type FactorFile = z.output<typeof FactorSchema>;
