/** Small helpers for the product and process bitmasks (at most 31 products, 16 processes). */

/** Index of the lowest set bit of a non-zero mask. */
export function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

/** Number of set bits of a 32-bit mask (product, process and sector masks). */
export function bitCount(mask: number): number {
  let v = mask >>> 0;
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
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
