/**
 * The reference implementation (bench/reference, object per agent, single-threaded)
 * and the engine (runOne, struct-of-arrays, 1 and 2 threads) give byte-identical
 * timeseries.csv, summary.json, events.jsonl and firms.csv on small scenarios: the
 * default one (full horizon), a Bangladesh cluster with every policy kind but the
 * fair and outsider entry switched on, a cluster with a sector collapse and an
 * association, and the national sector scaled down to span several blocks of firms.
 * A reference run that differs (another seed, another parameter) must be caught.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load.js';
import { runOne, type RunResult } from '../../sim/runOne.js';
import type { ModelParams } from '../../sim/params.js';
import { BLOCK_SIZE } from '../../sim/store/blocks.js';
import { timeseriesCsvChunks } from '../../analysis/output/timeseriesCsv.js';
import { buildSummary } from '../../analysis/output/summary.js';
import { eventsJsonlChunks } from '../../analysis/output/eventsJsonl.js';
import { firmsPanelCsvChunks } from '../../analysis/output/firmsPanelCsv.js';
import { canonicalJson } from '../../analysis/output/format.js';
import { runReference } from '../../bench/reference/runReference.js';
import { scaledParams } from '../../bench/reference/scaled.js';

const FILES = ['timeseries.csv', 'summary.json', 'events.jsonl', 'firms.csv'] as const;
type OutputFiles = Record<(typeof FILES)[number], string>;

/** The four data files of a run, as `clustersim run` writes them from a kept result. */
function outputFiles(result: RunResult): OutputFiles {
  return {
    'timeseries.csv': [...timeseriesCsvChunks(result)].join(''),
    'summary.json': `${canonicalJson(buildSummary(result, result.params.name), 2)}\n`,
    'events.jsonl': [...eventsJsonlChunks(result)].join(''),
    'firms.csv': [...firmsPanelCsvChunks(result)].join(''),
  };
}

/** The first line (1-based) where two files differ, with both lines; null when the files are equal. */
function firstDifferingLine(
  expected: string,
  actual: string,
): { line: number; expected: string | null; actual: string | null } | null {
  if (expected === actual) return null;
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, expected: a[i] ?? null, actual: b[i] ?? null };
  }
  return { line: -1, expected: 'files differ but no line does', actual: null };
}

/** Per file: null, or where the reference's file first departs from the engine's. */
function differences(engine: OutputFiles, reference: OutputFiles): Record<string, unknown> {
  return Object.fromEntries(FILES.map((file) => [file, firstDifferingLine(engine[file], reference[file])]));
}
const NO_DIFFERENCES = Object.fromEntries(FILES.map((file) => [file, null]));

interface Case {
  label: string;
  params: () => ModelParams;
  seed: number;
  /** What the run must have exercised for the comparison to mean something. */
  exercised: (result: RunResult) => void;
}

const eventTypes = (result: RunResult) => new Set(result.events.map((event) => event.type));
/** A metric added over the run, all towns. */
function runTotal(result: RunResult, metric: string): number {
  const m = result.metricNames.indexOf(metric);
  const rows = result.townNames.length + 1;
  let total = 0;
  for (let tick = 0; tick < result.ticks; tick++)
    total += result.metrics[(tick * rows + rows - 1) * result.metricNames.length + m];
  return total;
}

const CASES: Case[] = [
  {
    label: 'punjab-farm-equipment, full horizon (common facility, R&D extension, trade fair)',
    params: () => loadScenario('punjab-farm-equipment').params,
    seed: 1,
    exercised: (result) => {
      for (const type of ['entry', 'exit', 'launch', 'copy', 'invest', 'vendor-entry', 'policy-start'])
        expect(eventTypes(result)).toContain(type);
      expect(result.firmPanel.rows).toBeGreaterThan(0);
    },
  },
  {
    label: 'bogra-railway-market, 12 years, with training, credit, export, protection and association, and outsiders',
    params: () => {
      const { params } = loadScenario('bogra-railway-market', {
        years: 12,
        policies: ['upgrading-package', 'design-protection', 'association'],
        set: ['entry.outsiderEntriesPerTownPerYear=3'],
      });
      for (const policy of params.policies) {
        // Bogra's firms stay below the package's export threshold (0.6) in 12 years: lower it so firms export.
        if (policy.kind === 'exportLinkage') policy.qualityThreshold = 0.4;
        // The policy files cost nothing ("not in the sources"): give them a cost so policySpending is not 0.
        policy.costPerYear = 120_000;
      }
      return params;
    },
    seed: 3,
    exercised: (result) => {
      const kinds = new Set(result.events.flatMap((event) => (event.type === 'policy-start' ? [event.kind] : [])));
      for (const kind of ['trainingCentre', 'credit', 'exportLinkage', 'designProtection', 'association'])
        expect(kinds).toContain(kind);
      for (const metric of ['outsiderEntries', 'trainingGraduates', 'exportSalesUnits', 'policySpending'])
        expect(runTotal(result, metric)).toBeGreaterThan(0);
    },
  },
  {
    label: 'dhaka-bonogram, 15 years (jute-mill collapse, association)',
    params: () => loadScenario('dhaka-bonogram', { years: 15 }).params,
    seed: 2,
    exercised: (result) => expect(eventTypes(result)).toContain('copy'),
  },
  {
    label: 'bangladesh-le-sector at 1/20 scale, 5 years (13 towns, firms over several blocks)',
    params: () => scaledParams(loadScenario('bangladesh-le-sector', { years: 5 }).params, 0.05),
    seed: 1,
    exercised: (result) => {
      // Per-town firm totals are added over at least three blocks of firm ids.
      expect(result.firmsEverCreated).toBeGreaterThan(2 * BLOCK_SIZE);
      expect(result.workersEverCreated).toBeGreaterThan(10 * BLOCK_SIZE);
    },
  },
];

describe('the reference implementation writes the same bytes as the engine', () => {
  it.each(CASES)('$label: reference = runOne at 1 and 2 threads', async ({ params: makeParams, seed, exercised }) => {
    const params = makeParams();
    const reference = runReference(params, seed);
    expect(reference.threads).toBe(1);
    exercised(reference);
    const referenceFiles = outputFiles(reference);
    for (const threads of [1, 2]) {
      const engine = await runOne({ params, seed, threads });
      expect({ threads, ...differences(outputFiles(engine), referenceFiles) }).toEqual({
        threads,
        ...NO_DIFFERENCES,
      });
    }
  });
});

describe('the comparison can fail', () => {
  const params = CASES[1].params();
  const seed = CASES[1].seed;

  it('a reference run with another seed, or a parameter changed, is reported with its first differing line', async () => {
    const engineFiles = outputFiles(await runOne({ params, seed, threads: 1 }));
    const otherSeed = differences(engineFiles, outputFiles(runReference(params, seed + 1)));
    const changed = structuredClone(params);
    changed.labour.quitProbabilityPerMonth *= 1.01;
    const otherParameter = differences(engineFiles, outputFiles(runReference(changed, seed)));
    for (const found of [otherSeed, otherParameter]) {
      const timeseries = found['timeseries.csv'] as { line: number; expected: string; actual: string };
      // The header agrees; a data line differs, and both lines are shown.
      expect(timeseries.line).toBeGreaterThan(1);
      expect(timeseries.expected).not.toBe(timeseries.actual);
      expect(found['events.jsonl']).not.toBeNull();
    }
  });
});
