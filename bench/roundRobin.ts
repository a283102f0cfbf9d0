/**
 * Interleaved timing of variants in one process: warm-up rounds, then timed rounds
 * that run every variant once each (A, B, C, A, B, C, ...), so slow drift of the
 * machine (other load, heat) spreads over every variant instead of biasing the one
 * measured last. On a shared machine, a run that other processes competed with is
 * redone a few times at most rather than let their load pass for ours, and before
 * each run the suite waits (within a total budget) for other processes to go quiet.
 */
import { waitForQuiet } from './otherLoad.js';

/** Garbage of the previous run is collected outside the timed region when node runs with --expose-gc. */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

export const gcBetweenRuns = (): boolean => collectGarbage !== undefined;

export interface Contended {
  /** Mean cores other processes kept busy during the run (null where not measurable). */
  otherCoresBusy: number | null;
}

export interface Variant<S extends Contended> {
  label: string;
  run(): Promise<S>;
}

export interface VariantSamples<S> {
  samples: S[];
  /** Timed runs thrown away and redone because other processes competed for the CPU. */
  redoneRuns: number;
  /** Kept runs that were still contended after every redo. */
  contendedRunsKept: number;
}

export interface RoundRobinPolicy {
  warmUpRuns: number;
  timedRuns: number;
  maxOtherCoresBusy: number;
  redosPerRun: number;
}

/** Shared by every section: the total time the suite may wait for quiet, and what it has spent. */
export class QuietBudget {
  secondsWaited = 0;
  constructor(readonly maxWaitSeconds: number) {}

  async wait(maxOtherCoresBusy: number): Promise<void> {
    const waited = await waitForQuiet(maxOtherCoresBusy, this.maxWaitSeconds - this.secondsWaited);
    this.secondsWaited += waited;
    if (waited >= 1) console.error(`  (waited ${waited.toFixed(0)} s for other processes to go quiet)`);
  }
}

export type Describe<S> = (sample: S) => string;

export async function roundRobin<S extends Contended>(
  variants: readonly Variant<S>[],
  policy: RoundRobinPolicy,
  quiet: QuietBudget,
  describe: Describe<S>,
): Promise<VariantSamples<S>[]> {
  const runOnce = async (variant: Variant<S>, label: string): Promise<S> => {
    collectGarbage?.();
    await quiet.wait(policy.maxOtherCoresBusy);
    const sample = await variant.run();
    const others = sample.otherCoresBusy === null ? '' : `, other processes ${sample.otherCoresBusy.toFixed(2)} cores`;
    console.error(`  ${label} ${variant.label}: ${describe(sample)}${others}`);
    return sample;
  };
  const contended = (sample: S) => (sample.otherCoresBusy ?? 0) > policy.maxOtherCoresBusy;

  for (let n = 0; n < policy.warmUpRuns; n++) for (const variant of variants) await runOnce(variant, 'warm-up');
  const records: VariantSamples<S>[] = variants.map(() => ({ samples: [], redoneRuns: 0, contendedRunsKept: 0 }));
  for (let n = 0; n < policy.timedRuns; n++) {
    for (const [index, variant] of variants.entries()) {
      const record = records[index];
      let sample = await runOnce(variant, `run ${n + 1}`);
      for (let redo = 1; redo <= policy.redosPerRun && contended(sample); redo++) {
        record.redoneRuns += 1;
        sample = await runOnce(variant, `run ${n + 1} (redo ${redo}, contended)`);
      }
      if (contended(sample)) record.contendedRunsKept += 1;
      record.samples.push(sample);
    }
  }
  return records;
}
