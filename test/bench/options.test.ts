/** The suite's options: defaults, --only, and bad flags (one line on stderr, exit status 2). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { BenchOptionsError, DEFAULT_SECTIONS, DEFAULTS, parseSuiteOptions } from '../../bench/suiteOptions.js';
import { REPO_ROOT } from '../helpers/cli.js';

describe('parseSuiteOptions', () => {
  it('defaults to every section but national, 1..availableParallelism threads and at least 5 timed runs', () => {
    const options = parseSuiteOptions([]);
    expect(options.sections).toEqual([...DEFAULT_SECTIONS]);
    expect(options.sections).toEqual(['engine', 'reference', 'sweep', 'memory', 'floor', 'ceiling']);
    expect(options.maxThreads).toBe(os.availableParallelism());
    expect(options.timedRuns).toBeGreaterThanOrEqual(5);
    expect(options).toMatchObject({
      years: DEFAULTS.years,
      memoryYears: 40,
      referenceScenario: 'bangladesh-le-sector',
    });
  });

  it('runs the sections given with --only in the suite order', () => {
    expect(parseSuiteOptions(['--only', 'floor,engine']).sections).toEqual(['engine', 'floor']);
    expect(parseSuiteOptions(['--only', 'national']).sections).toEqual(['national']);
    expect(parseSuiteOptions(['--only=memory', '--years', '2', '--max-threads', '4'])).toMatchObject({
      sections: ['memory'],
      years: 2,
      maxThreads: 4,
    });
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--only', 'engine,speed'], /--only: unknown section 'speed'/],
    [['--runs', '0'], /--runs must be an integer >= 1, got '0'/],
    [['--years', '2.5'], /--years must be an integer >= 1/],
    [['--max-threads', ''], /--max-threads must be an integer >= 1/],
    [['--max-other-load=-1'], /--max-other-load must be a number >= 0/],
    [['extra'], /positional/i],
  ])('rejects %j with a one-line message', (args, message) => {
    let thrown: unknown;
    try {
      parseSuiteOptions(args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BenchOptionsError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });
});

describe('npm run bench with a bad flag', () => {
  const suite = join(REPO_ROOT, 'dist', 'bench', 'suite.js');

  it.skipIf(!existsSync(suite))('prints one line and exits with status 2, measuring nothing', () => {
    const run = spawnSync(process.execPath, [suite, '--only', 'nope'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      "bench: --only: unknown section 'nope' (sections: engine, reference, sweep, memory, floor, ceiling, national) (see npm run bench -- --help)",
    ]);
  });
});
