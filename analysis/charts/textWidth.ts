/**
 * Text widths for rendering in Node. With no canvas, Vega guesses every character at
 * 0.8 em, so "policy=training-centre" is truncated early and titles widen the SVG far
 * past the chart. Here each character gets its advance width in Helvetica (Adobe's AFM
 * metrics, 1/1000 em; Arial has the same widths), bold about 7% wider: close to what a
 * browser measures, and - a plain table - the same on every machine.
 */

/** Helvetica advance widths for ASCII 32 (space) to 126 (~), 1/1000 em. */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
/** Characters the charts use beyond ASCII. */
const OTHER_WIDTHS: Record<string, number> = {
  '–': 556,
  '−': 584,
  '≥': 549,
  '×': 584,
  μ: 556,
  σ: 570,
  '’': 222,
  '…': 1000,
};
const DEFAULT_WIDTH = 556;
const BOLD_FACTOR = 1.07;

export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32] : (OTHER_WIDTHS[char] ?? DEFAULT_WIDTH);
  }
  return (units / 1000) * fontSize * (bold ? BOLD_FACTOR : 1);
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

const isBold = (weight: TextItem['fontWeight']) =>
  weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600);

/** Vega's text-metrics hook: width of `text` as drawn by `item` (font size default 11, as Vega's). */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const value = text == null ? '' : String(text).trim();
  return textWidth(value, item.fontSize != null ? Number(item.fontSize) || 0 : 11, isBold(item.fontWeight));
}
