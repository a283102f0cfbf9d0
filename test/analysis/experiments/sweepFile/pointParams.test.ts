/**
 * pointParams gives exactly loadScenario's parameters (it composes from files read
 * once, so it must not drift from the loader) and reads the scenario files once per
 * definition.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../scenarios/load.js';
import { parameterHash } from '../../../../analysis/output/provenance.js';
import {
  bundledSweepNames,
  designPoints,
  pointParams,
  readSweepFile,
  type DesignPoint,
  type SweepDefinition,
} from '../../../../analysis/experiments/sweepFile/index.js';
import { sweepFolder, TINY_SCENARIO } from './helpers.js';

const folder = sweepFolder();

function loaderParams(def: SweepDefinition, point: DesignPoint) {
  return loadScenario(def.scenario, {
    policies: [...def.policies, ...point.policies],
    set: [...def.set, ...point.set],
    years: def.years,
  }).params;
}

describe('pointParams equals loadScenario', () => {
  it.each(bundledSweepNames())('for every point of the bundled sweep %s', (name) => {
    const def = readSweepFile(name);
    for (const point of designPoints(def)) {
      expect(parameterHash(pointParams(def, point))).toBe(parameterHash(loaderParams(def, point)));
    }
  });

  it('with fixed and point policies, fixed --set, an extends chain, indices, names and sections the file lacks', () => {
    const def = folder.parse(`scenario: punjab-farm-equipment-no-facility
years: 12
policies: ["training-centre@Okara:1962"]
set: ["towns[2].initialFirms=4", "finance.creditLimitMonthsOfWageBill=2"]
factors:
  - name: policy
    policies: [none, "common-facility@Mian Channun:1965,association"]
  - name: founders
    parameter: towns.Daska.initialFirms
    values: [3, 9]
  - name: seasonality
    parameter: market.seasonality.0
    values: [0.5]
  - name: patience
    parameter: exit.ownerPatienceMonths
    values: [12]
`);
    const points = designPoints(def);
    expect(points).toHaveLength(4);
    for (const point of points) {
      const params = pointParams(def, point);
      expect(parameterHash(params)).toBe(parameterHash(loaderParams(def, point)));
      expect(params.market.seasonality[0]).toBe(0.5);
      expect(params.towns[2].initialFirms).toBe(4);
    }
    expect(pointParams(def, points[3]).policies.map((p) => p.kind)).toEqual([
      'rdExtension',
      'tradeFair',
      'trainingCentre',
      'commonFacility',
      'association',
    ]);
  });
});

describe('pointParams reads the scenario once', () => {
  it('composes later points from what it read, even after the file changes', () => {
    folder.write('changing.yaml', TINY_SCENARIO);
    const def = folder.parse(`scenario: changing.yaml
factors:
  - name: quit
    parameter: labour.quitProbabilityPerMonth
    values: [0.01, 0.02]
`);
    const [first, second] = designPoints(def);
    expect(pointParams(def, first).towns[0].initialFirms).toBe(3);
    folder.write('changing.yaml', TINY_SCENARIO.replace('initialFirms: 3', 'initialFirms: 30'));
    expect(pointParams(def, second).towns[0].initialFirms).toBe(3);
  });

  it('composes every point of a 1,000-point grid, each with its own values', () => {
    const def = folder.parse(`scenario: punjab-farm-equipment
years: 5
factors:
  - name: quit
    parameter: labour.quitProbabilityPerMonth
    range: { from: 0.001, to: 0.1, count: 40 }
  - name: growth
    parameter: towns.*.demand.growthPerYear
    range: { from: 0, to: 0.096, step: 0.004 }
`);
    const points = designPoints(def);
    expect(points).toHaveLength(1000);
    const seen = new Set<string>();
    for (const point of points) {
      const params = pointParams(def, point);
      seen.add(`${params.labour.quitProbabilityPerMonth} ${params.towns[7].demand.growthPerYear}`);
    }
    expect(seen.size).toBe(1000);
  });
});
