/**
 * Phase: exogenous drivers. This month's demand in each town (growth path x calendar
 * x demand shock), and the month's values of the shock and import paths (docs/ODD.md
 * §7.1, §7.10, §7.11), evaluated here once per tick and published in the towns store
 * for the kernels to read.
 */
import type { Phase } from '../../simulation.js';
import type { ImportParams, ShockPaths, YearlyPath } from '../../params.js';
import { HEADER } from '../../state/header.js';
import { importCapacityUnits, importPrice, townDemandUnits } from '../equations.js';
import { pathValueAt, yearAtTick } from '../paths.js';

export const exogenousDemand: Phase = {
  name: 'exogenous-demand',
  run({ world, host }) {
    const { params } = world;
    const tick = world.header[HEADER.tick];
    const year = yearAtTick(params.startYear, tick);
    const { shocks, imports, market } = params;
    // Scenario-wide values, once; a town's own path (rare) is evaluated for that town only.
    const material = pathValueAt(shocks.materialPriceIndex, year);
    const power = pathValueAt(shocks.powerAvailability, year);
    const demandIndex = pathValueAt(shocks.demandIndex, year);
    const priceIndex = pathValueAt(imports.priceIndex, year);
    const quality = pathValueAt(imports.quality, year);
    const capacityShare = pathValueAt(imports.capacityShare, year);
    const townValue = (own: YearlyPath | undefined, scenarioWide: number) =>
      own ? pathValueAt(own, year) : scenarioWide;
    const c = world.towns.cols;
    params.towns.forEach((town, index) => {
      const own: Partial<ShockPaths> = town.shocks ?? {};
      const ownImports: Partial<ImportParams> = town.imports ?? {};
      const demand = townDemandUnits(town, market, tick) * townValue(own.demandIndex, demandIndex);
      c.demandUnits[index] = demand;
      c.materialCostIndex[index] = townValue(own.materialPriceIndex, material);
      c.powerAvailability[index] = townValue(own.powerAvailability, power);
      c.importPrice[index] = importPrice(market, townValue(ownImports.priceIndex, priceIndex));
      c.importQuality[index] = townValue(ownImports.quality, quality);
      c.importCapacityUnits[index] = importCapacityUnits(townValue(ownImports.capacityShare, capacityShare), demand);
    });
    host.tickCounts.fill(0);
  },
};
