/** report.html and charts/: self-contained, offline, one container per chart, escaped, byte-deterministic. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFiles, writeReport } from '../../analysis/report/index.js';
import { inlinedLibraries, scriptSafe } from '../../analysis/report/libraries.js';
import { escapeHtml, jsonForScript } from '../../analysis/report/escape.js';
import { tinyReport } from './fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'clustersim-report-'));

/** Attribute values of src= and href= anywhere in the page, quoted or not. */
function linkAttributes(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)].map((match) => match[1]);
}

/** The page without its inlined library scripts: the markup the report itself writes. */
function markupOutsideLibraries(html: string): string {
  return html.replace(/<script data-library="[^"]*">[\s\S]*?<\/script>/g, '<script data-library></script>');
}

describe('report.html', async () => {
  const input = tinyReport();
  const html = (await reportFiles(input))['report.html'];

  it('references nothing on the network: no http(s) in src or href, no <link>, no external script', () => {
    const links = linkAttributes(html);
    expect(links.length).toBeGreaterThan(0); // the per-chart file links are seen
    for (const link of links) expect(link).not.toMatch(/^["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(markupOutsideLibraries(html)).not.toMatch(/url\(\s*["']?https?:/i);
  });

  it('holds one container per chart, with the chart name as id, and the specs in a JSON block', () => {
    const containers = [...html.matchAll(/<div class="chart-view" id="chart-([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(containers).toEqual(['firms-over-time', 'effect-interval']);
    const block = html.match(/<script type="application\/json" id="chart-specs">([\s\S]*?)<\/script>/)![1];
    const specs = JSON.parse(block) as { name: string; spec: unknown }[];
    expect(specs.map((chart) => chart.name)).toEqual(containers);
    expect(specs[0].spec).toEqual(input.charts[0].spec);
  });

  it('inlines vega, vega-lite and vega-embed, in load order, each with its full source', () => {
    const libraries = inlinedLibraries();
    expect(libraries.map((library) => library.name)).toEqual(['vega', 'vega-lite', 'vega-embed']);
    let position = 0;
    for (const library of libraries) {
      const start = html.indexOf(`<script data-library="${library.name}">${library.scriptText}</script>`);
      expect(start).toBeGreaterThan(position);
      position = start;
      expect(library.scriptText.length).toBeGreaterThan(50_000);
    }
    expect(html.indexOf('vegaEmbed(container')).toBeGreaterThan(position);
  });

  it('keeps every text as text: titles, notes and provenance are HTML-escaped, spec data cannot end its script', () => {
    expect(html).toContain('<title>clustersim run: test &lt;scenario&gt; &amp; &quot;quotes&quot;</title>');
    expect(html).toContain('<li>A note with &lt;b&gt;markup&lt;/b&gt; that must stay text</li>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // The only </script that closes anything are the page's own five script elements.
    expect(html.match(/<\/script/gi)).toHaveLength(5);
    expect(html).not.toContain('alert(1)</script>');
  });

  it('shows the summary table and the provenance in a collapsed section', () => {
    expect(html).toContain('<tr><th scope="row">Seed</th><td>7</td></tr>');
    expect(html).toMatch(/<details class="provenance">\s*<summary>/);
    expect(html).not.toMatch(/<details[^>]*\bopen\b/);
    expect(html).toContain('&quot;tool&quot;: &quot;clustersim&quot;');
  });

  it('is byte-identical for the same input', async () => {
    expect((await reportFiles(tinyReport()))['report.html']).toBe(html);
  });
});

describe('writeReport', () => {
  it('writes report.html and each chart as .vl.json and .svg, identically twice', async () => {
    const first = join(tmp, 'first');
    const second = join(tmp, 'second');
    const written = await writeReport(first, tinyReport());
    await writeReport(second, tinyReport());
    const names = written.map((path) => path.slice(first.length + 1));
    expect(names).toEqual([
      'report.html',
      'charts/firms-over-time.vl.json',
      'charts/firms-over-time.svg',
      'charts/effect-interval.vl.json',
      'charts/effect-interval.svg',
    ]);
    for (const name of names) expect(readFileSync(join(second, name))).toEqual(readFileSync(join(first, name)));
    expect(JSON.parse(readFileSync(join(first, 'charts/firms-over-time.vl.json'), 'utf8'))).toEqual(
      tinyReport().charts[0].spec,
    );
    const svg = readFileSync(join(first, 'charts/effect-interval.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Difference (firms)');
  });

  it('removes chart files an earlier report left that this one does not have, and nothing else', async () => {
    const dir = join(tmp, 'stale');
    mkdirSync(join(dir, 'charts'), { recursive: true });
    writeFileSync(join(dir, 'charts', 'old-chart.svg'), '<svg/>');
    writeFileSync(join(dir, 'charts', 'old-chart.vl.json'), '{}');
    writeFileSync(join(dir, 'charts', 'notes.txt'), 'mine');
    await writeReport(dir, tinyReport());
    expect(existsSync(join(dir, 'charts', 'old-chart.svg'))).toBe(false);
    expect(existsSync(join(dir, 'charts', 'old-chart.vl.json'))).toBe(false);
    expect(existsSync(join(dir, 'charts', 'notes.txt'))).toBe(true);
    expect(existsSync(join(dir, 'charts', 'firms-over-time.svg'))).toBe(true);
  });

  it('refuses chart names that are not kebab-case or not unique', async () => {
    const input = tinyReport();
    await expect(
      writeReport(join(tmp, 'bad'), { ...input, charts: [input.charts[0], input.charts[0]] }),
    ).rejects.toThrow(/two charts are named "firms-over-time"/);
    await expect(
      writeReport(join(tmp, 'bad'), { ...input, charts: [{ ...input.charts[0], name: '../escape' }] }),
    ).rejects.toThrow(/not kebab-case/);
    expect(existsSync(join(tmp, 'bad'))).toBe(false);
  });
});

describe('escaping helpers', () => {
  it('scriptSafe breaks every </script and <!-- whatever the case', () => {
    expect(scriptSafe('a="</script>";b="</SCRIPT >";c="<!--"')).toBe('a="<\\/script>";b="<\\/SCRIPT >";c="<\\!--"');
  });

  it('jsonForScript leaves no < and reads back unchanged', () => {
    const value = { text: '</script><!-- \u2028 &' };
    const json = jsonForScript(value);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('escapeHtml escapes markup and both quotes', () => {
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
  });
});
