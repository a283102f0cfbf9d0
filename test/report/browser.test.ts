/**
 * The reports of a real `clustersim run` and `clustersim compare`, opened in headless
 * Chromium (Debian's chromium through playwright-core, installed by the setup when
 * missing) from file:// as a reader would: every chart draws marks, nothing is asked
 * of the network, nothing is logged as an error, and the compare report's forest plot
 * draws a confidence interval per arm and metric.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectReport, launchChromium, type ReportInspection } from '../../bin/reportBrowser.js';
import { runCli, type CliRun } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'clustersim-browser-'));
let browser: Browser;

beforeAll(async () => {
  // Installing chromium (first use on a fresh machine) can take minutes; launching takes a second.
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

function chartFiles(dir: string): string[] {
  return readdirSync(join(dir, 'charts'))
    .filter((name) => name.endsWith('.vl.json'))
    .map((name) => name.slice(0, -'.vl.json'.length))
    .sort();
}

/** What every report must show in the browser: all charts drawn, offline, without errors. */
function expectRenderedOffline(inspection: ReportInspection, dir: string): void {
  expect(inspection.networkRequests).toEqual([]);
  expect(inspection.consoleErrors).toEqual([]);
  expect(inspection.pageErrors).toEqual([]);
  expect(inspection.chartErrors).toBe(0);
  expect(inspection.chartNames.length).toBeGreaterThan(0);
  expect(inspection.containers).toBe(inspection.chartNames.length);
  expect([...inspection.chartNames].sort()).toEqual(chartFiles(dir));
  for (const name of inspection.chartNames)
    expect({ name, marks: inspection.marks[name] > 0 }).toEqual({ name, marks: true });
}

function lastLine(run: CliRun): string {
  return run.stdout.trimEnd().split('\n').at(-1)!;
}

describe('the run report in Chromium', () => {
  const dir = join(tmp, 'run');
  let run: CliRun;
  let inspection: ReportInspection;
  const screenshot = join(tmp, 'report-run.png');

  beforeAll(async () => {
    run = runCli(['run', 'punjab-farm-equipment', '--years', '15', '--quiet', '--out', dir]);
    inspection = await inspectReport(browser, join(dir, 'report.html'), { screenshot });
  }, 120_000);

  it('is written by clustersim run, which ends by printing its path', () => {
    expect(run.status).toBe(0);
    expect(lastLine(run)).toBe(`report: ${dir}/report.html`);
  });

  it('draws every chart, asks nothing of the network and logs no error', () => {
    expectRenderedOffline(inspection, dir);
    expect(inspection.chartNames).toContain('capability-by-town');
  });

  it('saves a full-page screenshot', () => {
    const png = readFileSync(screenshot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(screenshot).size).toBeGreaterThan(50_000);
    expect(png.readUInt32BE(20)).toBeGreaterThan(2000); // height in pixels: the whole page, not one screen
  });
});

describe('the compare report in Chromium', () => {
  const dir = join(tmp, 'compare');
  let run: CliRun;
  let inspection: ReportInspection;

  beforeAll(async () => {
    const args = ['compare', 'punjab-farm-equipment', '--years', '12', '--policy', 'training-centre'];
    run = runCli([...args, '--reps', '3', '--workers', '2', '--quiet', '--out', dir]);
    inspection = await inspectReport(browser, join(dir, 'report.html'));
  }, 120_000);

  it('is written by clustersim compare, which ends by printing its path', () => {
    expect(run.status).toBe(0);
    expect(lastLine(run)).toBe(`report: ${dir}/report.html`);
  });

  it('draws every chart, asks nothing of the network and logs no error', () => {
    expectRenderedOffline(inspection, dir);
  });

  it('shows the forest plot with a confidence interval for every arm and metric', () => {
    const comparison = JSON.parse(readFileSync(join(dir, 'comparison.json'), 'utf8')) as {
      comparisons: { interval: { lower: number | null; upper: number | null } }[];
    };
    const intervals = comparison.comparisons.filter(
      ({ interval }) => interval.lower !== null && interval.upper !== null && interval.upper > interval.lower,
    ).length;
    expect(intervals).toBeGreaterThan(0);
    expect(inspection.chartNames[0]).toBe('policy-effects');
    expect(inspection.horizontalRules['policy-effects']).toBe(intervals);
  });
});
