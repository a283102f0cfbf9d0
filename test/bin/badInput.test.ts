/**
 * Bad input, end to end through the built CLI: every case must give exit code 2 and
 * exactly one line on stderr (`clustersim: error: ...`) naming the file or flag, the
 * field path (with the YAML line where known) and what was expected, with no stack
 * trace unless --debug; and a failed run must leave an existing output folder's files
 * byte-identical.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

/** A small valid scenario (1 town, 2 years): the base of the flag and --set cases. */
const GOOD = `name: tiny
startYear: 1960
years: 2
towns:
  - name: Alpha
    initialFirms: 3
    workersPerFirm: { min: 1, max: 3 }
    demand: { unitsPerMonth: 10, growthPerYear: 0.05 }
  - name: Beta
    initialFirms: 2
    workersPerFirm: { min: 1, max: 3 }
    demand: { unitsPerMonth: 8, growthPerYear: 0.05 }
`;

let dir: string;
/** Output folder given to every bad run; no bad run may create it. */
let neverOut: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clustersim-badinput-'));
  neverOut = join(dir, 'never-written');
  writeFileSync(join(dir, 'good.yaml'), GOOD);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Write a scenario file into the temp folder; returns its absolute path. */
function scenario(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function cli(args: string[]): CliRun {
  return runCli(args, { cwd: dir });
}

/** Run `clustersim run <file> --quiet --out <neverOut> ...extra`. */
function runScenario(file: string, extra: string[] = []): CliRun {
  return cli(['run', file, '--quiet', '--out', neverOut, ...extra]);
}

/** The contract for bad input; returns the message (the text after `clustersim: error: `). */
function expectOneLineError(run: CliRun, ...mustContain: string[]): string {
  expect(run.status, `stderr: ${run.stderr}`).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^clustersim: error: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/internal error/);
  for (const part of mustContain) expect(run.stderr).toContain(part);
  return run.stderr.slice('clustersim: error: '.length, -1);
}

function expectNothingWritten(): void {
  expect(() => readdirSync(neverOut)).toThrow();
}

describe('bad scenario files', () => {
  it('a missing scenario file names the file and what was expected', () => {
    const run = runScenario(join(dir, 'no-such-scenario.yaml'));
    expectOneLineError(run, 'no-such-scenario.yaml', 'scenario file not found', 'expected a path to a YAML scenario');
    expectNothingWritten();
  });

  it('a missing scenario given by bare name names it', () => {
    expectOneLineError(runScenario('no-such-scenario'), 'no-such-scenario: scenario file not found');
  });

  it('a directory given as the scenario says it cannot be read', () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub, { recursive: true });
    expectOneLineError(runScenario(sub), 'a-directory', 'cannot read file', 'is a directory');
  });

  it('malformed YAML names the file and the line of the problem', () => {
    const file = scenario('bad.yaml', 'name: bad\nstartYear: 1960\nyears: 2\nmoneyUnit: Rs: x\n');
    expectOneLineError(runScenario(file), 'bad.yaml:4: malformed YAML:', 'Nested mappings are not allowed');
    expectNothingWritten();
  });

  it('a tab used as indentation is malformed YAML at its line', () => {
    const file = scenario('tabs.yaml', 'name: bad\nstartYear: 1960\nyears: 2\n\tmoneyUnit: Rs\n');
    expectOneLineError(runScenario(file), 'tabs.yaml:4: malformed YAML:', 'Tabs');
  });

  it('a duplicate key is malformed YAML at its line', () => {
    const file = scenario('dup.yaml', 'name: bad\nstartYear: 1960\nyears: 2\nyears: 3\n');
    expectOneLineError(runScenario(file), 'dup.yaml:4: malformed YAML:', 'unique');
  });

  it('an unclosed quote is malformed YAML with a line', () => {
    const file = scenario('quote.yaml', 'name: bad\nstartYear: 1960\nyears: 2\ndescription: "unterminated\n');
    expectOneLineError(runScenario(file), 'quote.yaml:', 'malformed YAML', 'quote');
  });

  it('an alias to a missing anchor is malformed YAML, not an internal error', () => {
    const file = scenario('alias.yaml', `${GOOD}description: *nowhere\n`);
    expectOneLineError(runScenario(file), 'alias.yaml', 'malformed YAML', 'nowhere');
  });

  it('an alias explosion (billion laughs) is malformed YAML, not an internal error', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expectOneLineError(runScenario(scenario('bomb.yaml', `${bomb}\n`)), 'bomb.yaml', 'malformed YAML');
  });

  it('a mapping key that is a collection gives one line, with no yaml warning beside it', () => {
    const file = scenario('collection-key.yaml', `${GOOD}? [a, b]\n: 1\n`);
    expectOneLineError(runScenario(file), 'collection-key.yaml:', 'unknown key');
  });

  it('an unknown top-level key names file:line, the key, a did-you-mean and the known keys', () => {
    const file = scenario('unknown-top.yaml', `${GOOD}yeers: 3\n`);
    expectOneLineError(
      runScenario(file),
      'unknown-top.yaml:13: yeers: unknown key (did you mean "years"?)',
      'expected one of: name, description, startYear, years',
    );
  });

  it('an unknown key in a town names towns[0].<key> with a did-you-mean, not a "missing" field', () => {
    const file = scenario('unknown-town.yaml', GOOD.replace('    initialFirms: 3', '    initalFirms: 3'));
    expectOneLineError(
      runScenario(file),
      'unknown-town.yaml:6: towns[0].initalFirms: unknown key (did you mean "initialFirms"?)',
      'expected one of: name, initialFirms, workersPerFirm',
    );
  });

  it('an unknown key in a section names section.key with a did-you-mean', () => {
    const file = scenario('unknown-labour.yaml', `${GOOD}labour:\n  quitProbabilityPerMnth: 0.02\n`);
    expectOneLineError(
      runScenario(file),
      'unknown-labour.yaml:14: labour.quitProbabilityPerMnth: unknown key (did you mean "quitProbabilityPerMonth"?)',
    );
  });

  it('a string where a number belongs names file:line, the path, the expected type and the value', () => {
    const file = scenario('type.yaml', GOOD.replace('years: 2', 'years: two'));
    expectOneLineError(runScenario(file), 'type.yaml:3: years: expected a number, got "two"');
  });

  it('a fraction where an integer belongs says an integer was expected', () => {
    const file = scenario('fraction.yaml', GOOD.replace('    initialFirms: 3', '    initialFirms: 2.5'));
    expectOneLineError(runScenario(file), 'fraction.yaml:6: towns[0].initialFirms: expected an integer, got 2.5');
  });

  it('a number where a mapping belongs names the section', () => {
    const file = scenario('section-type.yaml', `${GOOD}market: 3\n`);
    expectOneLineError(runScenario(file), 'section-type.yaml:13: market: expected a mapping, got 3');
  });

  it('growthPerYear 5 is out of range, with line, path, bound and value', () => {
    const file = scenario(
      'growth.yaml',
      GOOD.replace('growthPerYear: 0.05 }\n  - name: Beta', 'growthPerYear: 5 }\n  - name: Beta'),
    );
    expectOneLineError(
      runScenario(file),
      'growth.yaml:8: towns[0].demand.growthPerYear: expected a number <= 2, got 5',
    );
  });

  it('a probability of 1.5 is out of range, with line, path, bound and value', () => {
    const file = scenario('probability.yaml', `${GOOD}labour:\n  quitProbabilityPerMonth: 1.5\n`);
    expectOneLineError(
      runScenario(file),
      'probability.yaml:14: labour.quitProbabilityPerMonth: expected a number <= 1, got 1.5',
    );
  });

  it('a negative count is out of range', () => {
    const file = scenario('negative.yaml', GOOD.replace('    initialFirms: 2', '    initialFirms: -2'));
    expectOneLineError(runScenario(file), 'negative.yaml:10: towns[1].initialFirms: expected a number >= 0, got -2');
  });

  it('a seasonality list of the wrong length says how many items are expected', () => {
    const file = scenario('seasonality.yaml', `${GOOD}market:\n  seasonality: [1, 2]\n`);
    expectOneLineError(
      runScenario(file),
      'seasonality.yaml:14: market.seasonality: expected exactly 12 items, got a list of 2',
    );
  });

  it('a range with min above max names the range', () => {
    const file = scenario(
      'range.yaml',
      GOOD.replace('workersPerFirm: { min: 1, max: 3 }', 'workersPerFirm: { min: 5, max: 3 }'),
    );
    expectOneLineError(runScenario(file), 'range.yaml:7: towns[0].workersPerFirm.min: min must not exceed max');
  });

  it('a bad scenario name says what a name may contain', () => {
    const file = scenario('name.yaml', GOOD.replace('name: tiny', 'name: Tiny Town'));
    expectOneLineError(
      runScenario(file),
      'name.yaml:1: name: expected lower-case letters, digits and dashes, got "Tiny Town"',
    );
  });

  it('duplicate town names are reported on towns', () => {
    const file = scenario('dup-towns.yaml', GOOD.replace('name: Beta', 'name: Alpha'));
    expectOneLineError(runScenario(file), 'dup-towns.yaml:5: towns: town names must be unique');
  });

  it('a missing required top-level field says it is missing', () => {
    const file = scenario('no-years.yaml', GOOD.replace('years: 2\n', ''));
    expectOneLineError(
      runScenario(file),
      'no-years.yaml:1: years: expected a number, got nothing (the field is missing)',
    );
  });

  it('a missing required nested field names its path and the line of its parent', () => {
    const file = scenario(
      'no-growth.yaml',
      GOOD.replace('{ unitsPerMonth: 8, growthPerYear: 0.05 }', '{ unitsPerMonth: 8 }'),
    );
    expectOneLineError(
      runScenario(file),
      'no-growth.yaml:12: towns[1].demand.growthPerYear: expected a number, got nothing (the field is missing)',
    );
  });

  it('an empty file is not a scenario mapping', () => {
    const file = scenario('empty.yaml', '');
    expectOneLineError(runScenario(file), 'empty.yaml: (root): expected a mapping of scenario fields, got null');
  });

  it('a file with only comments is not a scenario mapping', () => {
    const file = scenario('comments.yaml', '# nothing here\n');
    expectOneLineError(runScenario(file), 'comments.yaml: (root): expected a mapping of scenario fields');
  });

  it('a YAML list at the root is not a scenario mapping', () => {
    const file = scenario('list.yaml', '- name: tiny\n- years: 2\n');
    expectOneLineError(runScenario(file), 'list.yaml: (root): expected a mapping of scenario fields, got a list of 2');
  });

  it('a scalar at the root is not a scenario mapping', () => {
    const file = scenario('scalar.yaml', 'just some words\n');
    expectOneLineError(
      runScenario(file),
      'scalar.yaml: (root): expected a mapping of scenario fields, got "just some words"',
    );
  });

  it('a __proto__ key in the file is an unknown key', () => {
    const file = scenario('proto.yaml', `${GOOD}__proto__: { polluted: 1 }\n`);
    expectOneLineError(runScenario(file), 'proto.yaml:13: __proto__: unknown key');
  });

  it('an unknown policy kind lists the kinds', () => {
    const file = scenario('policy-kind.yaml', `${GOOD}policies:\n  - { kind: trainingCenter, startYear: 1961 }\n`);
    expectOneLineError(
      runScenario(file),
      'policy-kind.yaml:14: policies[0].kind: expected one of trainingCentre, commonFacility, rdExtension, credit, designProtection, association, tradeFair, exportLinkage, got "trainingCenter" (did you mean "trainingCentre"?)',
    );
    expectNothingWritten();
  });

  it('a product needing a process the scenario lacks suggests the closest', () => {
    const file = scenario(
      'product-process.yaml',
      `${GOOD}processes:
  - { name: casting, vendorPricePerUnit: 40, minEfficientScaleUnitsPerMonth: 80, machineCost: 15000, inHouseCostPerUnit: 55 }
products:
  - { name: pump, complexity: 0.2, frontierYear: 1955, processes: [castng] }
`,
    );
    expectOneLineError(
      runScenario(file),
      'product-process.yaml:16: products[0].processes[0]: expected a process of this scenario (did you mean "casting"?): casting, got "castng"',
    );
  });

  it('a policy serving a town the scenario lacks lists the towns', () => {
    const file = scenario(
      'policy-town.yaml',
      `${GOOD}policies:\n  - kind: tradeFair\n    towns: [Lahore]\n    startYear: 1961\n`,
    );
    expectOneLineError(
      runScenario(file),
      'policy-town.yaml:15: policies[0].towns[0]: expected a town of this scenario: Alpha, Beta, got "Lahore"',
    );
  });

  it('--set of an unknown policy kind names --set', () => {
    const file = scenario('policy-set.yaml', `${GOOD}policies:\n  - { kind: credit, startYear: 1961 }\n`);
    expectOneLineError(
      runScenario(file, ['--set', 'policies[0].kind=loan']),
      '--set policies[0].kind=loan: policies[0].kind: expected one of trainingCentre,',
      'got "loan"',
    );
  });
});

describe('bad flags', () => {
  const good = () => join(dir, 'good.yaml');

  it('an unknown flag suggests the closest one', () => {
    expectOneLineError(runScenario(good(), ['--thread', '2']), 'unknown option --thread (did you mean --threads?)');
    expectNothingWritten();
  });

  it('an unknown flag with no close match lists no suggestion but points at --help', () => {
    const message = expectOneLineError(
      runScenario(good(), ['--frobnicate']),
      'unknown option --frobnicate',
      'clustersim --help',
    );
    expect(message).not.toContain('did you mean');
  });

  it('an unknown short flag is an unknown option', () => {
    expectOneLineError(runScenario(good(), ['-x']), 'unknown option -x');
  });

  it('--threads 0 is out of range', () => {
    expectOneLineError(
      runScenario(good(), ['--threads', '0']),
      '--threads: expected an integer from 1 to 256, got "0"',
    );
    expectNothingWritten();
  });

  it('--threads abc is not an integer', () => {
    expectOneLineError(
      runScenario(good(), ['--threads', 'abc']),
      '--threads: expected an integer from 1 to 256, got "abc"',
    );
  });

  it('--threads 1.5 is not an integer', () => {
    expectOneLineError(
      runScenario(good(), ['--threads', '1.5']),
      '--threads: expected an integer from 1 to 256, got "1.5"',
    );
  });

  it('--threads with no value says a value is expected', () => {
    expectOneLineError(runScenario(good(), ['--threads']), '--threads: expected a value after it, got nothing');
  });

  it('--seed -1 is out of range (the negative number is taken as the value)', () => {
    expectOneLineError(
      runScenario(good(), ['--seed', '-1']),
      '--seed: expected an integer from 0 to 4294967295, got "-1"',
    );
    expectNothingWritten();
  });

  it('--seed=-1 is out of range', () => {
    expectOneLineError(
      runScenario(good(), ['--seed=-1']),
      '--seed: expected an integer from 0 to 4294967295, got "-1"',
    );
  });

  it('--seed above 2^32-1 is out of range', () => {
    expectOneLineError(
      runScenario(good(), ['--seed', '4294967296']),
      '--seed: expected an integer from 0 to 4294967295',
    );
  });

  it('--seed followed by another option says its value is missing', () => {
    expectOneLineError(
      runScenario(good(), ['--seed', '--threads', '2']),
      '--seed: expected a value after it, got the option --threads',
    );
  });

  it('--years 0 is out of range', () => {
    expectOneLineError(runScenario(good(), ['--years', '0']), '--years: expected an integer from 1 to 500, got "0"');
  });

  it('--years -3 is out of range', () => {
    expectOneLineError(runScenario(good(), ['--years', '-3']), '--years: expected an integer from 1 to 500, got "-3"');
  });

  it('a value given to a switch is refused', () => {
    expectOneLineError(runScenario(good(), ['--quiet=yes']), '--quiet: expected no value');
  });

  it('--set without = shows the expected form', () => {
    expectOneLineError(
      runScenario(good(), ['--set', 'labour.quitProbabilityPerMonth']),
      '--set labour.quitProbabilityPerMonth: expected path=value',
    );
    expectNothingWritten();
  });

  it('--set with an empty path shows the expected form', () => {
    expectOneLineError(runScenario(good(), ['--set', '=3']), '--set =3: expected path=value');
  });

  it('--set on an unknown key names --set as the source, the path and a did-you-mean', () => {
    expectOneLineError(
      runScenario(good(), ['--set', 'labour.quitProbabilityPerMonh=0.1']),
      '--set labour.quitProbabilityPerMonh=0.1: labour.quitProbabilityPerMonh: unknown key (did you mean "quitProbabilityPerMonth"?)',
    );
  });

  it('--set on an unknown section names --set as the source', () => {
    expectOneLineError(
      runScenario(good(), ['--set', 'labor.quitProbabilityPerMonth=0.1']),
      '--set labor.quitProbabilityPerMonth=0.1: labor: unknown key (did you mean "labour"?)',
    );
  });

  it('--set to an unknown town name lists the towns and suggests the closest', () => {
    expectOneLineError(
      runScenario(good(), ['--set', 'towns.Alpah.initialFirms=4']),
      '--set towns.Alpah.initialFirms=4: towns: no item "Alpah" (did you mean "Alpha"?)',
      'one of: Alpha, Beta',
    );
  });

  it('--set to a town index past the end says which indexes exist', () => {
    expectOneLineError(
      runScenario(good(), ['--set', 'towns[5].initialFirms=4']),
      '--set towns[5].initialFirms=4: towns:',
      'expected an index below 2',
    );
  });

  it('--set with an out-of-range value names --set, the path and the bound', () => {
    expectOneLineError(
      runScenario(good(), ['--set', 'towns.Beta.demand.growthPerYear=5']),
      '--set towns.Beta.demand.growthPerYear=5: towns[1].demand.growthPerYear: expected a number <= 2, got 5',
    );
  });

  it('--set with a string where a number belongs names --set and the expected type', () => {
    expectOneLineError(
      runScenario(good(), ['--set', 'labour.quitProbabilityPerMonth=often']),
      '--set labour.quitProbabilityPerMonth=often: labour.quitProbabilityPerMonth: expected a number, got "often"',
    );
  });

  it('--set through a scalar says it is not a mapping', () => {
    expectOneLineError(
      runScenario(good(), ['--set', 'name.first=x']),
      '--set name.first=x: name: is "tiny", not a mapping or list',
    );
  });

  it('--set __proto__.x is an unknown key, not a prototype write', () => {
    expectOneLineError(
      runScenario(good(), ['--set', '__proto__.polluted=1']),
      '--set __proto__.polluted=1: __proto__: unknown key',
    );
  });

  it('--years above 500 is out of range', () => {
    expectOneLineError(
      runScenario(good(), ['--years', '501']),
      '--years: expected an integer from 1 to 500, got "501"',
    );
  });

  it('run with no scenario says it is missing', () => {
    expectOneLineError(cli(['run', '--quiet']), 'run: missing the scenario');
  });

  it('run with two scenarios says one is expected', () => {
    expectOneLineError(runScenario(good(), [good()]), 'run: expected one scenario, got 2');
  });

  it('an unknown command suggests the closest one', () => {
    expectOneLineError(
      cli(['runn', 'punjab-farm-equipment']),
      'unknown command "runn" (did you mean "run"?)',
      'expected one of: run',
    );
  });

  it('an unknown command with no close match lists the commands', () => {
    const message = expectOneLineError(cli(['frobnicate']), 'unknown command "frobnicate"', 'expected one of: run');
    expect(message).not.toContain('did you mean');
  });

  it('an unknown top-level flag suggests the closest one', () => {
    expectOneLineError(cli(['--verison']), 'unknown option --verison (did you mean --version?)');
  });

  it('--out pointing at an existing regular file is refused before running', () => {
    const file = join(dir, 'a-regular-file');
    writeFileSync(file, 'keep me\n');
    expectOneLineError(
      cli(['run', good(), '--quiet', '--out', file]),
      `--out ${file}: expected a directory, but a file is in the way`,
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
  });

  it('--out below an existing regular file is refused as bad input, not an internal error', () => {
    const file = join(dir, 'another-regular-file');
    writeFileSync(file, 'keep me\n');
    expectOneLineError(
      cli(['run', good(), '--quiet', '--out', join(file, 'sub')]),
      '--out',
      'expected a directory, but a file is in the way',
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
  });
});

describe('--debug', () => {
  it('prints the stack after the one-line message for bad input, still with exit code 2', () => {
    const file = scenario('debug.yaml', GOOD.replace('years: 2', 'years: two'));
    const run = cli(['run', file, '--quiet', '--out', neverOut, '--debug']);
    expect(run.status).toBe(2);
    const [first, ...rest] = run.stderr.trimEnd().split('\n');
    expect(first).toBe(`clustersim: error: ${file}:3: years: expected a number, got "two"`);
    expect(rest.length).toBeGreaterThan(1);
    expect(rest.join('\n')).toMatch(/^UserInputError: /);
    expect(rest.join('\n')).toMatch(/^\s+at /m);
  });

  it('prints the stack for a bad flag too', () => {
    const run = cli(['run', join(dir, 'good.yaml'), '--threads', '0', '--debug']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('clustersim: error: --threads: expected an integer from 1 to 256, got "0"');
    expect(run.stderr).toMatch(/^\s+at /m);
  });
});

describe('a failed run damages nothing already written', () => {
  let out: string;
  let before: Map<string, Buffer>;

  function snapshot(folder: string): Map<string, Buffer> {
    // Recursive: the run writes charts/ beside its files, and a failed run must not touch those either.
    return new Map(
      (readdirSync(folder, { recursive: true }) as string[])
        .filter((name) => !statSync(join(folder, name)).isDirectory())
        .sort()
        .map((name) => [name, readFileSync(join(folder, name))]),
    );
  }

  function expectUnchanged(): void {
    const after = snapshot(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...after.keys()].filter((name) => name.includes('.tmp-'))).toEqual([]);
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
  }

  beforeAll(() => {
    out = join(dir, 'existing-out');
    // The full horizon, so that events.jsonl too has content (the first spin-offs take a few years).
    const run = cli(['run', 'punjab-farm-equipment', '--quiet', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    before = snapshot(out);
    expect([...before.keys()].filter((name) => !name.startsWith('charts/'))).toEqual([
      'events.jsonl',
      'firms.csv',
      'report.html',
      'run.json',
      'summary.json',
      'timeseries.csv',
    ]);
    expect([...before.keys()].some((name) => name.startsWith('charts/'))).toBe(true);
    for (const bytes of before.values()) expect(bytes.length).toBeGreaterThan(0);
  });

  it('a malformed scenario file with the same --out', () => {
    const file = scenario('damage-malformed.yaml', 'name: bad\nstartYear: 1960\nyears: 2\nmoneyUnit: Rs: x\n');
    expectOneLineError(cli(['run', file, '--years', '1', '--quiet', '--out', out]), 'damage-malformed.yaml:4');
    expectUnchanged();
  });

  it('an out-of-range value in the file with the same --out', () => {
    const file = scenario('damage-range.yaml', GOOD.replace('years: 2', 'years: 0'));
    expectOneLineError(cli(['run', file, '--quiet', '--out', out]), 'damage-range.yaml:3: years');
    expectUnchanged();
  });

  it('a bad --set on the same scenario and --out', () => {
    const run = cli([
      'run',
      'punjab-farm-equipment',
      '--years',
      '1',
      '--quiet',
      '--out',
      out,
      '--set',
      'labour.quitProbabilityPerMonth=1.5',
    ]);
    expectOneLineError(
      run,
      '--set labour.quitProbabilityPerMonth=1.5: labour.quitProbabilityPerMonth: expected a number <= 1',
    );
    expectUnchanged();
  });

  it('a bad --set town name on the same scenario and --out', () => {
    const run = cli([
      'run',
      'punjab-farm-equipment',
      '--years',
      '1',
      '--quiet',
      '--out',
      out,
      '--set',
      'towns.Dasca.initialFirms=4',
    ]);
    expectOneLineError(run, '--set towns.Dasca.initialFirms=4: towns: no item "Dasca" (did you mean "Daska"?)');
    expectUnchanged();
  });

  it('a bad flag with the same --out', () => {
    expectOneLineError(
      cli(['run', 'punjab-farm-equipment', '--years', '1', '--threads', '0', '--quiet', '--out', out]),
      '--threads',
    );
    expectUnchanged();
  });
});
