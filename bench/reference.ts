/**
 * Engine vs reference section: runOne at 1 thread against the plain reference
 * implementation (bench/reference/runReference.ts), same scenario and seed,
 * interleaved. Writes bench/results/reference-<machine-id>.json, or skips with a
 * message while the reference module is missing.
 */
import type { ModelParams } from '../sim/params.js';
import { runOne, type RunResult } from '../sim/runOne.js';
import { timeWholeRun, type WallSample } from './measure.js';
import { provenance } from './machine.js';
import { RESULTS_DIR } from './paths.js';
import { writeResultFile } from './resultFiles.js';
import { formatMillions } from './format.js';
import { gcBetweenRuns, type QuietBudget, roundRobin } from './roundRobin.js';
import type { SuiteOptions } from './suiteOptions.js';
import { scenarioParams } from './scenarioParams.js';
import { REFERENCE_RESULT_FORMAT, type ReferenceBenchResult, summariseImplementation } from './referenceResults.js';

export type RunReference = (params: ModelParams, seed: number) => RunResult;

/** The reference's entry point, or null while bench/reference/runReference.ts has not landed. */
export async function loadReference(): Promise<RunReference | null> {
  // A specifier in a variable: the suite compiles and runs whether or not the module exists yet.
  const specifier = './reference/runReference.js';
  try {
    const module = (await import(specifier)) as { runReference?: RunReference };
    return typeof module.runReference === 'function' ? module.runReference : null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String(error).includes('runReference')) return null;
    throw error;
  }
}

export async function runReferenceSection(
  options: SuiteOptions,
  quiet: QuietBudget,
): Promise<{ result: ReferenceBenchResult; path: string } | null> {
  const runReference = await loadReference();
  if (runReference === null) {
    console.error(
      'reference: skipped - bench/reference/runReference.ts (export runReference) is not in this build yet; ' +
        'the doc keeps any earlier reference result',
    );
    return null;
  }
  const params = scenarioParams(options.referenceScenario, options.referenceYears);
  const ticks = params.years * 12;
  console.error(
    `reference: ${options.referenceScenario}, ${params.years} year(s); engine (1 thread) and reference interleaved, ` +
      `${options.warmUpRuns} warm-up + ${options.timedRuns} timed runs each`,
  );
  const [engine, reference] = await roundRobin<WallSample>(
    [
      { label: 'engine', run: () => timeWholeRun(() => runOne({ params, seed: options.seed, threads: 1 })) },
      { label: 'reference', run: () => timeWholeRun(() => runReference(params, options.seed)) },
    ],
    options,
    quiet,
    (s) => `${s.wallSeconds.toFixed(2)} s, ${formatMillions(s.agentTicks / s.wallSeconds)} agent-ticks/s`,
  );
  const all = [...engine.samples, ...reference.samples];
  const engineResult = summariseImplementation('engine (runOne, 1 thread)', engine);
  const referenceResult = summariseImplementation('reference (bench/reference)', reference);
  const result: ReferenceBenchResult = {
    format: REFERENCE_RESULT_FORMAT,
    ...provenance(),
    config: {
      scenario: options.referenceScenario,
      years: params.years,
      ticks,
      seed: options.seed,
      warmUpRuns: options.warmUpRuns,
      timedRuns: options.timedRuns,
      gcBetweenRuns: gcBetweenRuns(),
    },
    agentTicks: engine.samples[0].agentTicks,
    identicalMetrics: all.every((s) => s.metricsSha256 === all[0].metricsSha256),
    engine: engineResult,
    reference: referenceResult,
    engineSpeedUp: referenceResult.wallSeconds.median / engineResult.wallSeconds.median,
  };
  console.log(
    `reference: engine ${engineResult.wallSeconds.median.toFixed(2)} s, reference ${referenceResult.wallSeconds.median.toFixed(2)} s ` +
      `(engine ${result.engineSpeedUp.toFixed(2)}x)${result.identicalMetrics ? '' : ' - WARNING: metrics differ'}`,
  );
  return { result, path: writeResultFile(RESULTS_DIR, 'reference', result) };
}
