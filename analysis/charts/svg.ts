/**
 * A chart as SVG text, rendered in Node: Vega-Lite compiles the spec to Vega, Vega
 * runs it headless (renderer 'none': no canvas; text measured with Helvetica's widths,
 * textWidth.ts, in place of Vega's 0.8 em per character) and writes SVG. Nothing in the
 * path reads a clock or a random source, so the same spec gives the same bytes; the view
 * is finalized so its timers and listeners do not outlive it.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { vegaTextWidth } from './textWidth.js';

/** vega-scenegraph's text metrics (exported by vega, not in its typings): `width` may be replaced. */
const textMetrics = (vega as unknown as { textMetrics: { width: (item: object, text: unknown) => number } })
  .textMetrics;

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Set at every call, not once: the hook is process-wide and a canvas-backed caller may have reset it.
  textMetrics.width = vegaTextWidth;
  // Vega tags every inline data row it ingests (a Symbol key): work on a copy so the caller's spec stays as given.
  const view = new vega.View(vega.parse(compile(structuredClone(spec)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
