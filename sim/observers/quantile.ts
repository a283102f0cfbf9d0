/**
 * Quantiles of a range of a reused `Float64Array` in expected O(n), without
 * allocation once the module's scratch buffers have grown, deterministically.
 *
 * `quantilesInPlace` is the linear-interpolation quantile (type 7 of R and numpy's
 * default), computed with exactly the arithmetic of simple-statistics'
 * `quantileSorted`, so a metric computed here and a summary computed from a sorted
 * copy agree to the last bit.
 *
 * Large ranges go through a histogram first: values are counted in equal-width bins
 * between the range's minimum and maximum (the bin of a value is a monotone function
 * of it, so bins are ordered), the bins holding the wanted ranks are found from the
 * cumulative counts, and only their values are copied out and selected. Three
 * predictable passes replace the branch-heavy partitions of a quickselect over the
 * whole range (about four times faster on 50,000 capabilities). Small ranges, and
 * ranges whose values all fall in a few bins, use `selectInPlace` directly.
 */

/**
 * Rearrange `values[lo, hi)` so that position `k` holds the value it would hold if
 * the range were sorted, everything before it is <= and everything after it is >=
 * that value; returns it. Requires lo <= k < hi and no NaN in the range. Median-of-
 * three pivots; a range that partitions badly too often is sorted instead, so the
 * worst case is O(n log n).
 */
export function selectInPlace(values: Float64Array, lo: number, hi: number, k: number): number {
  let left = lo;
  let right = hi - 1;
  // Partitions allowed before falling back to a sort: about twice the depth of a balanced split.
  let budget = 2 * (32 - Math.clz32(hi - lo)) + 4;
  while (right > left) {
    if (budget-- === 0) {
      values.subarray(left, right + 1).sort();
      return values[k];
    }
    // Median of three at left, mid, right: puts them in order and takes the middle as pivot.
    const mid = left + ((right - left) >> 1);
    if (values[mid] < values[left]) swap(values, mid, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[mid]) swap(values, right, mid);
    const pivot = values[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    // Now [left, j] <= pivot, [i, right] >= pivot, and anything between equals the pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a];
  values[a] = values[b];
  values[b] = t;
}

function minOf(values: Float64Array, lo: number, hi: number): number {
  let min = values[lo];
  for (let i = lo + 1; i < hi; i++) if (values[i] < min) min = values[i];
  return min;
}

/** Quantiles by selection over the whole range (reorders it). */
function quantilesBySelection(
  values: Float64Array,
  lo: number,
  hi: number,
  ps: ArrayLike<number>,
  out: Float64Array,
): void {
  const n = hi - lo;
  // Invariant: everything before `from` is <= everything in [from, hi), and
  // position `selected` holds its order statistic.
  let from = lo;
  let selected = -1;
  for (let q = 0; q < ps.length; q++) {
    const idx = (n - 1) * ps[q];
    const lower = Math.floor(idx);
    const k = lo + lower;
    if (k !== selected) {
      if (k < from) from = lo; // (quantiles given out of order)
      selectInPlace(values, from, hi, k);
      selected = k;
      from = k + 1;
    }
    const below = values[k];
    if (idx % 1 === 0) {
      out[q] = below;
    } else {
      // Everything after the selected position is >= it: its minimum is the next order statistic.
      const above = minOf(values, k + 1, hi);
      out[q] = below + (idx - lower) * (above - below);
    }
  }
}

/** Ranges at least this long go through the histogram. */
export const HISTOGRAM_MIN_LENGTH = 512;
const MAX_BINS = 4096;
/** Ranks wanted per call: two per quantile (the order statistics around (n - 1) p). */
const MAX_RANKS = 16;

const binCounts = new Int32Array(MAX_BINS + 1);
/** Slot of each wanted bin in the gathered values (-1 for the others). */
const binSlot = new Int32Array(MAX_BINS).fill(-1);
const slotBin = new Int32Array(MAX_RANKS);
const slotStart = new Int32Array(MAX_RANKS + 1);
const slotCursor = new Int32Array(MAX_RANKS);
const rankBin = new Int32Array(MAX_RANKS);
const rankValue = new Float64Array(MAX_RANKS);
let gathered = new Float64Array(1024);

/**
 * Quantiles `ps` (each in [0, 1]; ascending is fastest) of `values[lo, hi)` into
 * `out[0..]`. May reorder the range. NaN for each when the range is empty.
 */
export function quantilesInPlace(
  values: Float64Array,
  lo: number,
  hi: number,
  ps: ArrayLike<number>,
  out: Float64Array,
): void {
  const n = hi - lo;
  if (n <= 0) {
    for (let q = 0; q < ps.length; q++) out[q] = NaN;
    return;
  }
  if (n < HISTOGRAM_MIN_LENGTH || ps.length * 2 > MAX_RANKS) {
    quantilesBySelection(values, lo, hi, ps, out);
    return;
  }
  let min = values[lo];
  let max = min;
  for (let i = lo + 1; i < hi; i++) {
    const v = values[i];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const bins = Math.min(MAX_BINS, 1 << (31 - Math.clz32(n >> 3)));
  const scale = bins / (max - min);
  if (!(max > min) || !(scale > 0) || !Number.isFinite(scale)) {
    quantilesBySelection(values, lo, hi, ps, out);
    return;
  }
  // Pass 2: counts per bin. The bin is truncation of a non-negative product, monotone in v;
  // the maximum (and rounding just below it) lands in the last bin.
  const counts = binCounts;
  counts.fill(0, 0, bins + 1);
  const last = bins - 1;
  for (let i = lo; i < hi; i++) {
    const b = ((values[i] - min) * scale) | 0;
    counts[b < last ? b : last] += 1;
  }
  // Cumulative counts: counts[b] becomes the rank of bin b's first value.
  let cumulative = 0;
  for (let b = 0; b <= bins; b++) {
    const c = counts[b];
    counts[b] = cumulative;
    cumulative += c;
  }
  // The ranks wanted, ascending (lower and, when interpolating, lower + 1 per quantile), and their bins.
  let ranks = 0;
  let slots = 0;
  let bin = 0;
  for (let q = 0; q < ps.length; q++) {
    const idx = (n - 1) * ps[q];
    const lower = Math.floor(idx);
    const wanted = idx % 1 === 0 ? 1 : 2;
    for (let r = lower; r < lower + wanted; r++) {
      if (counts[bin] > r) bin = 0; // (quantiles given out of order)
      while (counts[bin + 1] <= r) bin++;
      rankBin[ranks++] = bin;
      if (binSlot[bin] < 0) {
        binSlot[bin] = slots;
        slotBin[slots++] = bin;
      }
    }
  }
  // Pass 3: copy out the values of the wanted bins, each bin to its own segment.
  let total = 0;
  for (let s = 0; s < slots; s++) {
    slotStart[s] = total;
    slotCursor[s] = total;
    const b = slotBin[s];
    total += counts[b + 1] - counts[b];
  }
  slotStart[slots] = total;
  if (gathered.length < total) {
    let capacity = gathered.length;
    while (capacity < total) capacity *= 2;
    gathered = new Float64Array(capacity);
  }
  const out2 = gathered;
  for (let i = lo; i < hi; i++) {
    const v = values[i];
    const b = ((v - min) * scale) | 0;
    const slot = binSlot[b < last ? b : last];
    if (slot >= 0) out2[slotCursor[slot]++] = v;
  }
  // Each wanted rank is an order statistic within its bin's segment.
  let rank = 0;
  for (let q = 0; q < ps.length; q++) {
    const idx = (n - 1) * ps[q];
    const lower = Math.floor(idx);
    const wanted = idx % 1 === 0 ? 1 : 2;
    for (let r = lower; r < lower + wanted; r++) {
      const b = rankBin[rank];
      const s = binSlot[b];
      rankValue[rank] = selectInPlace(out2, slotStart[s], slotStart[s + 1], slotStart[s] + r - counts[b]);
      rank++;
    }
    const below = rankValue[rank - wanted];
    out[q] = wanted === 1 ? below : below + (idx - lower) * (rankValue[rank - 1] - below);
  }
  for (let s = 0; s < slots; s++) binSlot[slotBin[s]] = -1;
}

const one = new Float64Array(1);
const onePs = new Float64Array(1);

/** Quantile `p` in [0, 1] of `values[lo, hi)` (see `quantilesInPlace`). May reorder the range. NaN when it is empty. */
export function quantileInPlace(values: Float64Array, lo: number, hi: number, p: number): number {
  onePs[0] = p;
  quantilesInPlace(values, lo, hi, onePs, one);
  return one[0];
}
