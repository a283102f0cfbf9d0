/** A town (cluster) of a scenario: founding firms, hinterland demand and its own paths. */
import { z } from 'zod';
import { range } from './common.js';
import { importPaths, shockPaths } from './groups.js';
import { TownProductsSchema } from './catalogue.js';

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
    products: TownProductsSchema.optional(),
  })
  .describe('A town (cluster) with its hinterland demand');
