/** The report of `clustersim run`: the run's charts, what was run, and its final state in a few numbers. */
import { runCharts } from '../../charts/index.js';
import type { RunResult } from '../../../sim/runOne.js';
import type { ReportInput } from '../types.js';
import { figure, listOrNone, seconds, yearSpan } from './format.js';

export interface RunReportFacts {
  result: RunResult;
  /** The scenario file as shown to the user. */
  scenarioFile: string;
  overrides: string[];
  wallSeconds: number;
  /** run.json's content. */
  provenance: Record<string, unknown>;
}

/** A metric of the all-towns row in the final month. */
function finalAllTowns(result: RunResult, metric: string): number {
  const towns = result.townNames.length;
  const metricIndex = result.metricNames.indexOf(metric);
  if (metricIndex < 0) return Number.NaN;
  return result.metrics[((result.ticks - 1) * (towns + 1) + towns) * result.metricNames.length + metricIndex];
}

export function runReportInput({
  result,
  scenarioFile,
  overrides,
  wallSeconds,
  provenance,
}: RunReportFacts): ReportInput {
  const { params } = result;
  const lastYear = params.startYear + params.years - 1;
  const atEnd = (metric: string) => figure(finalAllTowns(result, metric));
  return {
    title: `clustersim run: ${params.name}`,
    subtitle: params.description,
    summary: [
      { label: 'Scenario', value: `${params.name} (${scenarioFile})` },
      { label: 'Years', value: yearSpan(params.startYear, params.years) },
      { label: 'Towns', value: `${result.townNames.length}: ${result.townNames.join(', ')}` },
      { label: 'Policies', value: listOrNone(params.policies.map((policy) => policy.name)) },
      { label: 'Overrides', value: listOrNone(overrides) },
      { label: 'Seed', value: String(result.seed) },
      { label: 'Runs', value: `1 (${result.threads} thread${result.threads === 1 ? '' : 's'})` },
      { label: 'Wall time', value: seconds(wallSeconds) },
      { label: `Firms, December ${lastYear}`, value: atEnd('firms') },
      { label: `Workers, December ${lastYear}`, value: atEnd('workers') },
      { label: `Vendors, December ${lastYear}`, value: atEnd('vendors') },
      { label: `Mean capability, December ${lastYear} (0–1)`, value: atEnd('meanCapability') },
      { label: 'Firms ever created', value: figure(result.firmsEverCreated) },
    ],
    provenance,
    charts: runCharts(result),
  };
}
