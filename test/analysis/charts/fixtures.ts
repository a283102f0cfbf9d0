/**
 * Real inputs for the chart builders, small enough for a test: a 12-year Punjab run,
 * a paired comparison with two arms, sweep folders of each shape the sweep charts
 * handle (one numeric factor, one policy factor, a two-factor grid, a Latin
 * hypercube), and Morris and Sobol analyses - each made the way its command makes it
 * (runOne; plan, runs into a results folder, analysis from the stored shards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseComparison, type ComparisonResult } from '../../../analysis/experiments/compare/analyse.js';
import { planComparison } from '../../../analysis/experiments/compare/plan.js';
import { codeVersion } from '../../../analysis/experiments/runKey.js';
import { executeRuns } from '../../../analysis/experiments/executor.js';
import { createStore } from '../../../analysis/experiments/store/index.js';
import type { SweepPlan } from '../../../analysis/experiments/types.js';
import { sensitivityAnalysis, type SensitivityResult } from '../../../analysis/experiments/sensitivityRun.js';
import { openStoreForReading } from '../../../analysis/experiments/store/index.js';
import { designPoints, parseSweepText, type SweepDefinition } from '../../../analysis/experiments/sweepFile/index.js';
import { planSweep } from '../../../analysis/experiments/sweepPlan.js';
import { loadScenario } from '../../../scenarios/load.js';
import { runOne, type RunResult } from '../../../sim/runOne.js';

export const RUN_YEARS = 12;

/**
 * A plan's runs into a results folder, as runPlan does but without the merge into
 * results.csv/parquet/duckdb, which the charts do not read (it would double the time).
 */
async function runIntoFolder(plan: SweepPlan, dir: string): Promise<void> {
  const store = createStore(dir, plan, {}, { resume: false });
  const { failed } = await executeRuns(plan.runs, {
    workers: 1,
    codeVersion: plan.codeVersion,
    onShard: (shard) => store.writeShard(shard),
    onFailure: (failure) => store.writeFailure(failure),
  });
  if (failed > 0) throw new Error(`${failed} runs failed`);
}

export async function punjabRun(): Promise<RunResult> {
  const { params } = loadScenario('punjab-farm-equipment', { years: RUN_YEARS });
  return runOne({ params, seed: 1, threads: 1 });
}

export function workFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'clustersim-charts-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function punjabComparison(dir: string): Promise<ComparisonResult> {
  const design = planComparison(
    {
      scenario: 'punjab-farm-equipment',
      arms: ['training-centre', 'design-protection:1960'],
      replications: 3,
      masterSeed: 1,
      seeding: 'common',
      years: 5,
    },
    codeVersion(),
  );
  await runIntoFolder(design.plan, dir);
  const store = openStoreForReading(dir);
  return analyseComparison(design, (runKey) => store.readShard(runKey));
}

const SCENARIO = 'scenarios/punjab-farm-equipment.yaml';
const header = (years: number) => [`scenario: ${join(process.cwd(), SCENARIO)}`, `years: ${years}`, 'seed: 3'];

/** Sweep files (YAML lines after the scenario and years) named by the chart shape they give. */
export const SWEEP_FILES: Record<string, string[]> = {
  'one-number': [
    ...header(4),
    'replications: 2',
    'factors:',
    '  - { name: quitRate, parameter: labour.quitProbabilityPerMonth, values: [0.005, 0.02, 0.05] }',
    'keep: { metrics: [meanCapability, firms], towns: total, samples: december }',
  ],
  'one-policy': [
    ...header(3),
    'replications: 2',
    'seeds: common',
    'factors:',
    '  - name: policy',
    '    policies: [none, training-centre]',
    'keep: { metrics: [firms], samples: end }',
  ],
  grid: [
    ...header(3),
    'replications: 2',
    'factors:',
    '  - name: policy',
    '    policies: [none, training-centre]',
    '  - { name: designCost, parameter: innovation.productDesignCost, values: [8000, 16000, 32000] }',
    'keep: { metrics: [meanCapability, fullyIntegratedShare], towns: all, samples: december }',
  ],
  lhs: [
    ...header(2),
    'design: { kind: lhs, samples: 13 }',
    'factors:',
    '  - { name: quitRate, parameter: labour.quitProbabilityPerMonth, min: 0.005, max: 0.05 }',
    '  - { name: spinOff, parameter: entry.spinOffProbabilityPerMonth, min: 0.0001, max: 0.001 }',
    'keep: { metrics: [firms], samples: end }',
  ],
};

/** Run a sweep file into `dir` as clustersim sweep does; returns its definition and the runs' start year. */
export async function runSweepFile(
  lines: string[],
  dir: string,
  name: string,
): Promise<{ def: SweepDefinition; startYear: number }> {
  const def = parseSweepText(`${lines.join('\n')}\n`, join(dir, `${name}.yaml`));
  const plan = planSweep(def, designPoints(def));
  await runIntoFolder(plan, join(dir, name));
  return { def, startYear: plan.runs[0].params.startYear };
}

const SENSITIVITY_FILE = [
  ...header(2),
  'seeds: common',
  'factors:',
  '  - { name: quitRate, parameter: labour.quitProbabilityPerMonth, min: 0.005, max: 0.05 }',
  '  - { name: spinOff, parameter: entry.spinOffProbabilityPerMonth, min: 0.0001, max: 0.001 }',
  'sensitivity:',
  '  outputs: [{ metric: firms }, { metric: meanCapability }]',
  '  morris: { trajectories: 4, levels: 4 }',
  '  sobol: { baseSamples: 8, bootstrap: 100 }',
];

export async function sensitivityResult(dir: string, method: 'morris' | 'sobol'): Promise<SensitivityResult> {
  const def = parseSweepText(`${SENSITIVITY_FILE.join('\n')}\n`, join(dir, `sensitivity-${method}.yaml`));
  const analysis = sensitivityAnalysis(def, method);
  const out = join(dir, `sensitivity-${method}`);
  await runIntoFolder(analysis.plan, out);
  return analysis.analyse(out);
}
