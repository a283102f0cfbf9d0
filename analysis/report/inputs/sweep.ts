/** The reports of `clustersim sweep` and `clustersim sensitivity`: the design, the runs, and the charts of their results. */
import { sensitivityCharts, sweepCharts, sweepFactorTitles, sweepStartYear } from '../../charts/index.js';
import type { SensitivityResult } from '../../experiments/sensitivityRun.js';
import type { RunPlanOutcome } from '../../experiments/runSweep.js';
import type { SweepDefinition } from '../../experiments/sweepFile/index.js';
import type { ReportInput, SummaryRow } from '../types.js';
import { figure, listOrNone, seconds } from './format.js';

export interface SweepReportFacts {
  def: SweepDefinition;
  /** The results folder. */
  dir: string;
  /** The sweep file as shown to the user. */
  sweepFile: string;
  designPoints: number;
  outcome: RunPlanOutcome;
  workers: number;
  wallSeconds: number;
  /** manifest.json's provenance. */
  provenance: Record<string, unknown>;
}

function runsRow({ outcome, workers }: SweepReportFacts): SummaryRow {
  const { total, skipped, done, failed } = outcome;
  return {
    label: 'Runs',
    value:
      `${total} (${skipped} already done, ${done} run now${failed ? `, ${failed} failed` : ''}) ` +
      `on ${workers} worker${workers === 1 ? '' : 's'}`,
  };
}

function commonRows(facts: SweepReportFacts): SummaryRow[] {
  const { def } = facts;
  return [
    { label: 'Sweep file', value: `${def.name} (${facts.sweepFile})` },
    { label: 'Base scenario', value: def.scenario },
    { label: 'Policies in every run', value: listOrNone(def.policies) },
    { label: 'Settings in every run', value: listOrNone([...def.set, ...(def.years ? [`--years ${def.years}`] : [])]) },
    { label: 'Replications per point', value: String(def.replications) },
    { label: 'Seeds', value: `master seed ${def.masterSeed}, rule ${def.seedRule}` },
  ];
}

function missingNotes({ outcome }: SweepReportFacts): string[] {
  const missing = outcome.merged.missing;
  return missing > 0 ? [`${missing} runs have no result yet; the charts show the ${outcome.merged.done} that do.`] : [];
}

export function sweepReportInput(facts: SweepReportFacts): ReportInput {
  const { def } = facts;
  return {
    title: `clustersim sweep: ${def.name}`,
    subtitle: def.description,
    summary: [
      ...commonRows(facts),
      { label: 'Factors', value: def.factors.map((factor) => factor.name).join(', ') },
      { label: 'Design', value: `${def.design.kind}, ${facts.designPoints} points` },
      runsRow(facts),
      { label: 'Wall time', value: seconds(facts.wallSeconds) },
    ],
    notes: missingNotes(facts),
    provenance: facts.provenance,
    charts: sweepCharts(facts.dir, { startYear: sweepStartYear(def), factorTitles: sweepFactorTitles(def) }),
  };
}

export function sensitivityReportInput(facts: SweepReportFacts, result: SensitivityResult): ReportInput {
  const method = result.method === 'morris' ? 'Morris elementary effects' : 'Sobol indices (S1, ST)';
  return {
    title: `clustersim sensitivity: ${result.name} (${result.method})`,
    subtitle: facts.def.description ?? method,
    summary: [
      ...commonRows(facts),
      { label: 'Method', value: method },
      {
        label: 'Factors (intervals)',
        value: result.factors.map((f) => `${f.name} ${figure(f.min)}–${figure(f.max)}`).join('; '),
      },
      { label: 'Outputs', value: result.outputs.map((output) => output.output).join(', ') },
      { label: 'Design', value: `${result.designPoints} points` },
      runsRow(facts),
      { label: 'Wall time', value: seconds(facts.wallSeconds) },
    ],
    notes: missingNotes(facts),
    provenance: facts.provenance,
    charts: sensitivityCharts(result),
  };
}
