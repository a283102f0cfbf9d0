/**
 * The sweeps shipped in scenarios/sweeps/ read and plan (every point composes, what
 * to keep resolves) at the sizes their comments promise.
 */
import { describe, expect, it } from 'vitest';
import {
  bundledSweepNames,
  checkSweep,
  factorColumns,
  readSweepFile,
  sensitivityFactors,
} from '../../../../analysis/experiments/sweepFile/index.js';

describe('bundled sweeps', () => {
  it('are the four documented ones', () => {
    expect(bundledSweepNames()).toEqual([
      'punjab-labour-mobility',
      'punjab-lhs',
      'punjab-policy-grid',
      'punjab-sensitivity',
    ]);
  });

  it.each([
    ['punjab-labour-mobility', 3, 9],
    ['punjab-lhs', 20, 20],
    ['punjab-policy-grid', 8, 16],
    ['punjab-sensitivity', 16, 16],
  ])('%s reads and plans: %i points, %i runs', (name, points, runs) => {
    const def = readSweepFile(name);
    expect(def.name).toBe(name);
    expect(def.description).toBeTruthy();
    const check = checkSweep(def);
    expect(check.points).toBe(points);
    expect(check.runs).toBe(runs);
  });

  it('punjab-policy-grid compares policies on common random numbers', () => {
    const def = readSweepFile('punjab-policy-grid');
    expect(def.seedRule).toBe('common-sha256-v1');
    expect(factorColumns(def)).toEqual([
      { name: 'policy', type: 'string' },
      { name: 'designCost', type: 'number' },
    ]);
  });

  it('punjab-sensitivity has 4 sampled factors: Sobol 32 x 6 = 192 runs, Morris 10 x 5 = 50', () => {
    const def = readSweepFile('punjab-sensitivity');
    const factors = sensitivityFactors(def);
    expect(factors.map((f) => f.name)).toEqual(['quitRate', 'spinOff', 'spillover', 'effortShare']);
    expect(def.sensitivity?.sobol.baseSamples).toBe(32);
    expect(def.sensitivity?.morris).toEqual({ trajectories: 10, levels: 4 });
    expect(checkSweep(def).sensitivityOutputs).toBe(3);
  });
});
