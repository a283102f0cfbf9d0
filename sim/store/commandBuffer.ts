/**
 * Command buffers for structural changes (entry, exit, hire, quit). Kernels never
 * change the agent set or another agent's state while blocks are being processed;
 * they append a command to their own block's region instead. Each block owns
 * BLOCK_SIZE slots (at most one command per agent per buffer), so threads never
 * contend, and reading regions in block order yields commands in agent-id order.
 */
import { BLOCK_SIZE, blockCount } from './blocks.js';
import { type AgentStore, createStore, growStore } from './columns.js';

const COMMAND_SPEC = { agent: 'i32', arg: 'i32' } as const;
const COUNT_SPEC = { count: 'i32' } as const;

export interface CommandBuffer {
  readonly slots: AgentStore<typeof COMMAND_SPEC>;
  readonly counts: AgentStore<typeof COUNT_SPEC>;
}

export function createCommandBuffer(agentCapacity: number, maxAgents: number): CommandBuffer {
  const maxSlots = blockCount(maxAgents) * BLOCK_SIZE;
  return {
    slots: createStore(COMMAND_SPEC, blockCount(agentCapacity) * BLOCK_SIZE, maxSlots),
    counts: createStore(COUNT_SPEC, blockCount(agentCapacity), blockCount(maxAgents)),
  };
}

export function growCommandBuffer(buffer: CommandBuffer, agentCapacity: number): void {
  growStore(buffer.slots, blockCount(agentCapacity) * BLOCK_SIZE);
  growStore(buffer.counts, blockCount(agentCapacity));
}

/** Called by a kernel at the start of its block: forget last tick's commands. */
export function clearBlock(buffer: CommandBuffer, block: number): void {
  buffer.counts.cols.count[block] = 0;
}

/** Append a command from inside a kernel running block `block`. */
export function pushCommand(buffer: CommandBuffer, block: number, agent: number, arg: number): void {
  const counts = buffer.counts.cols.count;
  const slot = block * BLOCK_SIZE + counts[block];
  counts[block] += 1;
  buffer.slots.cols.agent[slot] = agent;
  buffer.slots.cols.arg[slot] = arg;
}

/** Visit every command in agent-id order (block order, then append order). */
export function forEachCommand(
  buffer: CommandBuffer,
  blocks: number,
  visit: (agent: number, arg: number) => void,
): void {
  const counts = buffer.counts.cols.count;
  const agents = buffer.slots.cols.agent;
  const args = buffer.slots.cols.arg;
  for (let block = 0; block < blocks; block++) {
    const start = block * BLOCK_SIZE;
    const end = start + counts[block];
    for (let slot = start; slot < end; slot++) visit(agents[slot], args[slot]);
  }
}
