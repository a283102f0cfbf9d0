/**
 * The report generator (bench/benchmarksDoc.ts, bench/targets.ts): from hand-made
 * result files (fixtures.ts) to docs/BENCHMARKS.md's generated sections - the tables,
 * the target verdicts and the engine / floor ratio - and what it leaves alone.
 */
import { describe, expect, it } from 'vitest';
import { endMarker, GENERATED_SECTIONS, renderBenchmarksDoc, startMarker } from '../../bench/benchmarksDoc.js';
import { evaluateTargets, type TargetRow } from '../../bench/targets.js';
import { compareWithFloor } from '../../bench/floorResults.js';
import { extrapolatedGoalSeconds } from '../../bench/goal.js';
import { allResults, engineResult, floorResult, memoryResult, nationalResult, referenceResult } from './fixtures.js';

const MACHINE_ID = 'test-cpu-2c';

function row(rows: TargetRow[], startsWith: string, index = 0): TargetRow {
  const matching = rows.filter((r) => r.target.startsWith(startsWith));
  expect(matching.length).toBeGreaterThan(index);
  return matching[index];
}

function section(doc: string, name: string): string {
  const start = doc.indexOf(startMarker(name));
  const end = doc.indexOf(endMarker(name));
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return doc.slice(start, end);
}

describe('target verdicts', () => {
  const rows = evaluateTargets(allResults(), MACHINE_ID);

  it('extrapolates the 40-year national run from set-up plus the stepping rate', () => {
    // 1 s set-up + 316.8 M agent-ticks at 15 M agent-ticks/s.
    expect(extrapolatedGoalSeconds(engineResult().results[1])).toBeCloseTo(1 + 316_800_000 / 15_000_000, 6);
    const national = row(rows, 'national Bangladesh sector');
    expect(national.value).toBe('22.1 s');
    expect(national.verdict).toBe('not met');
    expect(national.basis).toMatch(/^extrapolated from 3 years/);
  });

  it('takes an engine run over the whole 40 years as measured, not extrapolated', () => {
    const engine = engineResult();
    const fullHorizon = { ...engine, config: { ...engine.config, years: 40, ticks: 480 } };
    const measured = evaluateTargets(allResults({ engine: [fullHorizon] }), MACHINE_ID);
    // Median wall 1.6 s at 2 threads; end-to-end speed-up 1.9 / 1.6.
    expect(row(measured, 'national Bangladesh sector')).toMatchObject({ value: '1.6 s', verdict: 'met' });
    expect(row(measured, 'national Bangladesh sector').basis).toMatch(/^measured over 40 years/);
    expect(row(measured, '2 threads')).toMatchObject({ value: '1.19x', verdict: 'not met' });
    expect(row(measured, '2 threads').basis).toMatch(
      /^measured over 40 years of `runOne`, end to end \(1\.50x stepping\)/,
    );
  });

  it('judges the ratios against the issue thresholds', () => {
    expect(row(rows, 'engine (1 thread)')).toMatchObject({ value: '12.00x', verdict: 'met' });
    // 40-year estimates: 1 + 316.8 M / 10 M = 32.68 s at 1 thread, 22.12 s at 2: 1.48x.
    expect(row(rows, '2 threads')).toMatchObject({ value: '1.48x', verdict: 'not met' });
    expect(row(rows, '2 threads').basis).toContain('(measured there: 1.19x end to end, 1.50x stepping)');
    expect(row(rows, 'sweep with 2 workers')).toMatchObject({ value: '1.90x', verdict: 'met' });
    expect(row(rows, 'engine within 3x')).toMatchObject({ value: '2.50x', verdict: 'met' });
  });

  it('computes the floor ratio from the 1-thread stepping rate of the same machine', () => {
    const comparison = compareWithFloor(floorResult(40), [engineResult()])!;
    expect(comparison.engineNsPerAgentTick).toBeCloseTo(100, 9);
    expect(comparison.engineOverFloor).toBeCloseTo(2.5, 9);
    expect(
      row(evaluateTargets(allResults({ floor: [floorResult(25)] }), MACHINE_ID), 'engine within 3x'),
    ).toMatchObject({
      value: '4.00x',
      verdict: 'not met',
    });
    expect(compareWithFloor({ ...floorResult(), machineId: 'other-machine' }, [engineResult()])).toBeNull();
    // 2 threads: 9 M agent-ticks in 0.6 s = 66.7 ns against the floor's 25 ns.
    expect(compareWithFloor(floorResult(), [engineResult()], 2)!.engineOverFloor).toBeCloseTo(1e9 / 15e6 / 25, 9);
    expect(compareWithFloor(floorResult(), [engineResult()], 3)).toBeNull();
  });

  it('says a short memory run cannot show the 40-year peak unless it is already over', () => {
    expect(row(rows, 'peak RSS')).toMatchObject({ value: '250 MiB', verdict: 'not shown' });
    const over = evaluateTargets(allResults({ memory: [memoryResult(3, 500)] }), MACHINE_ID);
    expect(row(over, 'peak RSS')).toMatchObject({ value: '500 MiB', verdict: 'not met' });
    const full = evaluateTargets(allResults({ memory: [memoryResult(40, 380)] }), MACHINE_ID);
    expect(row(full, 'peak RSS')).toMatchObject({ value: '380 MiB', verdict: 'met' });
  });

  it('does not judge the reference ratio when the two implementations disagree', () => {
    const disagreeing = evaluateTargets(allResults({ reference: [referenceResult(false)] }), MACHINE_ID);
    expect(row(disagreeing, 'engine (1 thread)').verdict).toBe('not shown');
  });

  it('marks every target "not shown" without results', () => {
    const empty = evaluateTargets(
      { engine: [], reference: [], sweeps: [], memory: [], floor: [], ceiling: [], national: [] },
      MACHINE_ID,
    );
    expect(empty.map((r) => r.verdict)).toEqual(empty.map(() => 'not shown'));
    expect(empty).toHaveLength(6);
  });

  it('adds measured rows from a full-horizon national result', () => {
    const national = nationalResult();
    const withNational = evaluateTargets(allResults({ national: [national] }), MACHINE_ID);
    // 60 s at 1 thread, 40 s at 2: 1.5x; 2-thread peak RSS 380 MiB.
    expect(row(withNational, '2 threads')).toMatchObject({ value: '1.50x', verdict: 'not met' });
    expect(row(withNational, '2 threads').basis).toMatch(/^measured: `clustersim run` end to end/);
    expect(row(withNational, 'national Bangladesh sector')).toMatchObject({ value: '40.0 s', verdict: 'not met' });
    expect(row(withNational, 'peak RSS', 1)).toMatchObject({ value: '380 MiB', verdict: 'met' });
    const shortNational = { ...national, config: { ...national.config, years: 3 } };
    const withShort = evaluateTargets(allResults({ national: [shortNational] }), MACHINE_ID);
    expect(row(withShort, '2 threads').basis).toMatch(/^extrapolated/);
  });
});

describe('docs/BENCHMARKS.md generation', () => {
  const notes = '## My optimisation notes (hand-written)\n\nKeep me exactly as I am: 1.23x.\n';
  const existing = `# Benchmarks\n\nIntro.\n\n${startMarker('engine')}\nstale engine table\n${endMarker('engine')}\n\n${notes}`;
  const doc = renderBenchmarksDoc(existing, allResults());

  it('writes every generated section once, in order, and keeps hand-written text', () => {
    const positions = GENERATED_SECTIONS.map((s) => doc.indexOf(startMarker(s.name)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const s of GENERATED_SECTIONS) expect(doc.split(startMarker(s.name)).length).toBe(2);
    expect(doc).not.toContain('stale engine table');
    expect(doc).toContain(notes);
    expect(doc.indexOf('Intro.')).toBeLessThan(positions[0]);
  });

  it('is stable: rendering its own output again changes nothing', () => {
    expect(renderBenchmarksDoc(doc, allResults())).toBe(doc);
  });

  it('fills the tables from the result files', () => {
    const engine = section(doc, 'engine');
    expect(engine).toContain('| 1 | 5.26 M | 1.00x |'); // 10 M agent-ticks / 1.9 s
    expect(engine).toContain('| 2 | 6.25 M | 1.19x |'); // 10 M / 1.6 s
    expect(engine).toContain('22.1 s');
    const reference = section(doc, 'reference');
    expect(reference).toContain('**Engine single-threaded vs reference: 12.00x**');
    expect(reference).toContain('cut to 1 year (12 monthly ticks)');
    const floor = section(doc, 'floor');
    expect(floor).toContain('**Engine vs floor, 1 thread: 2.50x**');
    expect(floor).toContain('| labour-decisions | `sim/model/kernels/labour.ts` | workers | yes |');
    expect(floor).toContain('| 1 | 40.00 | 40.00 | 40.00 | 1.00x | 100.0 | 2.50x | 0 |');
    expect(floor).toContain('| 2 | 25.00 | 25.00 | 25.00 | 1.60x | 66.7 | 2.67x | 0 |');
    const memory = section(doc, 'memory');
    // 250 MiB over 700,000 agents; (250 - 70) MiB above the baseline.
    expect(memory).toContain(
      `| 2 | streamed out (dropped) | 250 MiB | 100 MiB | 30 MiB | 700,000 | ${Math.round((250 * 2 ** 20) / 700_000)} |`,
    );
    expect(memory).toContain('| 1 | held in the result | 900 MiB |');
    expect(memory).toContain(`| ${Math.round((180 * 2 ** 20) / 700_000)} | ${Math.round((130 * 2 ** 20) / 700_000)} |`);
    const targets = section(doc, 'targets');
    expect(targets).toContain('| engine within 3x of the floor kernel per agent-tick | 2.50x | met |');
    expect(targets).toContain('| 2 threads ≥ 1.7x one thread (national scenario) | 1.48x | **not met** |');
    const context = section(doc, 'context');
    expect(context).toContain('ABMFrameworksComparison');
    expect(context).toContain('not comparable with ours beyond the order of magnitude');
  });

  it('says where a section has no results yet', () => {
    const empty = renderBenchmarksDoc('', {
      engine: [],
      reference: [],
      sweeps: [],
      memory: [],
      floor: [],
      ceiling: [],
      national: [],
    });
    expect(empty.startsWith('# Benchmarks')).toBe(true);
    expect(section(empty, 'reference')).toContain('_No results yet');
    expect(section(empty, 'floor')).toContain('_No results yet');
    expect(section(empty, 'ceiling')).toContain('_No results yet');
  });
});
