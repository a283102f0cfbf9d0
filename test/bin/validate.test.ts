/**
 * `clustersim validate` and `clustersim scenarios` end to end through the built CLI:
 * every kind of mistake gives one line naming file:line, the field path and what was
 * expected (exit 2, no stack trace), valid files say ok, warnings do not fail, and
 * several files are each reported.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { bundledScenarioNames } from '../../scenarios/compose.js';
import { bundledPolicyNames } from '../../scenarios/policyFiles.js';
import { bundledSweepNames } from '../../analysis/experiments/sweepFile/index.js';

const GOOD = `name: tiny
startYear: 1990
years: 5
towns:
  - name: Alpha
    initialFirms: 3
    workersPerFirm: { min: 1, max: 3 }
    demand: { unitsPerMonth: 10, growthPerYear: 0.05 }
`;

const dir = mkdtempSync(join(tmpdir(), 'clustersim-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const validate = (...args: string[]): CliRun => runCli(['validate', ...args], { cwd: dir });

/** Exactly one error line on stderr, exit 2, and it contains each part. */
function expectOneError(run: CliRun, ...parts: string[]): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toMatch(/^clustersim: error: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  for (const part of parts) expect(run.stderr).toContain(part);
}

describe('clustersim validate: each kind of mistake, one line with file, line and path', () => {
  it('a valid scenario says ok with its shape', () => {
    const run = validate(file('good.yaml', GOOD));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('ok good.yaml (scenario tiny: 1 town, 1990-1994, 1 product, 0 policies)\n');
    expect(run.stderr).toBe('');
  });

  it('a missing file', () => {
    expectOneError(validate('nowhere.yaml'), 'nowhere.yaml: scenario file not found');
  });

  it('malformed YAML names the line', () => {
    expectOneError(validate(file('malformed.yaml', `${GOOD}  bad: [unclosed\n`)), 'malformed.yaml:', 'malformed YAML');
  });

  it('an unknown key names the line, the path and a did-you-mean', () => {
    expectOneError(
      validate(file('unknown.yaml', GOOD.replace('initialFirms', 'initalFirms'))),
      'unknown.yaml:6: towns[0].initalFirms: unknown key (did you mean "initialFirms"?)',
    );
  });

  it('a wrong type names the line, the path, the type and the value', () => {
    expectOneError(
      validate(file('type.yaml', GOOD.replace('years: 5', 'years: five'))),
      'type.yaml:3: years: expected a number, got "five"',
    );
  });

  it('an out-of-range value names the bound', () => {
    expectOneError(
      validate(file('range.yaml', GOOD.replace('growthPerYear: 0.05', 'growthPerYear: 9'))),
      'range.yaml:8: towns[0].demand.growthPerYear: expected a number <= 2, got 9',
    );
  });

  it('a policy naming a town the scenario lacks (a semantic check)', () => {
    const text = `${GOOD}policies:\n  - kind: credit\n    towns: [Alfa]\n    startYear: 1991\n`;
    expectOneError(
      validate(file('semantic.yaml', text)),
      'semantic.yaml:11: policies[0].towns[0]: expected a town of this scenario (did you mean "Alpha"?)',
    );
  });

  it('a variant extending a missing scenario', () => {
    expectOneError(
      validate(file('variant.yaml', 'extends: tiny-base.yaml\nname: v\n')),
      'variant.yaml:1: extends: no scenario',
    );
  });

  it('a policy file with a bad value, checked on its own', () => {
    const policy = file(
      'bad-policy.yaml',
      'description: x\npolicies:\n  - kind: exportLinkage\n    qualityThreshold: 3\n',
    );
    expectOneError(validate(policy), 'bad-policy.yaml:4: policies[0].qualityThreshold: expected a number <= 1, got 3');
  });

  it('a policy file composed with a scenario by --policy, naming a process the scenario lacks', () => {
    expectOneError(
      validate(file('plain.yaml', GOOD), '--policy', 'common-facility'),
      'common-facility.yaml:',
      'policies[0].processes[0]: expected a process of this scenario',
    );
  });

  it('a bad flag', () => {
    expectOneError(validate('good.yaml', '--polcy', 'x'), 'unknown option --polcy (did you mean --policy?)');
  });

  it('no files', () => {
    expectOneError(validate(), 'validate: missing the files to check');
  });

  it('several files: each is reported, and one invalid file makes the exit code 2', () => {
    file('good2.yaml', GOOD);
    file('bad2.yaml', GOOD.replace('years: 5', 'years: 0'));
    const run = validate('good2.yaml', 'bad2.yaml');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('ok good2.yaml');
    expect(run.stdout).toContain('1 valid, 1 invalid');
    expect(run.stderr).toBe('clustersim: error: bad2.yaml:3: years: expected a number >= 1, got 0\n');
  });

  it('a warning (a policy never in force) is printed but does not fail', () => {
    const text = `${GOOD}policies:\n  - kind: credit\n    startYear: 2050\n`;
    const run = validate(file('late.yaml', text));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      'clustersim: warning: late.yaml: policies[0].startYear: "credit" starts in 2050, when the run (1990-1994) is over; it is never in force\n',
    );
  });
});

describe('clustersim validate: sweep files', () => {
  const SWEEP = `scenario: good.yaml
replications: 2
factors:
  - name: quitRate
    parameter: labour.quitProbabilityPerMonth
    values: [0.01, 0.02, 0.04]
`;

  it('a valid sweep (found by its factors key) says ok with its design size, after composing every point', () => {
    file('good.yaml', GOOD);
    const run = validate(file('sweep.yaml', SWEEP));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('ok sweep.yaml (sweep sweep: 1 factor, grid of 3 points x 2 replications = 6 runs)\n');
  });

  it('a value out of range is one line naming the sweep file, its line and the factor value', () => {
    file('good.yaml', GOOD);
    expectOneError(
      validate(file('range-sweep.yaml', SWEEP.replace('0.04]', '4]'))),
      'range-sweep.yaml:6: factors[0].values[2] (labour.quitProbabilityPerMonth=4): labour.quitProbabilityPerMonth: expected a number <= 1, got 4',
    );
  });

  it('an unknown key in a sweep file, with did-you-mean', () => {
    expectOneError(
      validate(file('key-sweep.yaml', SWEEP.replace('replications', 'replicatons'))),
      'key-sweep.yaml:2: replicatons: unknown key (did you mean "replications"?)',
    );
  });

  it('a bundled sweep by name', () => {
    const run = runCli(['validate', 'punjab-labour-mobility']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^ok \S+punjab-labour-mobility\.yaml \(sweep punjab-labour-mobility: 1 factor, grid of 3 points x 3 replications = 9 runs\)\n$/,
    );
  });
});

describe('the bundled library', () => {
  it('every bundled scenario, policy file and sweep validates with no warning', () => {
    const run = runCli([
      'validate',
      ...bundledScenarioNames(),
      ...bundledPolicyNames().map((n) => `scenarios/policies/${n}.yaml`),
      ...bundledSweepNames().map((n) => `scenarios/sweeps/${n}.yaml`),
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const files = bundledScenarioNames().length + bundledPolicyNames().length + bundledSweepNames().length;
    expect(run.stdout).toContain(`${files} valid, 0 invalid`);
  });

  it('clustersim scenarios lists every scenario, policy and sweep with its description', () => {
    const run = runCli(['scenarios']);
    expect(run.status).toBe(0);
    for (const name of [...bundledScenarioNames(), ...bundledPolicyNames(), ...bundledSweepNames()])
      expect(run.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(run.stdout).not.toContain('(invalid');
  });
});

describe('clustersim run --policy', () => {
  it('runs with the policy placed, records it in events and run.json', () => {
    const out = join(dir, 'with-policy');
    const run = runCli([
      'run',
      'punjab-farm-equipment',
      '--years',
      '2',
      '--quiet',
      '--out',
      out,
      '--policy',
      'training-centre@Okara:1961',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const start = events.find((event) => event.type === 'policy-start' && event.kind === 'trainingCentre');
    expect(start).toMatchObject({ year: 1961, month: 1, townNames: ['Okara'] });
    const provenance = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as {
      scenario: { overrides: string[]; composedFrom: { role: string; file: string }[] };
    };
    expect(provenance.scenario.overrides).toEqual(['--policy training-centre@Okara:1961', '--years 2']);
    expect(provenance.scenario.composedFrom.map((source) => source.role)).toEqual(['scenario', 'policy']);
    expect(provenance.scenario.composedFrom[1].file).toMatch(/policies\/training-centre\.yaml$/);
  });

  it('a bad spec is one line, exit 2, and writes nothing', () => {
    const out = join(dir, 'never');
    const run = runCli(['run', 'punjab-farm-equipment', '--quiet', '--out', out, '--policy', 'training-centre@Okra']);
    expectOneError(
      run,
      '--policy training-centre@Okra: policies[',
      '].towns[0]: expected a town of this scenario (did you mean "Okara"?)',
    );
    expect(existsSync(out)).toBe(false);
  });
});
