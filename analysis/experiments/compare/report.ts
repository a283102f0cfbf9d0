/**
 * A comparison's outputs: the table printed on stdout (one block per arm), and
 * comparison.csv (one row per arm and metric, every number). comparison.json is the
 * ComparisonResult itself plus provenance (written by the command).
 */
import { csvField, formatNumber } from '../../output/format.js';
import type { ComparisonResult } from './analyse.js';
import type { IntervalMethod } from './pairedComparison.js';

const METHOD_LABEL: Record<IntervalMethod, string> = {
  t: 't',
  'bca-bootstrap': 'BCa',
  'welch-t': 'Welch',
  none: '-',
};

/** Four significant digits, plain notation where it fits; '-' for missing. */
export function shortNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '-';
  if (value === 0) return '0';
  return String(Number(value.toPrecision(4)));
}

const percent = (value: number | null) => (value === null ? '-' : `${Math.round(value * 100)}%`);

function alignTable(header: string[], rows: string[][], leftColumns: number): string {
  const widths = header.map((cell, c) => Math.max(cell.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function comparisonTable(result: ComparisonResult): string {
  const paired = result.seeding === 'common';
  const level = Math.round(result.confidence * 100);
  const blocks = result.arms.slice(1).map((arm) => {
    const rows = result.comparisons
      .filter((row) => row.arm === arm.name)
      .map((row) => [
        row.metric,
        shortNumber(row.baselineMean),
        shortNumber(row.armMean),
        shortNumber(row.meanDifference),
        row.interval.lower === null
          ? 'no interval'
          : `[${shortNumber(row.interval.lower)}, ${shortNumber(row.interval.upper)}]`,
        METHOD_LABEL[row.method],
        shortNumber(row.welch.width),
        percent(row.varianceReduction),
      ]);
    const header = [
      'metric',
      'baseline',
      'arm',
      'difference',
      `${level}% CI (${paired ? 'paired' : 'unpaired'})`,
      'method',
      'Welch width',
      'var. reduction',
    ];
    const dropped = result.comparisons
      .filter((row) => row.arm === arm.name && row.droppedPairs > 0)
      .map(
        (row) => `${row.metric}: ${row.droppedPairs} pair${row.droppedPairs === 1 ? '' : 's'} dropped (missing value)`,
      );
    return [`${arm.name} vs baseline`, alignTable(header, rows, 1), ...dropped].join('\n');
  });
  const flows = result.metrics.some((metric) => metric.kind === 'flow') ? '; flows summed over the year' : '';
  const seeds = paired
    ? `common seeds (replicate r of every arm on the same seed)`
    : `independent seeds (every run its own seed: no pairing)`;
  return (
    `${result.scenario}: ${result.year} (December${flows}), ${result.replications} replicates on ${seeds}, master seed ${result.masterSeed}\n\n` +
    `${blocks.join('\n\n')}\n`
  );
}

const CSV_COLUMNS = [
  'arm',
  'metric',
  'unit',
  'measured',
  'pairs',
  'droppedPairs',
  'baselineMean',
  'armMean',
  'meanDifference',
  'lower',
  'upper',
  'width',
  'method',
  'pairedTLower',
  'pairedTUpper',
  'welchLower',
  'welchUpper',
  'welchWidth',
  'varianceReduction',
  'varianceRatio',
  'correlation',
  'sdDifference',
  'skewnessDifference',
  'note',
] as const;

export function comparisonCsv(result: ComparisonResult): string {
  const number = (value: number | null) => (value === null ? '' : formatNumber(value));
  const metricOf = new Map(result.metrics.map((metric) => [metric.name, metric]));
  const lines = result.comparisons.map((row) => {
    const metric = metricOf.get(row.metric);
    return [
      csvField(row.arm),
      row.metric,
      csvField(metric?.unit ?? ''),
      csvField(metric?.measured ?? ''),
      String(row.pairs),
      String(row.droppedPairs),
      number(row.baselineMean),
      number(row.armMean),
      number(row.meanDifference),
      number(row.interval.lower),
      number(row.interval.upper),
      number(row.interval.width),
      row.method,
      number(row.pairedT.lower),
      number(row.pairedT.upper),
      number(row.welch.lower),
      number(row.welch.upper),
      number(row.welch.width),
      number(row.varianceReduction),
      number(row.varianceRatio),
      number(row.correlation),
      number(row.sdDifference),
      number(row.skewnessDifference),
      csvField(row.note),
    ].join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...lines].join('\n')}\n`;
}
