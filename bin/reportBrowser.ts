/**
 * Opening a report.html in headless Chromium (Debian's chromium, driven by
 * playwright-core) the way a reader would, offline: every request that is not file:
 * or data: is blocked and recorded, console and page errors are collected, and the
 * page is inspected once every chart has settled. Shared by the browser test and
 * `npm run screenshot`. Development only: playwright-core is a dev dependency.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Install Debian's chromium when missing (we run as root in CI); throws with the reason when that fails. */
export function ensureChromium(log: (line: string) => void = () => {}): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  log(`${CHROMIUM} is missing: installing Debian's chromium (apt-get install -y chromium)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => spawnSync('apt-get', args, { env, encoding: 'utf8', stdio: 'pipe' });
  let install = apt(['install', '-y', '-qq', 'chromium']);
  if (install.status !== 0) {
    // A fresh container has no package lists yet.
    apt(['update', '-qq']);
    install = apt(['install', '-y', '-qq', 'chromium']);
  }
  if (install.status !== 0 || !existsSync(CHROMIUM)) {
    const reason =
      install.error?.message ?? (install.stderr || install.stdout).trim().split('\n').slice(-3).join(' / ');
    throw new Error(
      `the browser test needs Debian's chromium at ${CHROMIUM} and could not install it ` +
        `(apt-get install -y chromium, as root): ${reason}`,
    );
  }
  return CHROMIUM;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
}

export interface ReportInspection {
  /** Chart names in the page's spec list, in order. */
  chartNames: string[];
  /** Number of chart containers (.chart-view) on the page. */
  containers: number;
  /** Per chart: data marks drawn in its container (paths, lines, text of vega's role-mark groups). */
  marks: Record<string, number>;
  /** Per chart: horizontal rule marks of some length, as a forest plot draws its confidence intervals. */
  horizontalRules: Record<string, number>;
  /** Charts whose vega-embed call failed (the page's data-chart-errors). */
  chartErrors: number;
  /** URLs the page asked for that are not file: or data: (all blocked). */
  networkRequests: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

const OFFLINE_URL = /^(file|data):/;
const DATA_MARKS = 'svg g.role-mark:not(.mark-group) > :is(path, line, text, rect, circle)';
/** vega draws a rule as a <line> from its translate() origin to (x2, y2): horizontal is y2 = 0, x2 != 0. */
const HORIZONTAL_RULES = 'svg g.mark-rule.role-mark > line[y2="0"]:not([x2="0"])';

export async function inspectReport(
  browser: Browser,
  htmlPath: string,
  options: { screenshot?: string; width?: number } = {},
): Promise<ReportInspection> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  const networkRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (OFFLINE_URL.test(url)) return route.continue();
    if (!networkRequests.includes(url)) networkRequests.push(url);
    return route.abort('blockedbyclient');
  });
  try {
    const page = await context.newPage();
    page.on('request', (request) => {
      const url = request.url();
      if (!OFFLINE_URL.test(url) && !networkRequests.includes(url)) networkRequests.push(url);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-charts="rendered"]', { state: 'attached', timeout: 30_000 });
    const specs = JSON.parse((await page.locator('#chart-specs').textContent()) ?? '[]') as { name: string }[];
    const chartNames = specs.map((chart) => chart.name);
    const marks: Record<string, number> = {};
    const horizontalRules: Record<string, number> = {};
    for (const name of chartNames) {
      const container = page.locator(`#chart-${name}`);
      marks[name] = await container.locator(DATA_MARKS).count();
      horizontalRules[name] = await container.locator(HORIZONTAL_RULES).count();
    }
    const chartErrors = Number(await page.locator('html').getAttribute('data-chart-errors'));
    if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
    return {
      chartNames,
      containers: await page.locator('.chart-view').count(),
      marks,
      horizontalRules,
      chartErrors,
      networkRequests,
      consoleErrors,
      pageErrors,
    };
  } finally {
    await context.close();
  }
}
