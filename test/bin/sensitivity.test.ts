/**
 * `clustersim sensitivity` end to end on a small sweep file: one factor that matters
 * (the quit rate drives spin-offs, hence firm counts) and one the model cannot feel
 * (the quality of imports, in a scenario with no import capacity). With common seeds a
 * change in the inert factor changes nothing, so its elementary effects and its Sobol
 * indices must be exactly zero, while the active factor's are not.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import type { SensitivityResult } from '../../analysis/experiments/sensitivityRun.js';

let work: string;
let sweepFile: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'clustersim-sensitivity-'));
  sweepFile = join(work, 'two-factors.yaml');
  writeFileSync(
    sweepFile,
    [
      'scenario: ' + join(REPO_ROOT, 'scenarios', 'punjab-farm-equipment.yaml'),
      'years: 4',
      'seeds: common',
      'factors:',
      '  - name: quitRate',
      '    parameter: labour.quitProbabilityPerMonth',
      '    min: 0.005',
      '    max: 0.05',
      '  - name: importQuality',
      '    parameter: imports.quality[0].value',
      '    min: 0.2',
      '    max: 0.9',
      'sensitivity:',
      '  outputs: [{ metric: firms }, { metric: workers }]',
      '  morris: { trajectories: 4, levels: 4 }',
      '  sobol: { baseSamples: 8, bootstrap: 200 }',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const readResult = (dir: string) =>
  JSON.parse(readFileSync(join(work, dir, 'sensitivity.json'), 'utf8')) as SensitivityResult;

describe('clustersim sensitivity', () => {
  it('morris: the inert factor has mu* = 0, the quit rate does not; outputs and CSV written', () => {
    const run = runCli(['sensitivity', sweepFile, '--method', 'morris', '--workers', '2', '--quiet', '--out', 'm'], {
      cwd: work,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Morris elementary effects, 12 design points');
    const result = readResult('m');
    expect(result.outputs.map((o) => o.output)).toEqual(['firms 1963', 'workers 1963']);
    for (const output of result.outputs) {
      const [quit, imports] = output.morris!;
      expect(imports).toMatchObject({ name: 'importQuality', muStar: 0, sigma: 0 });
      expect(quit.name).toBe('quitRate');
      expect(quit.muStar).toBeGreaterThan(0);
    }
    const csv = readFileSync(join(work, 'm', 'sensitivity.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(csv[0]).toBe('output,factor,mu,mu_star,sigma');
    expect(csv).toHaveLength(1 + 2 * 2);
  });

  it('sobol: the inert factor has S1 = ST = 0, the quit rate carries the variance; resumable', () => {
    const args = ['sensitivity', sweepFile, '--method', 'sobol', '--workers', '2', '--quiet', '--out', 's'];
    const run = runCli(args, { cwd: work });
    expect(run.status).toBe(0);
    const result = readResult('s');
    expect(result.designPoints).toBe(8 * (2 + 2));
    for (const output of result.outputs) {
      const [quit, imports] = output.sobol!;
      expect(imports.s1).toBeCloseTo(0, 12);
      expect(imports.st).toBeCloseTo(0, 12);
      expect(quit.st).toBeGreaterThan(0.5);
    }
    // A second call with --resume runs nothing and gives the same indices.
    const again = runCli([...args, '--resume'], { cwd: work });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('32 already done, 0 run now');
    expect(readResult('s')).toEqual(result);
  });

  it('refuses a missing or unknown --method in one line', () => {
    const none = runCli(['sensitivity', sweepFile], { cwd: work });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('clustersim: error: --method: expected morris or sobol, got nothing\n');
    const bad = runCli(['sensitivity', sweepFile, '--method', 'fast'], { cwd: work });
    expect(bad.stderr).toBe('clustersim: error: --method: expected morris or sobol, got "fast"\n');
  });

  it('refuses a factor without an interval before running anything', () => {
    const file = join(work, 'values-only.yaml');
    writeFileSync(
      file,
      readFileSync(sweepFile, 'utf8').replace('    min: 0.005\n    max: 0.05\n', '    values: [0.01, 0.02]\n'),
    );
    const run = runCli(['sensitivity', file, '--method', 'morris', '--out', 'never'], { cwd: work });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^clustersim: error: .*values-only\.yaml:\d+: factors\[0\].*min.*max/);
  });
});
