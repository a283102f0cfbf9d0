/**
 * Acceptance (issue 5): the confidence interval from pairing on common random numbers
 * is narrower than the one from independent seeds, on a scenario where it should be.
 *
 * Punjab's farm-equipment cluster over 12 years (1960-1971) with a training centre in
 * every town. Between seeds the cluster's history differs a lot: the seed draws the
 * founders' capabilities, which firms spin off and when, the demand shocks and who
 * quits where, and those early draws compound (mean capability at the end ranges over
 * several hundredths between seeds, the firm count over tens). The training centre adds
 * a modest push on top - more skilled journeymen, a little faster learning - without
 * changing those draws: on a shared seed the baseline and the arm found the same firms
 * and meet the same shocks, so the arm's outcome is the baseline's plus the policy's
 * effect plus a little divergence. The difference arm - baseline then carries little of
 * the between-seed variance, while with independent seeds it carries all of it (twice).
 *
 * The comparison runs as the command runs it (plan, runPlan into a results folder,
 * analysis from the stored shards), 8 replicates x 2 arms x 2 seed rules = 32 runs.
 * It fails if the seeds were not shared (the widths would be alike and the variance
 * reduction about 0), if the differences were not paired by replicate, or if the
 * interval were computed on the wrong spread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planComparison } from '../../../analysis/experiments/compare/plan.js';
import { analyseComparison, type ComparisonResult } from '../../../analysis/experiments/compare/analyse.js';
import type { Seeding } from '../../../analysis/experiments/compare/pairedComparison.js';
import { runPlan } from '../../../analysis/experiments/runSweep.js';
import { codeVersion } from '../../../analysis/experiments/runKey.js';
import { openStoreForReading } from '../../../analysis/experiments/store/index.js';

let work: string;
const results: Partial<Record<Seeding, ComparisonResult>> = {};

async function compare(seeding: Seeding): Promise<ComparisonResult> {
  const design = planComparison(
    {
      scenario: 'punjab-farm-equipment',
      arms: ['training-centre'],
      replications: 8,
      masterSeed: 1,
      seeding,
      years: 12,
      metrics: ['meanCapability', 'firms'],
    },
    codeVersion(),
  );
  const dir = join(work, seeding);
  await runPlan(design.plan, dir, { workers: 1, resume: false, provenance: {} });
  const store = openStoreForReading(dir);
  return analyseComparison(design, (runKey) => store.readShard(runKey));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'clustersim-compare-'));
  results.common = await compare('common');
  results.independent = await compare('independent');
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const row = (seeding: Seeding, metric: string) => {
  const found = results[seeding]!.comparisons.find((entry) => entry.metric === metric);
  if (!found) throw new Error(`no ${metric} row`);
  return found;
};

describe('pairing on common random numbers (acceptance)', () => {
  it('ran replicate r of both arms on one seed, and on different seeds when independent', () => {
    const seedsOf = (seeding: Seeding, arm: string) =>
      results[seeding]!.runs.filter((run) => run.arm === arm).map((run) => run.seed);
    expect(seedsOf('common', 'training-centre')).toEqual(seedsOf('common', 'baseline'));
    const independent = [...seedsOf('independent', 'baseline'), ...seedsOf('independent', 'training-centre')];
    expect(new Set(independent).size).toBe(16);
  });

  it.each(['meanCapability', 'firms'])(
    '%s: the paired interval is narrower than the one from independent seeds',
    (metric) => {
      const paired = row('common', metric);
      const unpaired = row('independent', metric);
      expect(paired.method).toBe('t');
      expect(unpaired.method).toBe('welch-t');
      // Measured (master seed 1, 8 replicates): meanCapability paired width 0.0148 against 0.0218 from
      // independent seeds (variance reduction 0.66); firms 10.4 against 14.6 (0.82). Master seeds 2
      // and 3 give ratios of 0.34 and 0.27 (meanCapability), 0.33 and 0.30 (firms).
      expect(paired.interval.width!).toBeGreaterThan(0);
      expect(paired.interval.width!).toBeLessThan(unpaired.interval.width!);
      // ...and on the same common-seed numbers, pairing beats treating the arms as independent.
      expect(paired.interval.width!).toBeLessThan(paired.welch.width!);
      expect(paired.varianceReduction!).toBeGreaterThan(0);
      expect(paired.correlation!).toBeGreaterThan(0);
    },
  );
});
