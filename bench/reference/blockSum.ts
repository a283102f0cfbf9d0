/**
 * Summation in the engine's grouping - the one concession the reference makes to the
 * engine's layout, and only for bit-identical results.
 *
 * Why: the engine's firm kernels add each town's totals within a block of BLOCK_SIZE
 * consecutive firm ids (sim/store/blocks.ts, sim/model/partials.ts), and the main
 * thread then adds the blocks' partial sums in block order (sim/model/phases/
 * reduceTowns.ts), so that totals do not depend on which thread ran which block.
 * Floating-point addition is not associative: summing firm by firm,
 * ((a + b) + c) + d, can differ in the last bit from the blocked
 * (0 + (a + b)) + (c + d). Feeding values here in firm-id order reproduces the
 * blocked grouping exactly (blocks without a contribution add an exact 0 in the
 * engine, so skipping them changes nothing).
 */
import { BLOCK_SIZE } from '../../sim/store/blocks.js';

export class BlockedSum {
  private total = 0;
  private partial = 0;
  private block = -1;

  /** Add `value` contributed by agent `id`; call in increasing id order. */
  add(id: number, value: number): void {
    const block = Math.floor(id / BLOCK_SIZE);
    if (block !== this.block) {
      this.total += this.partial;
      this.partial = 0;
      this.block = block;
    }
    this.partial += value;
  }

  /** The sum: earlier blocks' partials in block order, then the last block's. */
  get value(): number {
    return this.total + this.partial;
  }
}
