/**
 * `clustersim compare` in-process (bin/cli.ts adds only the exit code 2 for the
 * UserInputErrors checked here): the printed table, comparison.json/csv beside a
 * sweep's stored runs, resume, the results command on a comparison, and one-line
 * refusals of bad input.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_HELP, compareCommand } from '../../bin/commands/compare.js';
import { resultsCommand } from '../../bin/commands/results.js';
import { UserInputError } from '../../scenarios/errors.js';
import type { CliIo } from '../../bin/io.js';
import type { ComparisonResult } from '../../analysis/experiments/compare/analyse.js';

let work: string;

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTty: false,
    cwd: work,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

const ARGS = ['punjab-farm-equipment', '--years', '4', '--reps', '3', '--policy', 'training-centre'];
const METRICS = ['--metric', 'firms', '--metric', 'salesUnits', '--metric', 'meanCapability'];
const readJson = (dir: string) =>
  JSON.parse(readFileSync(join(work, dir, 'comparison.json'), 'utf8')) as ComparisonResult;

let first: ReturnType<typeof capture>;
let firstCode: number;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'clustersim-compare-cli-'));
  first = capture();
  firstCode = await compareCommand([...ARGS, ...METRICS, '--out', 'cmp'], first);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('clustersim compare', () => {
  it('prints a table per arm: means, difference, paired interval, method, Welch width, variance reduction', () => {
    expect(firstCode).toBe(0);
    const lines = first.out.split('\n');
    expect(lines[0]).toBe(
      'punjab-farm-equipment: 1963 (December; flows summed over the year), 3 replicates on common seeds (replicate r of every arm on the same seed), master seed 1',
    );
    expect(lines).toContain('training-centre vs baseline');
    expect(first.out).toMatch(
      /metric +baseline +arm +difference +95% CI \(paired\) +method +Welch width +var\. reduction/,
    );
    for (const metric of ['firms', 'salesUnits', 'meanCapability'])
      expect(first.out).toMatch(
        new RegExp(`\\n${metric} +[-\\d.]+ +[-\\d.]+ +[-\\d.]+ +\\[[-\\d.e]+, [-\\d.e]+\\] +t `),
      );
    expect(first.out).toContain('outputs in cmp/ (comparison.json, comparison.csv;');
    expect(first.err).toContain('6 runs to do');
  });

  it('writes comparison.json (a forest plot row per arm and metric, the runs and their seeds) and comparison.csv', () => {
    const result = readJson('cmp');
    expect(result.format).toBe('clustersim-comparison/1');
    expect(result.comparisons.map((row) => [row.arm, row.metric])).toEqual([
      ['training-centre', 'firms'],
      ['training-centre', 'salesUnits'],
      ['training-centre', 'meanCapability'],
    ]);
    for (const row of result.comparisons) {
      expect(row.pairs).toBe(3);
      expect(row.interval.lower!).toBeLessThanOrEqual(row.meanDifference!);
      expect(row.interval.upper!).toBeGreaterThanOrEqual(row.meanDifference!);
      const differences = result.values['training-centre'][row.metric].map(
        (value, r) => value! - result.values.baseline[row.metric][r]!,
      );
      expect(row.meanDifference).toBeCloseTo(differences.reduce((s, d) => s + d, 0) / 3, 9);
    }
    expect(result.metrics.find((metric) => metric.name === 'salesUnits')).toMatchObject({
      kind: 'flow',
      unit: 'units/year',
      measured: 'sum over 1963',
    });
    const seeds = (arm: string) => result.runs.filter((run) => run.arm === arm).map((run) => run.seed);
    expect(seeds('training-centre')).toEqual(seeds('baseline'));
    const provenance = (result as unknown as { provenance: { design: { kind: string }; seeds: { rule: string } } })
      .provenance;
    expect(provenance.design.kind).toBe('compare');
    expect(provenance.seeds.rule).toBe('common-sha256-v1');
    const csv = readFileSync(join(work, 'cmp', 'comparison.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[0]).toMatch(
      /^arm,metric,unit,measured,pairs,droppedPairs,baselineMean,armMean,meanDifference,lower,upper,width,method,/,
    );
    expect(csv[1]).toMatch(/^training-centre,firms,firms,December 1963,3,0,/);
  });

  it('stores the runs as a sweep: clustersim results answers a query on a comparison', async () => {
    const io = capture();
    const code = await resultsCommand(
      [
        join(work, 'cmp'),
        '--format',
        'csv',
        '--sql',
        "select arm, count(*) as n from results where metric = 'firms' and town = 'all' group by arm order by arm",
      ],
      io,
    );
    expect(code).toBe(0);
    // 3 replicates x (12 months of the compared year + 3 earlier Decembers), per arm
    expect(io.out.trim().split('\n')).toEqual(['arm,n', 'baseline,45', 'training-centre,45']);
  });

  it('refuses a second run into the same folder, and with --resume runs nothing and gives the same numbers', async () => {
    await expect(compareCommand([...ARGS, ...METRICS, '--out', 'cmp'], capture())).rejects.toThrow(
      /are already here; add --resume/,
    );
    const again = capture();
    expect(await compareCommand([...ARGS, ...METRICS, '--out', 'cmp', '--resume'], again)).toBe(0);
    expect(again.err).toContain('6 runs: 6 already have results, running 0');
    expect(again.out).toBe(first.out);
  });

  it('with --seeds independent: every run its own seed, Welch intervals, its own default folder', async () => {
    const io = capture();
    expect(await compareCommand([...ARGS, '--metric', 'firms', '--seeds', 'independent', '--quiet'], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toContain('3 replicates on independent seeds');
    expect(io.out).toMatch(/95% CI \(unpaired\)/);
    const result = readJson(join('out', 'compare-punjab-farm-equipment-independent'));
    expect(result.comparisons[0].method).toBe('welch-t');
    expect(new Set(result.runs.map((run) => run.seed)).size).toBe(6);
  });

  it('prints its help', async () => {
    const io = capture();
    expect(await compareCommand(['--help'], io)).toBe(0);
    expect(io.out).toBe(COMPARE_HELP);
  });
});

describe('bad input: one line each', () => {
  const refusal = async (args: string[]) => {
    const io = capture();
    try {
      await compareCommand(args, io);
    } catch (error) {
      expect(error).toBeInstanceOf(UserInputError);
      expect((error as Error).message).not.toContain('\n');
      return (error as Error).message;
    }
    throw new Error(`accepted: ${args.join(' ')}`);
  };

  it.each([
    [
      ['punjab-farm-equipment'],
      'compare: missing a --policy to compare with the baseline; see clustersim compare --help',
    ],
    [
      ['--policy', 'association'],
      'compare: missing the scenario (a YAML file or a scenario name); see clustersim compare --help',
    ],
    [[...ARGS, '--reps', '1'], '--reps: expected an integer from 2 to 100000, got "1"'],
    [
      [...ARGS, '--at', '1900'],
      '--at: expected a year from 1960 to 1963 (the horizon of punjab-farm-equipment), got 1900',
    ],
    [[...ARGS, '--at', 'last'], '--at: expected a calendar year, e.g. 1990, got "last"'],
    [[...ARGS, '--seeds', 'paired'], '--seeds: expected common or independent, got "paired"'],
  ])('%j', async (args, message) => {
    expect(await refusal(args)).toBe(message);
  });

  it('names an unknown metric with a suggestion, and a missing scenario or policy', async () => {
    expect(await refusal([...ARGS, '--metric', 'firmz'])).toMatch(
      /^--metric firmz: unknown metric \(did you mean "firms"\?\)/,
    );
    expect(await refusal(['no-such-place', '--policy', 'association'])).toMatch(
      /^no-such-place: scenario file not found/,
    );
    expect(await refusal([...ARGS, '--policy', 'trainingcentre'])).toMatch(
      /^--policy trainingcentre: no policy file \(did you mean "training-centre"\?\)/,
    );
  });

  it('refuses before running anything', () => {
    expect(existsSync(join(work, 'out', 'compare-punjab-farm-equipment'))).toBe(false);
  });
});
