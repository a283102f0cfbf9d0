/**
 * Building a comparison's plan: arms x replicates with the right seeds (shared by
 * replicate under common seeds, all different under independent ones), the compared
 * year's months kept, metrics classified and checked, and bad requests refused in one line.
 */
import { describe, expect, it } from 'vitest';
import { planComparison, type CompareRequest } from '../../../../analysis/experiments/compare/plan.js';
import { metricValue } from '../../../../analysis/experiments/compare/analyse.js';
import {
  DECEMBER_METRICS,
  DEFAULT_KEY_METRICS,
  FLOW_METRICS,
  metricKind,
} from '../../../../analysis/experiments/compare/keyMetrics.js';
import { metricNamesFor } from '../../../../sim/observe.js';
import { loadScenario } from '../../../../scenarios/load.js';
import { SHARD_FORMAT, type ShardRecord } from '../../../../analysis/experiments/types.js';
import { UserInputError } from '../../../../scenarios/errors.js';

const request = (overrides: Partial<CompareRequest> = {}): CompareRequest => ({
  scenario: 'punjab-farm-equipment',
  arms: ['training-centre', 'training-centre,association'],
  replications: 3,
  masterSeed: 7,
  seeding: 'common',
  years: 5,
  ...overrides,
});

describe('the comparison plan', () => {
  it('runs every arm for every replicate, replicate r of every arm on one seed', () => {
    const design = planComparison(request(), 'sim-test');
    expect(design.arms.map((arm) => arm.name)).toEqual(['baseline', 'training-centre', 'training-centre,association']);
    expect(design.arms[2].policies).toEqual(['training-centre', 'association']);
    expect(design.plan.factors).toEqual([{ name: 'arm', type: 'string' }]);
    expect(design.plan.seedRule).toBe('common-sha256-v1');
    expect(design.plan.runs).toHaveLength(9);
    for (let r = 0; r < 3; r++) {
      const seeds = design.plan.runs.filter((run) => run.replicate === r).map((run) => run.seed);
      expect(new Set(seeds).size).toBe(1);
    }
    expect(new Set(design.plan.runs.map((run) => run.seed)).size).toBe(3);
    expect(new Set(design.plan.runs.map((run) => run.runKey)).size).toBe(9);
    expect(design.plan.runs.map((run) => run.factors.arm)).toEqual([
      ...Array(3).fill('baseline'),
      ...Array(3).fill('training-centre'),
      ...Array(3).fill('training-centre,association'),
    ]);
    // Both arms carry their policies; the baseline none beyond the scenario's own.
    const policyCount = (arm: number) => design.plan.runs[arm * 3].params.policies.length;
    expect(policyCount(1)).toBe(policyCount(0) + 1);
    expect(policyCount(2)).toBe(policyCount(0) + 2);
  });

  it('gives every run its own seed with --seeds independent', () => {
    const design = planComparison(request({ seeding: 'independent' }), 'sim-test');
    expect(design.plan.seedRule).toBe('per-run-sha256-v1');
    expect(new Set(design.plan.runs.map((run) => run.seed)).size).toBe(9);
  });

  it('keeps earlier Decembers and the twelve months of the compared year, every town, the chosen metrics', () => {
    const last = planComparison(request(), 'sim-test');
    expect(last.year).toBe(1964);
    expect(last.plan.runs[0].keep.sampleTicks).toEqual([
      11, 23, 35, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,
    ]);
    expect(last.plan.runs[0].keep.towns).toBe('all');
    expect(last.metrics.map((metric) => metric.name)).toEqual(DEFAULT_KEY_METRICS);
    const early = planComparison(request({ atYear: 1961, metrics: ['entries', 'firms', 'entries'] }), 'sim-test');
    expect(early.plan.runs[0].keep.sampleTicks.slice(0, 2)).toEqual([11, 12]);
    expect(early.metrics).toEqual([
      { name: 'entries', kind: 'flow', unit: 'firms/year', measured: 'sum over 1961' },
      { name: 'firms', kind: 'level', unit: 'firms', measured: 'December 1961' },
    ]);
  });

  it('warns when an arm adds a policy not in force by the compared year', () => {
    const design = planComparison(request({ arms: ['training-centre:1990', 'association'] }), 'sim-test');
    expect(design.warnings).toEqual([
      '--policy training-centre:1990: "Training centre" starts in 1990, after the compared year 1964; it changes nothing compared',
    ]);
  });

  it('refuses bad requests with one line each', () => {
    const refusal = (overrides: Partial<CompareRequest>) => {
      try {
        planComparison(request(overrides), 'sim-test');
      } catch (error) {
        expect(error).toBeInstanceOf(UserInputError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refusal({ arms: [] })).toBe(
      'compare: missing a --policy to compare with the baseline; see clustersim compare --help',
    );
    expect(refusal({ replications: 1 })).toMatch(/^--reps: expected an integer >= 2/);
    expect(refusal({ metrics: ['meanCapabilty'] })).toMatch(
      /^--metric meanCapabilty: unknown metric \(did you mean "meanCapability"\?\)/,
    );
    expect(refusal({ atYear: 1965 })).toBe(
      '--at: expected a year from 1960 to 1964 (the horizon of punjab-farm-equipment), got 1965',
    );
    expect(refusal({ arms: ['association', 'association'] })).toBe(
      '--policy association: given twice; each --policy is one arm',
    );
    expect(refusal({ arms: [','] })).toMatch(/^--policy: expected a policy spec/);
    expect(refusal({ scenario: 'no-such-scenario' })).toMatch(/^no-such-scenario: scenario file not found/);
  });
});

describe('key metrics', () => {
  it('classify names the observer reports (a renamed metric fails here)', () => {
    const names = new Set(metricNamesFor(loadScenario('punjab-farm-equipment', { years: 2 }).params));
    for (const name of [...FLOW_METRICS, ...DECEMBER_METRICS, ...DEFAULT_KEY_METRICS]) expect(names).toContain(name);
    expect(metricKind('salesUnits')).toBe('flow');
    expect(metricKind('upgradedFirms')).toBe('december');
    expect(metricKind('meanCapability')).toBe('level');
  });

  it('read a level in December and sum a flow over the year; a missing month makes the sum missing', () => {
    const ticks = Array.from({ length: 12 }, (_, month) => 24 + month);
    const towns = ['A', 'all'];
    const metrics = ['firms', 'entries'];
    // value = tick index * 10 + town index for firms; 1 per month for entries (all towns: 2).
    const values: (number | null)[] = ticks.flatMap((_, t) => towns.flatMap((__, w) => [t * 10 + w, w + 1]));
    const shard: ShardRecord = {
      format: SHARD_FORMAT,
      runKey: 'k',
      seed: 1,
      replicate: 0,
      factors: {},
      codeVersion: 'v',
      samples: { ticks, towns, metrics, values },
      runSeconds: 0,
    };
    expect(metricValue(shard, { name: 'firms', kind: 'level', unit: '', measured: '' })).toBe(111);
    expect(metricValue(shard, { name: 'entries', kind: 'flow', unit: '', measured: '' })).toBe(24);
    values[3] = null;
    expect(metricValue(shard, { name: 'entries', kind: 'flow', unit: '', measured: '' })).toBeNull();
  });

  it('sum a flow over the compared year only when earlier Decembers are kept too', () => {
    const ticks = [11, ...Array.from({ length: 12 }, (_, month) => 12 + month)];
    const values = ticks.map((tick) => (tick === 11 ? 100 : 1));
    const shard: ShardRecord = {
      format: SHARD_FORMAT,
      runKey: 'k',
      seed: 1,
      replicate: 0,
      factors: {},
      codeVersion: 'v',
      samples: { ticks, towns: ['all'], metrics: ['entries'], values },
      runSeconds: 0,
    };
    expect(metricValue(shard, { name: 'entries', kind: 'flow', unit: '', measured: '' })).toBe(12);
    expect(metricValue(shard, { name: 'entries', kind: 'level', unit: '', measured: '' })).toBe(1);
  });
});
