/**
 * Chart builders, one per command: each returns the charts that fit what the command
 * produced, in report order, skipping a chart that would have no data (a run without
 * copies has no imitation-lag histogram). See types.ts for what a chart is.
 */
import type { RunResult } from '../../sim/runOne.js';
import type { ComparisonResult } from '../experiments/compare/analyse.js';
import type { SensitivityResult } from '../experiments/sensitivityRun.js';
import { armCapabilityChart, forestPlot, replicateValuesChart } from './comparison.js';
import { sensitivityChartsOf } from './sensitivity.js';
import { sweepChartsOf, type SweepChartOptions } from './sweep.js';
import { capabilityFanChart, firmsWorkersVendorsChart, integratedShareChart } from './runTimeSeries.js';
import { entryByOriginChart, imitationLagChart, productsByComplexityChart, upgradingChart } from './runYearly.js';
import { uniqueNames } from './spec.js';
import type { NamedChart } from './types.js';

export type { NamedChart } from './types.js';
export type { SweepChartOptions } from './sweep.js';
export { renderSvg } from './svg.js';
export { sweepFactorTitles, sweepStartYear } from './sweepFactors.js';

const present = (chart: NamedChart | null): chart is NamedChart => chart !== null;

/** Charts of one run (clustersim run). */
export function runCharts(result: RunResult): NamedChart[] {
  return uniqueNames(
    [
      capabilityFanChart(result),
      firmsWorkersVendorsChart(result),
      integratedShareChart(result),
      productsByComplexityChart(result),
      upgradingChart(result),
      entryByOriginChart(result),
      imitationLagChart(result),
    ].filter(present),
  );
}

/** Charts of a paired comparison (clustersim compare); `dir` is its results folder, for charts that read the runs. */
export function comparisonCharts(comparison: ComparisonResult, dir?: string): NamedChart[] {
  return uniqueNames(
    [forestPlot(comparison), replicateValuesChart(comparison), dir ? armCapabilityChart(comparison, dir) : null].filter(
      present,
    ),
  );
}

/** Charts of a sweep's results folder (clustersim sweep). */
export function sweepCharts(dir: string, options: SweepChartOptions = {}): NamedChart[] {
  return uniqueNames(sweepChartsOf(dir, options));
}

/** Charts of a sensitivity analysis (clustersim sensitivity): one Morris or Sobol chart per output. */
export function sensitivityCharts(result: SensitivityResult): NamedChart[] {
  return uniqueNames(sensitivityChartsOf(result));
}
