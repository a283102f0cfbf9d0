/**
 * Replicated runs of a bundled scenario for pattern checks: seeds 1..n, one thread
 * (results do not depend on the thread count), optionally with policies, --set
 * overrides or a shorter horizon, exactly as `clustersim run` would load them.
 */
import { loadScenario, type LoadOptions } from '../../scenarios/load.js';
import { runOne, type RunResult } from '../../sim/runOne.js';

export interface ReplicateOptions extends LoadOptions {
  /** Number of replications: seeds 1..replications. */
  replications: number;
}

export async function runReplicates(scenario: string, options: ReplicateOptions): Promise<RunResult[]> {
  const { params } = loadScenario(scenario, options);
  const results: RunResult[] = [];
  for (let seed = 1; seed <= options.replications; seed++) {
    results.push(await runOne({ params, seed, threads: 1 }));
  }
  return results;
}

/** A named variant of a scenario: its file and the load options that make it (policies, --set). */
export interface VariantSpec {
  scenario: string;
  options: Omit<ReplicateOptions, 'replications'>;
}

/**
 * The replicate sets of named variants, each run at most once per process and shared
 * by every check that asks for it (checks of one scenario reuse the same runs).
 */
export function variantRuns<V extends string>(
  variants: Record<V, VariantSpec>,
  replications: number,
): (variant: V) => Promise<RunResult[]> {
  const memo = new Map<V, Promise<RunResult[]>>();
  return (variant) => {
    let cached = memo.get(variant);
    if (!cached) {
      const { scenario, options } = variants[variant];
      cached = runReplicates(scenario, { ...options, replications });
      memo.set(variant, cached);
    }
    return cached;
  };
}
