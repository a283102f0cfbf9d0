/**
 * A comparison as a sweep: one string factor `arm` ("baseline", then each --policy
 * spec as given), every arm run for replicates 0..n-1. With common seeds
 * (common-sha256-v1) replicate r of every arm runs on the same seed; with independent
 * seeds (per-run-sha256-v1) each run has its own, which is what an unpaired design
 * would do and exists to show what pairing buys. The plan is stored like any sweep's,
 * so `clustersim results <dir> --sql` answers questions about a comparison too.
 *
 * Each run keeps the compared metrics for the twelve months of the compared year, for
 * every town and all towns (flows are summed over those months; levels read in December).
 */
import { loadScenario, type LoadedScenario } from '../../../scenarios/load.js';
import { UserInputError } from '../../../scenarios/errors.js';
import { messages } from '../../../scenarios/messages.js';
import { didYouMean } from '../../../scenarios/didYouMean.js';
import { reportersFor } from '../../../sim/observe.js';
import { planRuns } from '../plan.js';
import type { KeepSpec, SeedRuleName, SweepPlan } from '../types.js';
import { DEFAULT_KEY_METRICS, keyMetric, type KeyMetric } from './keyMetrics.js';
import type { Seeding } from './pairedComparison.js';

export const BASELINE_ARM = 'baseline';
export const ARM_FACTOR = 'arm';

export interface CompareRequest {
  /** Scenario name or path, as loadScenario takes it. */
  scenario: string;
  /** --policy specs, one per arm; a spec may join several policy specs with commas. */
  arms: readonly string[];
  replications: number;
  masterSeed: number;
  seeding: Seeding;
  years?: number;
  set?: readonly string[];
  /** Metric names; the default key metrics when absent or empty. */
  metrics?: readonly string[];
  /** The calendar year compared; the last simulated year when absent. */
  atYear?: number;
}

export interface CompareArm {
  name: string;
  /** The policy specs the arm adds to the scenario (none for the baseline). */
  policies: string[];
}

export interface CompareDesign {
  /** `compare-<scenario name>`: the plan's name. */
  name: string;
  scenarioName: string;
  scenarioFile: string;
  /** Baseline first. */
  arms: CompareArm[];
  seeding: Seeding;
  replications: number;
  masterSeed: number;
  year: number;
  horizon: { firstYear: number; lastYear: number };
  metrics: KeyMetric[];
  plan: SweepPlan & { runKeyOf: string[][] };
  /** Files the arms were composed from (scenario chain and policy files), each once. */
  sources: { role: string; file: string; sha256: string }[];
  /** Things the user should know before trusting the result (an arm equal to the baseline). */
  warnings: string[];
}

export const SEED_RULE_OF: Record<Seeding, SeedRuleName> = {
  common: 'common-sha256-v1',
  independent: 'per-run-sha256-v1',
};

/** `training-centre,association` -> the two specs, trimmed. */
export function armPolicies(spec: string): string[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function checkArms(arms: readonly string[]): void {
  if (arms.length === 0)
    throw new UserInputError(messages.missingArgument('compare', 'a --policy to compare with the baseline'));
  const seen = new Set<string>();
  for (const arm of arms) {
    if (armPolicies(arm).length === 0)
      throw new UserInputError(messages.badFlagValue('--policy', 'a policy spec', `"${arm}"`));
    if (seen.has(arm)) throw new UserInputError(`--policy ${arm}: given twice; each --policy is one arm`);
    seen.add(arm);
  }
}

function chooseMetrics(scenario: LoadedScenario, requested: readonly string[] | undefined, year: number): KeyMetric[] {
  const reporters = reportersFor(scenario.params);
  const names = requested && requested.length > 0 ? requested : DEFAULT_KEY_METRICS;
  const known = reporters.map((reporter) => reporter.name);
  const seen = new Set<string>();
  const chosen: KeyMetric[] = [];
  for (const name of names) {
    const reporter = reporters.find((candidate) => candidate.name === name);
    if (!reporter) {
      const suggestion = didYouMean(name, known);
      throw new UserInputError(
        `--metric ${name}: unknown metric${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; expected a metric of ${scenario.params.name} such as ${DEFAULT_KEY_METRICS.slice(0, 4).join(', ')} (the columns of a run's timeseries.csv)`,
      );
    }
    if (seen.has(name)) continue;
    seen.add(name);
    chosen.push(keyMetric(reporter, year));
  }
  return chosen;
}

function chooseYear(scenario: LoadedScenario, atYear: number | undefined): number {
  const firstYear = scenario.params.startYear;
  const lastYear = firstYear + scenario.params.years - 1;
  if (atYear === undefined) return lastYear;
  if (atYear < firstYear || atYear > lastYear)
    throw new UserInputError(
      messages.badFlagValue(
        '--at',
        `a year from ${firstYear} to ${lastYear} (the horizon of ${scenario.params.name})`,
        `${atYear}`,
      ),
    );
  return atYear;
}

/**
 * Policies an arm adds that are not in force in the compared year: the arm then
 * measures nothing (a late start year, or a horizon shortened with --years).
 */
function idleArmPolicies(arm: CompareArm, scenario: LoadedScenario, baseline: LoadedScenario, year: number): string[] {
  const added = scenario.params.policies.slice(baseline.params.policies.length);
  return added.flatMap((policy) => {
    if (policy.startYear > year)
      return [
        `--policy ${arm.name}: "${policy.name}" starts in ${policy.startYear}, after the compared year ${year}; it changes nothing compared`,
      ];
    if (policy.endYear <= baseline.params.startYear)
      return [
        `--policy ${arm.name}: "${policy.name}" ends in ${policy.endYear}, before the run starts; it is never in force`,
      ];
    return [];
  });
}

export function planComparison(request: CompareRequest, codeVersion: string): CompareDesign {
  checkArms(request.arms);
  if (!Number.isInteger(request.replications) || request.replications < 2)
    throw new UserInputError(
      messages.badFlagValue('--reps', 'an integer >= 2 (an interval needs two replicates)', `${request.replications}`),
    );
  const load = (policies: readonly string[]) =>
    loadScenario(request.scenario, { policies, set: request.set ?? [], years: request.years });
  const baseline = load([]);
  const year = chooseYear(baseline, request.atYear);
  const metrics = chooseMetrics(baseline, request.metrics, year);
  const arms: CompareArm[] = [
    { name: BASELINE_ARM, policies: [] },
    ...request.arms.map((spec) => ({ name: spec, policies: armPolicies(spec) })),
  ];
  const loaded = [baseline, ...arms.slice(1).map((arm) => load(arm.policies))];
  const yearIndex = year - baseline.params.startYear;
  const keep: KeepSpec = {
    metrics: metrics.map((metric) => metric.name),
    towns: 'all',
    // December of every earlier year (the time series behind the capability-by-arm chart), then
    // the 12 months of the compared year (its December for levels, all twelve for flows).
    sampleTicks: [
      ...Array.from({ length: yearIndex }, (_, y) => y * 12 + 11),
      ...Array.from({ length: 12 }, (_, month) => yearIndex * 12 + month),
    ],
  };
  const plan = planRuns({
    name: `compare-${baseline.params.name}`,
    factors: [{ name: ARM_FACTOR, type: 'string' }],
    points: loaded.map((scenario, i) => ({ params: scenario.params, factors: { [ARM_FACTOR]: arms[i].name }, keep })),
    replications: request.replications,
    masterSeed: request.masterSeed,
    seedRule: SEED_RULE_OF[request.seeding],
    codeVersion,
  });
  const warnings = arms.slice(1).flatMap((arm, i) => idleArmPolicies(arm, loaded[i + 1], baseline, year));
  const sources = new Map<string, { role: string; file: string; sha256: string }>();
  for (const scenario of loaded)
    for (const source of scenario.sources) sources.set(`${source.role}\0${source.file}`, source);
  return {
    name: plan.name,
    scenarioName: baseline.params.name,
    scenarioFile: baseline.file,
    arms,
    seeding: request.seeding,
    replications: request.replications,
    masterSeed: request.masterSeed,
    year,
    horizon: { firstYear: baseline.params.startYear, lastYear: baseline.params.startYear + baseline.params.years - 1 },
    metrics,
    plan,
    sources: [...sources.values()],
    warnings,
  };
}
