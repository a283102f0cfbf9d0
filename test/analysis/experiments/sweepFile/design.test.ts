/**
 * Designs: a grid is every combination, row-major with the first factor slowest; a
 * range has no float drift; a Latin hypercube hits each stratum of each factor once
 * and is the same for the same seed; a design file round-trips (columns in any
 * order, quoted policy values); `*` expands to every item of a list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  designPoints,
  factorColumns,
  pointFromValues,
  pointParams,
  sensitivityFactors,
} from '../../../../analysis/experiments/sweepFile/index.js';
import { rangeValues, roundSignificant } from '../../../../analysis/experiments/sweepFile/ranges.js';
import { latinHypercubeUnits } from '../../../../analysis/experiments/sweepFile/lhs.js';
import { sweepFolder, TINY_SCENARIO } from './helpers.js';

const folder = sweepFolder();
folder.write('tiny.yaml', TINY_SCENARIO);

describe('grid', () => {
  const def = folder.parse(`scenario: tiny.yaml
factors:
  - name: quit
    parameter: labour.quitProbabilityPerMonth
    values: [0.01, 0.02, 0.03]
  - name: policy
    policies: [none, "design-protection,association"]
  - name: growth
    parameter: [towns.Alpha.demand.growthPerYear, "towns[1].demand.growthPerYear"]
    range: { from: 0, to: 0.1, count: 2 }
`);

  it('has the product of the level counts, the first factor changing slowest', () => {
    const points = designPoints(def);
    expect(points).toHaveLength(3 * 2 * 2);
    expect(points.map((p) => [p.factors.quit, p.factors.policy, p.factors.growth])).toEqual([
      [0.01, 'none', 0],
      [0.01, 'none', 0.1],
      [0.01, 'design-protection,association', 0],
      [0.01, 'design-protection,association', 0.1],
      [0.02, 'none', 0],
      [0.02, 'none', 0.1],
      [0.02, 'design-protection,association', 0],
      [0.02, 'design-protection,association', 0.1],
      [0.03, 'none', 0],
      [0.03, 'none', 0.1],
      [0.03, 'design-protection,association', 0],
      [0.03, 'design-protection,association', 0.1],
    ]);
  });

  it('turns each point into its own --set expressions (list items by name) and --policy specs', () => {
    const point = designPoints(def)[3];
    expect(point.set).toEqual([
      'labour.quitProbabilityPerMonth=0.01',
      'towns.Alpha.demand.growthPerYear=0.1',
      'towns.Beta.demand.growthPerYear=0.1',
    ]);
    expect(point.policies).toEqual(['design-protection', 'association']);
    const params = pointParams(def, point);
    expect(params.labour.quitProbabilityPerMonth).toBe(0.01);
    expect(params.towns.map((town) => town.demand.growthPerYear)).toEqual([0.1, 0.1]);
    expect(params.policies.map((policy) => policy.kind)).toEqual(['designProtection', 'association']);
  });

  it('gives each factor a result column of its type', () => {
    expect(factorColumns(def)).toEqual([
      { name: 'quit', type: 'number' },
      { name: 'policy', type: 'string' },
      { name: 'growth', type: 'number' },
    ]);
  });

  it('with no factors is one point (the base scenario, replicated)', () => {
    const points = designPoints(folder.parse('scenario: tiny.yaml\nreplications: 3\nfactors: []\n'));
    expect(points).toEqual([{ factors: {}, policies: [], set: [] }]);
  });

  it('quotes a text value YAML would read as something else', () => {
    const text = folder.parse(`scenario: tiny.yaml
factors:
  - name: founder
    parameter: entry.founderProduct
    values: [simplest, mostOrders]
`);
    expect(designPoints(text).map((p) => p.set[0])).toEqual([
      'entry.founderProduct=simplest',
      'entry.founderProduct=mostOrders',
    ]);
    expect(pointParams(text, designPoints(text)[1]).entry.founderProduct).toBe('mostOrders');
    const odd = folder.parse(`scenario: tiny.yaml
factors:
  - name: n
    parameter: name
    values: ["007", "true"]
`);
    expect(designPoints(odd).map((p) => p.set[0])).toEqual(['name="007"', 'name="true"']);
  });
});

describe('range', () => {
  it('0 to 0.1 by 0.025 is exactly five values, no drift', () => {
    expect(rangeValues({ from: 0, to: 0.1, step: 0.025 })).toEqual([0, 0.025, 0.05, 0.075, 0.1]);
    expect(rangeValues({ from: 0, to: 0.3, step: 0.1 })).toEqual([0, 0.1, 0.2, 0.3]);
    expect(rangeValues({ from: 0.1, to: 0.7, count: 7 })).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('by step: n + 1 values, from and to at the ends, each at most 12 significant digits (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 200 }),
        (fromThousandths, stepThousandths, steps) => {
          const from = fromThousandths / 1000;
          const step = stepThousandths / 1000;
          const to = roundSignificant(from + steps * step);
          const values = rangeValues({ from, to, step });
          if (!Array.isArray(values)) return false;
          return (
            values.length === steps + 1 &&
            values[0] === from &&
            values[steps] === to &&
            values.every((value) => Number(value.toPrecision(12)) === value) &&
            values.every((value, i) => i === 0 || value > values[i - 1])
          );
        },
      ),
    );
  });

  it('by count: count values from `from` to `to` exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 100 }),
        (from, width, count) => {
          const to = from + width;
          const values = rangeValues({ from, to, count });
          if (!Array.isArray(values)) return false;
          return (
            values.length === count &&
            values[0] === roundSignificant(from) &&
            values[count - 1] === roundSignificant(to)
          );
        },
      ),
    );
  });
});

describe('Latin hypercube', () => {
  it('hits each of the n strata of each factor exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (samples, dimensions, seed) => {
          const rows = latinHypercubeUnits(samples, dimensions, seed);
          if (rows.length !== samples) return false;
          for (let d = 0; d < dimensions; d++) {
            const strata = rows.map((row) => Math.floor(row[d] * samples)).sort((a, b) => a - b);
            if (!strata.every((stratum, i) => stratum === i)) return false;
          }
          return true;
        },
      ),
    );
  });

  const text = `scenario: tiny.yaml
seed: 42
design: { kind: lhs, samples: 10 }
factors:
  - name: quit
    parameter: labour.quitProbabilityPerMonth
    min: 0.01
    max: 0.05
  - name: founders
    parameter: towns.*.initialFirms
    min: 2
    max: 12
    integer: true
`;

  it('scales to min..max, one value in each tenth of each range, and rounds integer factors', () => {
    const def = folder.parse(text);
    const points = designPoints(def);
    expect(points).toHaveLength(10);
    const quit = points.map((p) => p.factors.quit as number);
    const tenths = quit.map((q) => Math.min(9, Math.floor(((q - 0.01) / 0.04) * 10))).sort((a, b) => a - b);
    expect(tenths).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const founders = points.map((p) => p.factors.founders as number);
    expect(founders.every((n) => Number.isInteger(n) && n >= 2 && n <= 12)).toBe(true);
    expect(points[0].set).toContain(`towns.Beta.initialFirms=${founders[0]}`);
  });

  it('is the same for the same seed and different for another', () => {
    const again = designPoints(folder.parse(text));
    expect(designPoints(folder.parse(text))).toEqual(again);
    const other = designPoints(folder.parse(text.replace('seed: 42', 'seed: 43')));
    expect(other).not.toEqual(again);
  });

  it('exposes min..max as sensitivity factors, and pointFromValues rounds integer factors', () => {
    const def = folder.parse(text);
    expect(sensitivityFactors(def)).toEqual([
      { name: 'quit', min: 0.01, max: 0.05 },
      { name: 'founders', min: 2, max: 12 },
    ]);
    const point = pointFromValues(def, [0.02, 6.6]);
    expect(point.factors).toEqual({ quit: 0.02, founders: 7 });
    expect(point.set).toEqual([
      'labour.quitProbabilityPerMonth=0.02',
      'towns.Alpha.initialFirms=7',
      'towns.Beta.initialFirms=7',
    ]);
  });
});

describe('design file', () => {
  it('round-trips rows in order, columns in any order, quoted policy values, typed cells', () => {
    folder.write(
      'design.csv',
      'policy,quit,founder\r\nnone,0.01,simplest\r\n"design-protection,association",0.02,mostOrders\r\n\r\n"training-centre@Alpha:1991",0.015,simplest\r\n',
    );
    const def = folder.parse(`scenario: tiny.yaml
design: { kind: file, file: design.csv }
factors:
  - name: quit
    parameter: labour.quitProbabilityPerMonth
  - name: founder
    parameter: entry.founderProduct
  - name: policy
    policies: [none, "design-protection,association", "training-centre@Alpha:1991"]
`);
    const points = designPoints(def);
    expect(points.map((p) => p.factors)).toEqual([
      { quit: 0.01, founder: 'simplest', policy: 'none' },
      { quit: 0.02, founder: 'mostOrders', policy: 'design-protection,association' },
      { quit: 0.015, founder: 'simplest', policy: 'training-centre@Alpha:1991' },
    ]);
    expect(points[2].policies).toEqual(['training-centre@Alpha:1991']);
    expect(factorColumns(def)).toEqual([
      { name: 'quit', type: 'number' },
      { name: 'founder', type: 'string' },
      { name: 'policy', type: 'string' },
    ]);
    const params = pointParams(def, points[1]);
    expect(params.labour.quitProbabilityPerMonth).toBe(0.02);
    expect(params.entry.founderProduct).toBe('mostOrders');
    expect(params.policies.map((p) => p.kind)).toEqual(['designProtection', 'association']);
  });

  it('refuses a missing column, a short row, a mixed column and an empty file, naming the CSV line', () => {
    const sweep = `scenario: tiny.yaml
design: { kind: file, file: bad.csv }
factors:
  - name: quit
    parameter: labour.quitProbabilityPerMonth
  - name: growth
    parameter: towns.*.demand.growthPerYear
`;
    const csvError = (csv: string) => {
      const path = folder.write('bad.csv', csv);
      try {
        folder.parse(sweep);
      } catch (error) {
        return (error as Error).message.replace(path, 'bad.csv');
      }
      throw new Error('expected an error');
    };
    expect(csvError('quit\n0.1\n')).toBe('bad.csv:1: expected a column for every factor; missing: growth');
    expect(csvError('quit,growth,quit\n')).toBe('bad.csv:1: column "quit" appears twice');
    expect(csvError('quit,growth\n0.1,0.02\n0.2\n')).toBe('bad.csv:3: expected 2 cells (as the header), got 1');
    expect(csvError('quit,growth\n0.1,0.02\nhigh,0.03\n')).toBe(
      'bad.csv:3: quit: expected a number (as the column\'s other values), got "high"',
    );
    expect(csvError('quit,growth\n')).toBe('bad.csv:1: expected at least one row after the header');
    expect(csvError('')).toBe('bad.csv: empty design file; expected a header row naming the factors');
    expect(csvError('quit,growth\n"0.1,0.02\n')).toBe('bad.csv:2: malformed CSV: a quoted field is not closed');
  });
});

describe('* in a parameter path', () => {
  it('expands to every item of the list, by name, in the scenario order', () => {
    const def = folder.parse(`scenario: punjab-farm-equipment
years: 2
factors:
  - name: growth
    parameter: towns.*.demand.growthPerYear
    values: [0.03]
`);
    expect(def.factors[0].paths).toEqual([
      'towns.Daska.demand.growthPerYear',
      'towns.Mian Channun.demand.growthPerYear',
      'towns.Lahore.demand.growthPerYear',
      'towns.Gujranwala.demand.growthPerYear',
      'towns.Faisalabad.demand.growthPerYear',
      'towns.Sargodha.demand.growthPerYear',
      'towns.Multan.demand.growthPerYear',
      'towns.Okara.demand.growthPerYear',
    ]);
    const params = pointParams(def, designPoints(def)[0]);
    expect(params.towns.every((town) => town.demand.growthPerYear === 0.03)).toBe(true);
  });

  it('reaches lists inside list items and parameters the file leaves at their default', () => {
    const def = folder.parse(`scenario: tiny.yaml
factors:
  - name: max
    parameter: towns.*.workersPerFirm.max
    values: [5]
  - name: premium
    parameter: labour.wageCapabilityPremium
    values: [0.1]
`);
    expect(def.factors[0].paths).toEqual(['towns.Alpha.workersPerFirm.max', 'towns.Beta.workersPerFirm.max']);
    const params = pointParams(def, designPoints(def)[0]);
    expect(params.towns.map((town) => town.workersPerFirm.max)).toEqual([5, 5]);
    expect(params.labour.wageCapabilityPremium).toBe(0.1);
  });
});
