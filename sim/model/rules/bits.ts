/** Small helpers for the product and process bitmasks (at most 31 products, 16 processes). */

/** Index of the lowest set bit of a non-zero mask. */
export function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

export function bitCount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) count++;
  return count;
}

/** The products a firm can make: every process each needs is owned or obtainable in its town. */
export function feasibleProducts(productMask: number, processMasks: Int32Array, available: number): number {
  let feasible = 0;
  for (let bits = productMask; bits !== 0; bits &= bits - 1) {
    const product = lowestBit(bits);
    if ((processMasks[product] & ~available) === 0) feasible |= 1 << product;
  }
  return feasible;
}
