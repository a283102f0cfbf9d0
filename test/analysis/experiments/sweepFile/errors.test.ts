/**
 * Every kind of mistake in a sweep file is one line naming file:line and the field
 * path, with what was expected and what was found (a did-you-mean where a name is
 * misspelt), whether it is found when reading, when a point is composed into a
 * scenario (pointParams), or when what to keep is resolved.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../../scenarios/errors.js';
import {
  designPoints,
  pointParams,
  readSweepFile,
  resolveKeep,
  sensitivityFactors,
  type SweepDefinition,
} from '../../../../analysis/experiments/sweepFile/index.js';
import { sweepFolder, TINY_SCENARIO } from './helpers.js';

const folder = sweepFolder();
const FILE = join(folder.dir, 'x.yaml');

const GOOD = `scenario: punjab-farm-equipment
years: 10
factors:
  - name: quitRate
    parameter: labour.quitProbabilityPerMonth
    values: [0.01, 0.02]
`;

/** Compose every point and resolve what it keeps: the work before any run. */
function planAll(def: SweepDefinition): void {
  for (const point of designPoints(def)) resolveKeep(def, pointParams(def, point));
}

/** The one-line UserInputError that reading `text` (then `then`) throws. */
function errorOf(text: string, then: (def: SweepDefinition) => void = planAll): string {
  try {
    then(folder.parse(text));
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message.replaceAll(FILE, 'x.yaml').replaceAll(folder.dir, 'DIR');
  }
  throw new Error('expected an error');
}

describe('reading: shape', () => {
  it('an unknown key, with did-you-mean and the keys allowed', () => {
    expect(errorOf(GOOD.replace('years:', 'yeras:'))).toBe(
      'x.yaml:2: yeras: unknown key (did you mean "years"?); expected one of: name, description, scenario, policies, set, years, replications, seed, seeds, design, factors, keep, sensitivity',
    );
  });

  it('an unknown key inside a factor and inside keep.samples (one option of a union)', () => {
    expect(errorOf(GOOD.replace('values:', 'valeus:'))).toMatch(
      /^x\.yaml:6: factors\[0\]\.valeus: unknown key \(did you mean "values"\?\)/,
    );
    expect(errorOf(`${GOOD}keep:\n  samples: { yaers: [1965] }\n`)).toBe(
      'x.yaml:8: keep.samples.yaers: unknown key (did you mean "years"?); expected one of: years',
    );
  });

  it('a wrong type', () => {
    expect(errorOf(GOOD.replace('years: 10', 'years: ten'))).toBe('x.yaml:2: years: expected a number, got "ten"');
    expect(errorOf(GOOD.replace('labour.quitProbabilityPerMonth', '5'))).toBe(
      'x.yaml:5: factors[0].parameter: expected a --set path or a list of them, got 5',
    );
  });

  it('a wrong item inside a list option of a union points at the item', () => {
    expect(errorOf(`${GOOD}keep:\n  towns: [Daska, 3]\n`)).toBe('x.yaml:8: keep.towns[1]: expected a string, got 3');
  });

  it('malformed YAML and a file that is not a mapping', () => {
    expect(errorOf('scenario: [\n')).toMatch(/^x\.yaml:2: malformed YAML: /);
    expect(errorOf('- a\n')).toBe('x.yaml: (root): expected a mapping of sweep fields, got a list of 1');
  });

  it('a design that is neither grid, lhs nor file; lhs without samples', () => {
    expect(errorOf(GOOD.replace('years: 10', 'design: latin'))).toBe(
      'x.yaml:2: design.kind: expected one of grid, lhs, file, got "latin"',
    );
    expect(errorOf(GOOD.replace('years: 10', 'design: lhs'))).toBe(
      'x.yaml:2: design.samples: expected a number, got nothing (the field is missing)',
    );
  });

  it('a missing sweep file names the bundled ones', () => {
    expect(() => readSweepFile('punjab-lhx')).toThrow(
      /^punjab-lhx: sweep file not found \(did you mean "punjab-lhs"\?\); expected a path to a sweep YAML file/,
    );
  });
});

describe('reading: the scenario and fixed overrides', () => {
  it('a missing scenario, with did-you-mean', () => {
    expect(errorOf(GOOD.replace('punjab-farm-equipment', 'punjab-farm-equipmnt'))).toMatch(
      /^x\.yaml:1: scenario: no scenario "punjab-farm-equipmnt" \(did you mean "punjab-farm-equipment"\?\); expected a bundled scenario \(.*\) or a path relative to DIR$/,
    );
  });

  it('a bad --set expression or policy applied to every run, at its line', () => {
    expect(errorOf(GOOD.replace('years: 10', 'set: [labour.quitProbabilityPerMonth=3]'))).toBe(
      'x.yaml:2: set[0] (labour.quitProbabilityPerMonth=3): labour.quitProbabilityPerMonth: expected a number <= 1, got 3',
    );
    expect(errorOf(GOOD.replace('years: 10', 'policies: [design-protecton]'))).toMatch(
      /^x\.yaml:2: policies\[0\]: design-protecton: no policy file \(did you mean "design-protection"\?\)/,
    );
  });

  it("an error in the scenario file itself is shown under the sweep's scenario field", () => {
    folder.write('broken.yaml', TINY_SCENARIO.replace('growthPerYear: 0.05', 'growthPerYear: 9'));
    expect(errorOf(GOOD.replace('punjab-farm-equipment', 'broken.yaml'))).toBe(
      'x.yaml:1: scenario (DIR/broken.yaml): DIR/broken.yaml:8: towns[0].demand.growthPerYear: expected a number <= 2, got 9',
    );
  });
});

describe('reading: factors', () => {
  it('an unknown parameter path, with did-you-mean, for a key and for a list item', () => {
    expect(errorOf(GOOD.replace('quitProbabilityPerMonth', 'quitProbabiltyPerMonth'))).toMatch(
      /^x\.yaml:5: factors\[0\]\.parameter: labour has no parameter "quitProbabiltyPerMonth" \(did you mean "quitProbabilityPerMonth"\?\); expected one of: unitsPerWorkerMonth, /,
    );
    expect(errorOf(GOOD.replace('labour.quitProbabilityPerMonth', 'towns.Dasksa.initialFirms'))).toBe(
      'x.yaml:5: factors[0].parameter: towns has no item "Dasksa" (did you mean "Daska"?); expected an index below 8, a name (Daska, Mian Channun, Lahore, Gujranwala, Faisalabad, Sargodha, Multan, Okara) or *',
    );
  });

  it('a path in a list of parameters is named by its index; * on a mapping; a path through a number', () => {
    expect(
      errorOf(GOOD.replace('labour.quitProbabilityPerMonth', '[labour.quitProbabilityPerMonth, labour.x]')),
    ).toMatch(/^x\.yaml:5: factors\[0\]\.parameter\[1\]: labour has no parameter "x"/);
    expect(errorOf(GOOD.replace('labour.quitProbabilityPerMonth', 'labour.*'))).toBe(
      'x.yaml:5: factors[0].parameter: labour is a mapping; * stands for every item of a list',
    );
    expect(errorOf(GOOD.replace('labour.quitProbabilityPerMonth', 'years.x'))).toBe(
      'x.yaml:5: factors[0].parameter: years is 35, not a mapping or list',
    );
  });

  it('a duplicate name (ignoring case), a reserved name, a name that is not a column name', () => {
    const second = '  - name: QuitRate\n    parameter: labour.layoffProbabilityPerMonth\n    values: [0.1]\n';
    expect(errorOf(GOOD + second)).toBe(
      'x.yaml:7: factors[1].name: "QuitRate" is also the name of factors[0] (names are compared ignoring case); expected a unique name',
    );
    expect(errorOf(GOOD.replace('name: quitRate', 'name: Seed'))).toBe(
      'x.yaml:4: factors[0].name: "Seed" is a column of every result (runKey, seed, replicate, point, tick, town, metric, value); expected another name',
    );
    expect(errorOf(GOOD.replace('name: quitRate', 'name: 1x'))).toBe(
      'x.yaml:4: factors[0].name: expected a column name (letters, digits and _, not starting with a digit), got "1x"',
    );
  });

  it('a value of the wrong type for the parameter, and values of mixed types', () => {
    expect(errorOf(GOOD.replace('[0.01, 0.02]', '[high]'))).toBe(
      'x.yaml:6: factors[0].values[0]: expected a number (labour.quitProbabilityPerMonth takes a number), got "high"',
    );
    expect(errorOf(GOOD.replace('[0.01, 0.02]', '[0.01, high]'))).toBe(
      'x.yaml:6: factors[0].values[1]: expected a number (as the first value), got "high"',
    );
  });

  it('a bad range: both step and count, to below from', () => {
    expect(errorOf(GOOD.replace('values: [0.01, 0.02]', 'range: { from: 0, to: 0.1, step: 0.01, count: 3 }'))).toBe(
      'x.yaml:6: factors[0].range: expected either step or count (one of them)',
    );
    expect(errorOf(GOOD.replace('values: [0.01, 0.02]', 'range: { from: 0.1, to: 0, step: 0.01 }'))).toBe(
      'x.yaml:6: factors[0].range.to: expected a number >= from (0.1), got 0',
    );
  });

  it('a policy factor naming a policy file that does not exist, or with a parameter', () => {
    const policy = 'scenario: punjab-farm-equipment\nfactors:\n  - name: p\n    policies: [none, design-protecton]\n';
    expect(errorOf(policy)).toMatch(
      /^x\.yaml:4: factors\[0\]\.policies\[1\]: design-protecton: no policy file \(did you mean "design-protection"\?\)/,
    );
    expect(errorOf(policy.replace('    policies', '    parameter: years\n    policies'))).toBe(
      'x.yaml:4: factors[0].parameter: a policy factor (policies) takes its values from its list; expected no parameter',
    );
  });

  it('an integer parameter sampled without integer: true', () => {
    const text = `scenario: punjab-farm-equipment\ndesign: { kind: lhs, samples: 3 }\nfactors:\n  - name: a\n    parameter: labour.apprenticeshipMonths\n    min: 6\n    max: 36\n`;
    expect(errorOf(text)).toBe(
      'x.yaml:6: factors[0].min: labour.apprenticeshipMonths takes integers; expected integer: true to round sampled values',
    );
  });
});

describe('reading: designs', () => {
  it('a grid needs levels for every factor', () => {
    const text = GOOD.replace('values: [0.01, 0.02]', 'min: 0\n    max: 0.1');
    expect(errorOf(text.replace('factors:', 'design: grid\nfactors:'))).toBe(
      "x.yaml:5: factors[0]: a grid takes every factor's values, range or policies; quitRate has only min..max (sample it with design: { kind: lhs, samples: N })",
    );
    // Without a design the file reads (clustersim sensitivity draws its own); a sweep asks for one.
    expect(folder.parse(text).design).toEqual({ kind: 'intervals' });
    expect(errorOf(text)).toBe(
      'x.yaml:4: factors[0]: a sweep needs a design: quitRate has only min..max; add design: { kind: lhs, samples: N } or give it values (as written, the file suits clustersim sensitivity)',
    );
  });

  it('a Latin hypercube with a policy factor, or with a factor without min..max', () => {
    const lhs = 'scenario: punjab-farm-equipment\ndesign: { kind: lhs, samples: 4 }\nfactors:\n';
    expect(errorOf(`${lhs}  - name: p\n    policies: [none, design-protection]\n`)).toBe(
      'x.yaml:4: factors[0]: a Latin hypercube samples min..max; p is a policy factor (use a grid or a design file)',
    );
    expect(errorOf(`${lhs}  - name: q\n    parameter: labour.quitProbabilityPerMonth\n    values: [0.1]\n`)).toBe(
      'x.yaml:4: factors[0]: a Latin hypercube samples min..max; expected min and max for q',
    );
  });

  it('a missing design file is named at design.file; problems inside it at the CSV line', () => {
    const fileDesign = GOOD.replace('years: 10', 'design: { kind: file, file: d.csv }');
    expect(errorOf(fileDesign)).toBe(
      'x.yaml:2: design.file: no design file "d.csv" (looked for DIR/d.csv); expected a CSV file relative to the sweep file',
    );
    folder.write('d.csv', 'quitrate\n0.01\n');
    expect(errorOf(fileDesign)).toBe(
      'DIR/d.csv:1: column "quitrate" is not a factor of the sweep (did you mean "quitRate"?); expected the factors\' names: quitRate',
    );
    folder.write('d.csv', 'quitRate\n0.01\n0.03\n');
    expect(errorOf(fileDesign)).toBe(
      "DIR/d.csv:3: quitRate: expected one of 0.01, 0.02 (factor quitRate's values), got 0.03",
    );
  });
});

describe('composing points (pointParams): errors at the line that wrote the value', () => {
  it('a grid value out of the parameter range names the value', () => {
    expect(errorOf(GOOD.replace('[0.01, 0.02]', '[0.01, 0.02, 7]'))).toBe(
      'x.yaml:6: factors[0].values[2] (labour.quitProbabilityPerMonth=7): labour.quitProbabilityPerMonth: expected a number <= 1, got 7',
    );
  });

  it('a range value out of range names the range', () => {
    expect(errorOf(GOOD.replace('values: [0.01, 0.02]', 'range: { from: 0.5, to: 1.5, step: 0.5 }'))).toBe(
      'x.yaml:6: factors[0].range (labour.quitProbabilityPerMonth=1.5): labour.quitProbabilityPerMonth: expected a number <= 1, got 1.5',
    );
  });

  it('a sampled value out of range names max (or min)', () => {
    const text = `scenario: punjab-farm-equipment\nyears: 3\ndesign: { kind: lhs, samples: 3 }\nfactors:\n  - name: a\n    parameter: labour.quitProbabilityPerMonth\n    min: 0.9\n    max: 1.5\n`;
    expect(errorOf(text)).toMatch(
      /^x\.yaml:8: factors\[0\]\.max \(labour\.quitProbabilityPerMonth=1\.\d+\): labour\.quitProbabilityPerMonth: expected a number <= 1, got 1\.\d+$/,
    );
  });

  it('a policy placed in a town the scenario lacks names the policy value', () => {
    const text =
      'scenario: punjab-farm-equipment\nyears: 5\nfactors:\n  - name: p\n    policies: [none, "training-centre@Okra"]\n';
    expect(errorOf(text)).toMatch(
      /^x\.yaml:5: factors\[0\]\.policies\[1\] \(training-centre@Okra\): policies\[\d+\]\.towns\[0\]: expected a town of this scenario \(did you mean "Okara"\?\)/,
    );
  });

  it('a design-file value out of range names the CSV line and column', () => {
    folder.write('range.csv', 'quitRate\n0.01\n2\n');
    const text = GOOD.replace('years: 10', 'design: { kind: file, file: range.csv }').replace(
      '    values: [0.01, 0.02]\n',
      '',
    );
    expect(errorOf(text)).toBe(
      'DIR/range.csv:3: quitRate (labour.quitProbabilityPerMonth=2): labour.quitProbabilityPerMonth: expected a number <= 1, got 2',
    );
  });
});

describe('what to keep and sensitivity: unknown metric, unknown town, year outside the horizon', () => {
  it('an unknown metric, with did-you-mean and the metrics there are', () => {
    expect(errorOf(`${GOOD}keep:\n  metrics: [firms, meanCapabilty]\n`)).toMatch(
      /^x\.yaml:8: keep\.metrics\[1\]: unknown metric "meanCapabilty" \(did you mean "meanCapability"\?\); expected a column of timeseries\.csv: firms, entries, /,
    );
  });

  it('an unknown town, with did-you-mean', () => {
    expect(errorOf(`${GOOD}keep:\n  towns: [Daska, Lahor]\n`)).toBe(
      'x.yaml:8: keep.towns[1]: unknown town "Lahor" (did you mean "Lahore"?); expected all or a town of punjab-farm-equipment: Daska, Mian Channun, Lahore, Gujranwala, Faisalabad, Sargodha, Multan, Okara',
    );
  });

  it('a year outside the horizon, in keep and in a sensitivity output', () => {
    expect(errorOf(`${GOOD}keep:\n  samples: { years: [1965, 1994] }\n`)).toBe(
      "x.yaml:8: keep.samples.years[1]: expected a year from 1960 to 1969 (the run's horizon), got 1994",
    );
    expect(errorOf(`${GOOD}sensitivity:\n  outputs:\n    - metric: firms\n      year: 1990\n`)).toBe(
      "x.yaml:10: sensitivity.outputs[0].year: expected a year from 1960 to 1969 (the run's horizon), got 1990",
    );
  });

  it('sensitivity needs min..max for every factor', () => {
    expect(errorOf(GOOD, sensitivityFactors)).toBe(
      'x.yaml:4: factors[0]: sampling needs min and max for every factor (a parameter with a continuous interval), got values only for quitRate',
    );
  });

  it('Morris levels must be even', () => {
    expect(errorOf(`${GOOD}sensitivity:\n  morris: { levels: 3 }\n`)).toBe(
      'x.yaml:8: sensitivity.morris.levels: expected an even number of levels, got 3',
    );
  });
});
