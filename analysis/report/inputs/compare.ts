/** The report of `clustersim compare`: the forest plot of policy effects and the design behind it. */
import { comparisonCharts } from '../../charts/index.js';
import type { ComparisonResult } from '../../experiments/compare/analyse.js';
import type { ReportInput } from '../types.js';
import { figure, seconds, yearSpan } from './format.js';

export interface CompareReportFacts {
  result: ComparisonResult;
  /** The results folder (the charts may read the runs' shards from it). */
  dir: string;
  scenarioFile: string;
  horizon: { firstYear: number; lastYear: number };
  runs: { total: number; done: number };
  workers: number;
  wallSeconds: number;
  /** comparison.json's provenance. */
  provenance: Record<string, unknown>;
  warnings: string[];
}

export function compareReportInput(facts: CompareReportFacts): ReportInput {
  const { result, horizon, runs } = facts;
  const policyArms = result.arms.slice(1).map((arm) => arm.name);
  const years = horizon.lastYear - horizon.firstYear + 1;
  const missing = runs.total - runs.done;
  return {
    title: `clustersim compare: ${result.scenario}`,
    subtitle: `Baseline against ${policyArms.join('; ')}: paired differences in ${result.year} over ${result.replications} replicates`,
    summary: [
      { label: 'Scenario', value: `${result.scenario} (${facts.scenarioFile})` },
      { label: 'Policy arms', value: policyArms.join('; ') },
      { label: 'Years simulated', value: yearSpan(horizon.firstYear, years) },
      { label: 'Year compared', value: `${result.year} (levels in December, flows summed over the year)` },
      { label: 'Replicates per arm', value: String(result.replications) },
      {
        label: 'Seeds',
        value: `${result.seeding === 'common' ? 'common random numbers (replicate r of every arm on one seed)' : 'independent (every run its own seed)'}; master seed ${result.masterSeed}, rule ${result.seedRule}`,
      },
      { label: 'Intervals', value: `${figure(result.confidence * 100)}% confidence` },
      { label: 'Metrics', value: result.metrics.map((metric) => `${metric.name} (${metric.unit})`).join(', ') },
      {
        label: 'Runs',
        value: `${runs.done} of ${runs.total} done, ${facts.workers} worker${facts.workers === 1 ? '' : 's'}`,
      },
      { label: 'Wall time', value: seconds(facts.wallSeconds) },
    ],
    notes: [
      ...facts.warnings,
      ...(missing > 0
        ? [`${missing} of ${runs.total} runs have no result; their pairs are left out of every interval.`]
        : []),
    ],
    provenance: facts.provenance,
    charts: comparisonCharts(result, facts.dir),
  };
}
