/**
 * Where each factor's label goes on the Morris μ*–σ plane, so that two factors that sit
 * close together do not print their names over each other. Each label tries a fixed list
 * of places around its dot (right above first) and takes the first beside it that
 * touches no label already placed, no other dot, no edge of the plot and not the dashed
 * σ = μ* line; if none is clear, the cheapest (overlap in px², a line away from the dot
 * or across the dashed line a fixed cost), the earlier on a tie. Factors are placed in order of influence (μ* descending), so the
 * important ones keep the natural place. Pixel positions come from the chart's fixed
 * domain and size and Helvetica text widths: plain arithmetic, the same on every machine.
 */
import { CHART_HEIGHT, CHART_WIDTH } from './spec.js';
import { textWidth } from './textWidth.js';
import type { DataRow } from './types.js';

export const LABEL_FONT_SIZE = 11;
/** Half the side of a dot of size 80 (area in px²), rounded up. */
const DOT_RADIUS = 5;

export interface LabelPlace {
  name: string;
  align: 'left' | 'right';
  /** Offset of the label's anchor (its left or right end, its vertical middle) from the dot, pixels. */
  dx: number;
  dy: number;
  /** What the place costs before any overlap: a label a line away from its dot reads less surely as its own. */
  remoteness: number;
}

/** In order of preference: beside the dot first, then one line further up or down. */
export const LABEL_PLACES: LabelPlace[] = [
  { name: 'right-above', align: 'left', dx: 7, dy: -8, remoteness: 0 },
  { name: 'right-below', align: 'left', dx: 7, dy: 9, remoteness: 0 },
  { name: 'left-above', align: 'right', dx: -7, dy: -8, remoteness: 0 },
  { name: 'left-below', align: 'right', dx: -7, dy: 9, remoteness: 0 },
  { name: 'right-higher', align: 'left', dx: 7, dy: -21, remoteness: 30 },
  { name: 'right-lower', align: 'left', dx: 7, dy: 22, remoteness: 30 },
  { name: 'left-higher', align: 'right', dx: -7, dy: -21, remoteness: 30 },
  { name: 'left-lower', align: 'right', dx: -7, dy: 22, remoteness: 30 },
];

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten at or above `value` plus 4% headroom. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const target = value * 1.04;
  const power = 10 ** Math.floor(Math.log10(target));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= target * (1 - 1e-12)) ?? 10;
  return Number((step * power).toPrecision(12));
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** Area of the box outside the plot. */
const outside = (box: Box) =>
  (box.right - box.left) * (box.bottom - box.top) -
  overlap(box, { left: 0, right: CHART_WIDTH, top: 0, bottom: CHART_HEIGHT });

/**
 * What crossing the dashed σ = μ* line costs: less than a real overlap with a label or a
 * remote place (a label over a thin line still reads), more than nothing, so a clear
 * place beside the dot wins.
 */
const LINE_CROSSING_COST = 20;

/** Whether the box meets the diagonal from the plot's bottom-left to its top-right corner. */
function crossesDiagonal(box: Box): boolean {
  const lineY = (x: number) => CHART_HEIGHT - (x * CHART_HEIGHT) / CHART_WIDTH;
  const left = Math.max(box.left, 0);
  const right = Math.min(box.right, CHART_WIDTH);
  if (left > right) return false;
  // The line falls from left to right: over the box's width it spans [lineY(right), lineY(left)].
  return lineY(right) <= box.bottom && lineY(left) >= box.top;
}

function labelBox(x: number, y: number, width: number, place: LabelPlace): Box {
  const anchor = x + place.dx;
  const middle = y + place.dy;
  const half = LABEL_FONT_SIZE / 2 + 1;
  return place.align === 'left'
    ? { left: anchor, right: anchor + width, top: middle - half, bottom: middle + half }
    : { left: anchor - width, right: anchor, top: middle - half, bottom: middle + half };
}

/** The rows with `labelPlace` (a LABEL_PLACES name) added; rows keep their order. */
export function placeMorrisLabels(rows: DataRow[], domainMax: number): DataRow[] {
  const pixel = rows.map((row) => ({
    x: ((row.muStar as number | null) ?? 0) * (CHART_WIDTH / domainMax),
    y: CHART_HEIGHT - ((row.sigma as number | null) ?? 0) * (CHART_HEIGHT / domainMax),
  }));
  const dots: Box[] = pixel.map(({ x, y }) => ({
    left: x - DOT_RADIUS,
    right: x + DOT_RADIUS,
    top: y - DOT_RADIUS,
    bottom: y + DOT_RADIUS,
  }));
  const order = rows
    .map((row, index) => index)
    .sort(
      (a, b) =>
        ((rows[b].muStar as number | null) ?? 0) - ((rows[a].muStar as number | null) ?? 0) ||
        String(rows[a].factor).localeCompare(String(rows[b].factor)),
    );
  const placed: Box[] = [];
  const places: string[] = new Array<string>(rows.length);
  for (const index of order) {
    const width = textWidth(String(rows[index].factor), LABEL_FONT_SIZE);
    let best = { cost: Infinity, place: LABEL_PLACES[0], box: labelBox(0, 0, 0, LABEL_PLACES[0]) };
    for (const place of LABEL_PLACES) {
      const box = labelBox(pixel[index].x, pixel[index].y, width, place);
      const cost =
        place.remoteness +
        outside(box) +
        (crossesDiagonal(box) ? LINE_CROSSING_COST : 0) +
        placed.reduce((sum, other) => sum + overlap(box, other), 0) +
        dots.reduce((sum, dot, other) => sum + (other === index ? 0 : overlap(box, dot)), 0);
      if (cost < best.cost) best = { cost, place, box };
      if (cost === 0) break;
    }
    placed.push(best.box);
    places[index] = best.place.name;
  }
  return rows.map((row, index) => ({ ...row, labelPlace: places[index] }));
}
