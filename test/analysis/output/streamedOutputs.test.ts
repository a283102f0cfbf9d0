/**
 * A run that streams its events and firm panel to disk as it goes (RunJob.sink, the
 * CLI's `run`) writes the same bytes, computes the same metrics and gives the summary
 * and charts the same digest as a run that keeps them in memory.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/load.js';
import { runOne, type RunResult } from '../../../sim/runOne.js';
import { eventsJsonl } from '../../../analysis/output/eventsJsonl.js';
import { firmsPanelCsv } from '../../../analysis/output/firmsPanelCsv.js';
import { buildSummary } from '../../../analysis/output/summary.js';
import { digestOf, type DigestedRun } from '../../../analysis/output/digest.js';
import { writeFilesAtomically } from '../../../analysis/output/atomicWrite.js';
import { EVENTS_FILE, FIRMS_FILE, streamRunOutputs } from '../../../analysis/output/streamedOutputs.js';
import { canonicalJson } from '../../../analysis/output/format.js';
import { runCharts } from '../../../analysis/charts/index.js';

describe('streamed run outputs (bogra-railway-market, 12 years: shocks, exits, copies)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clustersim-stream-'));
  let kept: RunResult;
  let streamed: DigestedRun;
  beforeAll(async () => {
    const { params } = loadScenario('bogra-railway-market', { years: 12 });
    kept = await runOne({ params, seed: 5, threads: 1 });
    const outputs = streamRunOutputs(dir, params);
    const result = await runOne({ params, seed: 5, threads: 2, sink: outputs.sink });
    const staged = outputs.finish();
    streamed = { ...result, digest: staged.digest };
    writeFilesAtomically(dir, { [EVENTS_FILE]: staged.events, [FIRMS_FILE]: staged.firms });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes events.jsonl and firms.csv byte for byte as the kept run does, and keeps neither', () => {
    expect(kept.events.length).toBeGreaterThan(100);
    expect(kept.events.some((event) => event.type === 'exit')).toBe(true);
    expect(kept.firmPanel.rows).toBeGreaterThan(100);
    expect(readFileSync(join(dir, EVENTS_FILE), 'utf8')).toBe(eventsJsonl(kept));
    expect(readFileSync(join(dir, FIRMS_FILE), 'utf8')).toBe(firmsPanelCsv(kept));
    expect(streamed.streamed).toBe(true);
    expect(streamed.events).toHaveLength(0);
    expect(streamed.firmPanel.rows).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([EVENTS_FILE, FIRMS_FILE]);
  });

  it('computes the same metrics (exits counted as downgraded though December no longer sees them)', () => {
    expect(Buffer.from(streamed.metrics.buffer).equals(Buffer.from(kept.metrics.buffer))).toBe(true);
    const downgraded = kept.metricNames.indexOf('downgradedFirms');
    const allTowns = kept.townNames.length;
    let downgradedOverRun = 0;
    for (let tick = 11; tick < kept.ticks; tick += 12)
      downgradedOverRun += kept.metrics[(tick * (allTowns + 1) + allTowns) * kept.metricNames.length + downgraded];
    const exits = kept.events.filter((event) => event.type === 'exit').length;
    expect(downgradedOverRun).toBeGreaterThanOrEqual(exits);
  });

  it('gives the summary and the charts the digest the kept run yields', () => {
    expect(streamed.digest).toEqual(digestOf(kept));
    expect(canonicalJson(buildSummary(streamed, 'x'), 2)).toBe(canonicalJson(buildSummary(kept, 'x'), 2));
    expect(JSON.stringify(runCharts(streamed))).toBe(JSON.stringify(runCharts(kept)));
  });

  it('refuses to digest a streamed run without the digest gathered while it ran', () => {
    const { digest: _digest, ...bare } = streamed;
    expect(() => digestOf(bare)).toThrow(/streamed its events/);
  });
});

describe('discarding a streamed run', () => {
  it('deletes the staged files and leaves what was there before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustersim-stream-'));
    try {
      writeFilesAtomically(dir, { [EVENTS_FILE]: 'earlier run\n' });
      const { params } = loadScenario('punjab-farm-equipment', { years: 1 });
      const outputs = streamRunOutputs(dir, params);
      outputs.sink.events([{ type: 'vendor-entry', tick: 0, vendor: 1, town: 0, process: 0 }]);
      outputs.discard();
      expect(readdirSync(dir)).toEqual([EVENTS_FILE]);
      expect(readFileSync(join(dir, EVENTS_FILE), 'utf8')).toBe('earlier run\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
