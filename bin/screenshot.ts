/**
 * `npm run screenshot`: run the punjab-farm-equipment scenario as `npm start` does (the
 * built CLI, into a temporary folder), open its report.html in headless Chromium and
 * save a full-page screenshot as docs/img/report-punjab.png, after checking what the
 * browser test checks (every chart drawn, no network, no errors). Development only:
 * it needs Debian's chromium (installed when missing) and playwright-core.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../scenarios/paths.js';
import { inspectReport, launchChromium } from './reportBrowser.js';

const SCENARIO = 'punjab-farm-equipment';
const target = join(packageRoot(), 'docs', 'img', 'report-punjab.png');
const cli = join(dirname(fileURLToPath(import.meta.url)), 'clustersim.js');
const work = mkdtempSync(join(tmpdir(), 'clustersim-screenshot-'));
try {
  const run = spawnSync(process.execPath, [cli, 'run', SCENARIO, '--quiet', '--out', work], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`clustersim run ${SCENARIO} failed (exit ${run.status})`);
  mkdirSync(dirname(target), { recursive: true });
  const browser = await launchChromium();
  try {
    const inspection = await inspectReport(browser, join(work, 'report.html'), { screenshot: target });
    const problems = [
      ...inspection.networkRequests.map((url) => `network request ${url}`),
      ...inspection.consoleErrors.map((text) => `console error ${text}`),
      ...inspection.pageErrors.map((text) => `page error ${text}`),
      ...inspection.chartNames
        .filter((name) => !(inspection.marks[name] > 0))
        .map((name) => `chart ${name} drew nothing`),
    ];
    if (problems.length > 0) throw new Error(`the report did not render cleanly:\n  ${problems.join('\n  ')}`);
    process.stdout.write(`${inspection.chartNames.length} charts rendered; screenshot in ${target}\n`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
