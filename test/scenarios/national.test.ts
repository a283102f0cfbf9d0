/**
 * The national scenario (scenarios/bangladesh-le-sector.yaml) is about scale: it must
 * validate, put the seed's sector size into the engine (about 60,000 firms and 600,000
 * workers, in the proportions of the BEIOA table), and run a full-size year
 * deterministically. The 40-year run is measured by `npm run bench:national`.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load.js';
import { runOne, type RunResult } from '../../sim/runOne.js';
import type { ModelParams } from '../../sim/params.js';
import { REPO_ROOT } from '../helpers/cli.js';

const FILE = join(REPO_ROOT, 'scenarios', 'bangladesh-le-sector.yaml');

/** [B] Table 1: BEIOA members per district (13,000 in all), and the towns of each region in the scenario. */
const REGIONS: { members: number; towns: string[] }[] = [
  { members: 5000, towns: ['Tipu Sultan Road', 'Bonogram', 'Dholaikhal', 'Zinzira'] },
  { members: 1500, towns: ['Railway Market', 'Bogra BSCIC'] },
  { members: 1000, towns: ['Jessore'] },
  { members: 1000, towns: ['Tongi-Gazipur'] },
  { members: 500, towns: ['Pabna'] },
  { members: 1000, towns: ['Narayanganj'] },
  { members: 2000, towns: ['Chittagong North', 'Chittagong South'] },
  { members: 1000, towns: ['Khulna'] },
];

/** The all-towns value of a metric in a month. */
function allTowns(result: RunResult, metric: string, tick: number): number {
  const index = result.metricNames.indexOf(metric);
  expect(index).toBeGreaterThanOrEqual(0);
  const rows = result.townNames.length + 1;
  return result.metrics[(tick * rows + rows - 1) * result.metricNames.length + index];
}

describe('bangladesh-le-sector (national scale)', () => {
  let params: ModelParams;

  beforeAll(() => {
    params = loadScenario(FILE, { years: 1 }).params;
  });

  it('validates and spreads ~60,000 founding firms over the eight regions as BEIOA members are spread', () => {
    expect(loadScenario(FILE).params.years).toBe(40);
    const firms = new Map(params.towns.map((town) => [town.name, town.initialFirms]));
    expect([...firms.keys()].sort()).toEqual(REGIONS.flatMap((region) => region.towns).sort());
    const total = [...firms.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(59_000);
    expect(total).toBeLessThanOrEqual(61_000);
    const members = REGIONS.reduce((sum, region) => sum + region.members, 0);
    for (const region of REGIONS) {
      const regionFirms = region.towns.reduce((sum, town) => sum + firms.get(town)!, 0);
      expect(regionFirms / total).toBeCloseTo(region.members / members, 3);
    }
    // Mean founding size 10 workers (600,000 / 60,000), owner included.
    for (const town of params.towns) expect((town.workersPerFirm.min + town.workersPerFirm.max) / 2).toBe(10);
  });

  it('runs a full-size year deterministically, starting at the stated size', async () => {
    const first = await runOne({ params, seed: 1, threads: 1 });
    const firmsAtStart = allTowns(first, 'firms', 0);
    const workersAtStart = allTowns(first, 'workers', 0);
    expect(firmsAtStart).toBeGreaterThanOrEqual(55_000);
    expect(firmsAtStart).toBeLessThanOrEqual(61_000);
    expect(workersAtStart).toBeGreaterThanOrEqual(540_000);
    expect(workersAtStart).toBeLessThanOrEqual(660_000);
    // A year later the sector is still of that order (no collapse in the first months).
    expect(allTowns(first, 'firms', 11)).toBeGreaterThanOrEqual(50_000);
    expect(allTowns(first, 'workers', 11)).toBeGreaterThanOrEqual(500_000);
    // December's panel holds one row per firm alive.
    expect(first.firmPanel.rows).toBe(allTowns(first, 'firms', 11));

    const second = await runOne({ params, seed: 1, threads: 1 });
    expect(second.metrics).toEqual(first.metrics);
    expect(second.events.length).toBe(first.events.length);
    expect(second.firmsEverCreated).toBe(first.firmsEverCreated);
    expect(second.workersEverCreated).toBe(first.workersEverCreated);
  });
});
