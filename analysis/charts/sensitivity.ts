/**
 * Charts of a sensitivity analysis (sensitivity.json), one per output: the Morris
 * mu*-sigma plane with each factor labelled, or Sobol S1 and ST bars with their
 * bootstrap intervals.
 */
import type { OutputIndices, SensitivityResult } from '../experiments/sensitivityRun.js';
import { metricUnit } from './metricUnits.js';
import { CHART_HEIGHT, CHART_WIDTH, kebab, namedChart, round } from './spec.js';
import { LABEL_FONT_SIZE, LABEL_PLACES, niceCeiling, placeMorrisLabels } from './labelPlacement.js';
import type { DataRow, NamedChart } from './types.js';

/** One chart per output, up to this many (a sensitivity file names a handful). */
export const MAX_SENSITIVITY_OUTPUTS = 8;

const outputUnit = (output: OutputIndices) => metricUnit(output.metric) || 'output units';

export function morrisData(output: OutputIndices): DataRow[] {
  return (output.morris ?? []).map((row) => ({
    factor: row.name,
    muStar: round(row.muStar),
    sigma: round(row.sigma),
    mu: round(row.mu),
  }));
}

export function morrisChart(result: SensitivityResult, output: OutputIndices): NamedChart | null {
  const points = morrisData(output);
  if (points.length === 0) return null;
  const unit = outputUnit(output);
  const top = Math.max(...points.flatMap((row) => [row.muStar as number, row.sigma as number]), 0);
  // One fixed domain on both axes (it holds the σ = μ* line): label placement needs the pixel positions.
  const domainMax = niceCeiling(top);
  const data = placeMorrisLabels(points, domainMax);
  const scale = { domain: [0, domainMax], nice: false };
  const x = {
    field: 'muStar',
    type: 'quantitative',
    scale,
    title: `μ* (mean |elementary effect|, ${unit} per factor range)`,
  };
  const y = {
    field: 'sigma',
    type: 'quantitative',
    scale,
    title: `σ (sd of elementary effects, ${unit} per factor range)`,
  };
  const usedPlaces = LABEL_PLACES.filter((place) => data.some((row) => row.labelPlace === place.name));
  return namedChart({
    name: `morris-${kebab(output.output)}`,
    title: `Morris screening: ${output.output}`,
    subtitle: `${result.designPoints} design points × ${result.replications} replications; effects in ${unit} per whole range of the factor`,
    description:
      `Each labelled dot is a factor: μ* (right = more influence on ${output.output}) against σ (up = effect that varies ` +
      'with the other factors: non-linear or interacting). Dots above the dashed σ = μ* line act mostly through interactions.',
    data,
    body: {
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      layer: [
        {
          data: {
            values: [
              { muStar: 0, sigma: 0 },
              { muStar: round(domainMax), sigma: round(domainMax) },
            ],
          },
          mark: { type: 'line', color: '#999', strokeDash: [4, 3] },
          encoding: { x, y },
        },
        {
          mark: { type: 'point', filled: true, size: 80, color: '#4c78a8' },
          encoding: {
            x,
            y,
            tooltip: [
              { field: 'factor', type: 'nominal' },
              { field: 'muStar', type: 'quantitative', title: 'μ*' },
              { field: 'mu', type: 'quantitative', title: 'μ' },
              { field: 'sigma', type: 'quantitative', title: 'σ' },
            ],
          },
        },
        // One text layer per label place in use: dx, dy and align are mark properties, not channels.
        ...usedPlaces.map((place) => ({
          transform: [{ filter: { field: 'labelPlace', equal: place.name } }],
          mark: {
            type: 'text',
            align: place.align,
            baseline: 'middle',
            dx: place.dx,
            dy: place.dy,
            fontSize: LABEL_FONT_SIZE,
          },
          encoding: { x, y, text: { field: 'factor', type: 'nominal' } },
        })),
      ],
    },
  });
}

export const SOBOL_INDICES = ['S1 (first order)', 'ST (total)'] as const;

export function sobolData(output: OutputIndices): DataRow[] {
  return (output.sobol ?? []).flatMap((row) => [
    { factor: row.name, index: SOBOL_INDICES[0], value: round(row.s1), low: round(row.s1Low), high: round(row.s1High) },
    { factor: row.name, index: SOBOL_INDICES[1], value: round(row.st), low: round(row.stLow), high: round(row.stHigh) },
  ]);
}

export function sobolChart(result: SensitivityResult, output: OutputIndices): NamedChart | null {
  const data = sobolData(output);
  if (data.length === 0) return null;
  // Factors by total index, largest first: the reading order of a screening.
  const factors = [...(output.sobol ?? [])]
    .sort((a, b) => b.st - a.st || a.name.localeCompare(b.name))
    .map((r) => r.name);
  // sensitivity.json does not record the interval's level (the sweep file's sobol.confidence, 0.95 by default).
  const level = (result.design as { confidence?: unknown }).confidence;
  const interval = typeof level === 'number' ? `${Math.round(level * 100)}% bootstrap interval` : 'bootstrap interval';
  const x = { field: 'factor', type: 'nominal', title: 'Factor', sort: factors, axis: { labelAngle: 0 } };
  const xOffset = { field: 'index', type: 'nominal', sort: [...SOBOL_INDICES] };
  const y = { field: 'value', type: 'quantitative', title: `Sobol index (share of the variance of ${output.metric})` };
  return namedChart({
    name: `sobol-${kebab(output.output)}`,
    title: `Sobol indices: ${output.output}`,
    subtitle: `${result.designPoints} design points × ${result.replications} replications; bars: estimate, lines: ${interval}`,
    description:
      `For each factor, the share of the variance of ${output.output} it explains alone (S1) and with all its interactions (ST), ` +
      `with its ${interval}. ST well above S1 means the factor acts through interactions; ST near 0 means it can be fixed.`,
    data,
    body: {
      width: Math.max(CHART_WIDTH / 2, 90 * factors.length),
      height: CHART_HEIGHT,
      encoding: { x, xOffset },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y,
            color: {
              field: 'index',
              type: 'nominal',
              title: 'Index',
              sort: [...SOBOL_INDICES],
              scale: { domain: [...SOBOL_INDICES], range: ['#4c78a8', '#f58518'] },
            },
          },
        },
        {
          mark: { type: 'rule', color: '#222', strokeWidth: 1.5 },
          encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
        },
      ],
    },
  });
}

export function sensitivityChartsOf(result: SensitivityResult): NamedChart[] {
  return result.outputs
    .slice(0, MAX_SENSITIVITY_OUTPUTS)
    .flatMap((output) => [morrisChart(result, output), sobolChart(result, output)])
    .filter((chart): chart is NamedChart => chart !== null);
}
