/**
 * A chart as SVG text, rendered in Node: Vega-Lite compiles the spec to Vega, Vega
 * runs it headless (renderer 'none': no canvas, text measured by estimate) and writes
 * SVG. Nothing in the path reads a clock or a random source, so the same spec gives
 * the same bytes; the view is finalized so its timers and listeners do not outlive it.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
