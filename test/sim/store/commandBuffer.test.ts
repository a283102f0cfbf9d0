import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../../sim/store/blocks.js';
import { clearBlock, createCommandBuffer, forEachCommand, pushCommand } from '../../../sim/store/commandBuffer.js';

describe('command buffers', () => {
  it('yield commands in agent-id order whatever order the blocks were filled in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 4 * BLOCK_SIZE - 1 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
        (agents, _unused) => {
          const buffer = createCommandBuffer(4 * BLOCK_SIZE, 16 * BLOCK_SIZE);
          for (let block = 0; block < 4; block++) clearBlock(buffer, block);
          // Fill blocks in reverse order, as a thread schedule might.
          const sorted = [...agents].sort((a, b) => a - b);
          for (let block = 3; block >= 0; block--) {
            for (const agent of sorted)
              if (Math.floor(agent / BLOCK_SIZE) === block) pushCommand(buffer, block, agent, agent * 2);
          }
          const seen: number[] = [];
          forEachCommand(buffer, 4, (agent, arg) => {
            expect(arg).toBe(agent * 2);
            seen.push(agent);
          });
          expect(seen).toEqual(sorted);
        },
      ),
    );
  });

  it('clearing a block forgets its previous commands', () => {
    const buffer = createCommandBuffer(BLOCK_SIZE, BLOCK_SIZE);
    clearBlock(buffer, 0);
    pushCommand(buffer, 0, 5, 0);
    clearBlock(buffer, 0);
    let count = 0;
    forEachCommand(buffer, 1, () => (count += 1));
    expect(count).toBe(0);
  });
});
