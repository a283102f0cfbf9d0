/**
 * The engine's headline guarantee: the same scenario and seed give byte-identical
 * outputs for any --threads value; different seeds give different outputs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { loadScenario } from '../../scenarios/load.js';
import { runOne } from '../../sim/runOne.js';

const outRoot = mkdtempSync(join(tmpdir(), 'clustersim-determinism-'));

function runDefault(
  seed: number,
  threads: number,
): { timeseries: Buffer; summary: Buffer; events: Buffer; firms: Buffer } {
  const out = join(outRoot, `seed${seed}-threads${threads}`);
  const run = runCli([
    'run',
    'punjab-farm-equipment',
    '--seed',
    String(seed),
    '--threads',
    String(threads),
    '--quiet',
    '--out',
    out,
  ]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return {
    timeseries: readFileSync(join(out, 'timeseries.csv')),
    summary: readFileSync(join(out, 'summary.json')),
    events: readFileSync(join(out, 'events.jsonl')),
    firms: readFileSync(join(out, 'firms.csv')),
  };
}

describe('determinism across thread counts (default scenario, full horizon)', () => {
  const reference = runDefault(42, 1);

  it.each([2, 3, 4])(
    '--threads %i writes the same timeseries.csv, summary.json, events.jsonl and firms.csv bytes as --threads 1',
    (threads) => {
      const threaded = runDefault(42, threads);
      expect(threaded.timeseries.equals(reference.timeseries)).toBe(true);
      expect(threaded.summary.equals(reference.summary)).toBe(true);
      expect(reference.events.length).toBeGreaterThan(0);
      expect(threaded.events.equals(reference.events)).toBe(true);
      expect(threaded.firms.equals(reference.firms)).toBe(true);
    },
  );

  it('a different seed gives a different timeseries.csv', () => {
    const other = runDefault(43, 1);
    expect(other.timeseries.equals(reference.timeseries)).toBe(false);
  });

  it('the run is not trivially constant: agents enter, exit and grow during the horizon', () => {
    const summary = JSON.parse(reference.summary.toString()) as {
      overRun: { all: { entries: number; exits: number } };
      firmsEverCreated: number;
    };
    expect(summary.overRun.all.entries).toBeGreaterThan(50);
    expect(summary.overRun.all.exits).toBeGreaterThan(0);
  });
});

describe('determinism in-process (source build, stores growing during the run)', () => {
  it('runOne gives identical metric columns and events at 1 and 3 threads', async () => {
    const { params } = loadScenario('punjab-farm-equipment');
    const serial = await runOne({ params, seed: 7, threads: 1 });
    const threaded = await runOne({ params, seed: 7, threads: 3 });
    // The world must outgrow its initial capacity for this test to cover the grow path.
    expect(serial.workersEverCreated).toBeGreaterThan(4096);
    expect(Buffer.from(threaded.metrics.buffer).equals(Buffer.from(serial.metrics.buffer))).toBe(true);
    expect(threaded.events).toEqual(serial.events);
  });
});
