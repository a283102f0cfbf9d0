/** `clustersim run` on good input: files written, provenance complete, progress shown as documented. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, REPO_ROOT } from '../helpers/cli.js';
import { main } from '../../bin/cli.js';
import type { CliIo } from '../../bin/io.js';

const tmp = mkdtempSync(join(tmpdir(), 'clustersim-run-'));

function captureIo(isTty: boolean): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, isTty, cwd: tmp, stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
}

describe('clustersim run', () => {
  const outDir = join(tmp, 'short');
  const run = runCli([
    'run',
    'scenarios/punjab-farm-equipment.yaml',
    '--years',
    '3',
    '--seed',
    '5',
    '--out',
    outDir,
    '--set',
    'towns.Daska.initialFirms=20',
  ]);

  it('succeeds, prints where the outputs are, writes exactly the data files, the report and charts/, and ends with the report', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`outputs in ${outDir}/`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`report: ${outDir}/report.html`);
    expect(readdirSync(outDir).sort()).toEqual([
      'charts',
      'events.jsonl',
      'firms.csv',
      'report.html',
      'run.json',
      'summary.json',
      'timeseries.csv',
    ]);
    const charts = readdirSync(join(outDir, 'charts'));
    expect(charts.length).toBeGreaterThan(0);
    // Every chart as a spec and as an SVG, and nothing else.
    const stems = charts.filter((name) => name.endsWith('.svg')).map((name) => name.slice(0, -'.svg'.length));
    expect(charts.sort()).toEqual(stems.flatMap((stem) => [`${stem}.svg`, `${stem}.vl.json`]).sort());
    expect(JSON.parse(readFileSync(join(outDir, 'run.json'), 'utf8')).outputs).toEqual([
      'timeseries.csv',
      'summary.json',
      'events.jsonl',
      'firms.csv',
      'run.json',
      'report.html',
      'charts/',
    ]);
  });

  it('writes one row per month per town plus an all-towns row', () => {
    const lines = readFileSync(join(outDir, 'timeseries.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0].startsWith('tick,year,month,town,firms,')).toBe(true);
    expect(lines).toHaveLength(1 + 36 * 9);
    expect(lines[1].split(',').slice(0, 4)).toEqual(['0', '1960', '1', 'Daska']);
    expect(lines[9].split(',').slice(0, 4)).toEqual(['0', '1960', '1', 'all']);
    expect(lines.at(-1)!.split(',').slice(0, 4)).toEqual(['35', '1962', '12', 'all']);
  });

  it('records provenance in run.json', () => {
    const provenance = JSON.parse(readFileSync(join(outDir, 'run.json'), 'utf8'));
    expect(provenance.seed).toBe(5);
    expect(provenance.threads).toBe(1);
    expect(provenance.node).toBe(process.version);
    expect(provenance.scenario.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(provenance.scenario.parametersSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(provenance.scenario.overrides).toEqual(['--set towns.Daska.initialFirms=20', '--years 3']);
    expect(provenance.parameters.towns[0].initialFirms).toBe(20);
    expect(provenance.parameters.years).toBe(3);
    expect(provenance.code.package).toBe('0.1.0');
    expect(provenance.wallSeconds).toBeGreaterThan(0);
    expect(typeof provenance.startedAt).toBe('string');
  });

  it('summarises the run with balanced money accounts', () => {
    const summary = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8'));
    expect(summary.final.all.firms).toBeGreaterThan(0);
    expect(summary.capability.all.p10).toBeLessThanOrEqual(summary.capability.all.p90);
    expect(Math.abs(summary.accounts.imbalance)).toBeLessThan(1e-6 * summary.accounts.equityInjected);
  });

  it('shows plain progress lines when stderr is not a terminal', () => {
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^progress: 10% \(year 19\d\d of 1960-1962\)$/);
    expect(lines.at(-1)).toBe('progress: 100% (year 1962 of 1960-1962)');
  });

  it('is silent on stderr with --quiet', () => {
    const quiet = runCli(['run', 'punjab-farm-equipment', '--years', '1', '--quiet', '--out', join(tmp, 'quiet')]);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('draws a redrawn progress bar on a terminal', async () => {
    const io = captureIo(true);
    const scenario = join(REPO_ROOT, 'scenarios/punjab-farm-equipment.yaml');
    const code = await main(['run', scenario, '--years', '1', '--out', 'tty'], io);
    expect(code).toBe(0);
    const bar = io.err.join('');
    expect(bar).toMatch(/\r\[#+\.*\] +\d+% year 1960 of 1960-1960/);
    expect(bar).toContain('100%');
    expect(existsSync(join(tmp, 'tty', 'timeseries.csv'))).toBe(true);
  });

  it('defaults to out/<scenario-name>/ under the working directory', async () => {
    const io = captureIo(false);
    const scenario = join(REPO_ROOT, 'scenarios/punjab-farm-equipment.yaml');
    expect(await main(['run', scenario, '--years', '1', '--quiet'], io)).toBe(0);
    expect(existsSync(join(tmp, 'out', 'punjab-farm-equipment', 'summary.json'))).toBe(true);
  });
});

describe('help', () => {
  it('clustersim --help lists the commands and examples', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('run <scenario>');
    expect(help.stdout).toContain('Examples:');
  });

  it('clustersim run --help documents every flag and the outputs', () => {
    const help = runCli(['run', '--help']);
    expect(help.status).toBe(0);
    for (const flag of ['--seed', '--threads', '--years', '--out', '--set', '--quiet', '--debug']) {
      expect(help.stdout).toContain(flag);
    }
    for (const file of ['timeseries.csv', 'summary.json', 'events.jsonl', 'firms.csv', 'run.json'])
      expect(help.stdout).toContain(file);
  });

  it('clustersim --version prints the package version', () => {
    expect(runCli(['--version']).stdout.trim()).toBe('0.1.0');
  });
});

describe('default output folder blocked by a file', () => {
  it('names the default folder, not a --out flag the user did not give', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const cwd = join(tmp, 'blocked');
    mkdirSync(join(cwd, 'out'), { recursive: true });
    writeFileSync(join(cwd, 'out', 'punjab-farm-equipment'), 'not a folder');
    const result = runCli(['run', join(REPO_ROOT, 'scenarios/punjab-farm-equipment.yaml'), '--years', '1'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^clustersim: error: output folder .*out\/punjab-farm-equipment \(the default; choose another with --out\): expected a directory/,
    );
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
