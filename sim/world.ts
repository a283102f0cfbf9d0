/**
 * The world: every store the kernels read and write, all on SharedArrayBuffers so
 * that worker threads can attach to the same memory (`describeWorld` /
 * `attachWorld`). Main-thread-only bookkeeping (metric columns, events, lists used
 * when applying commands) lives in `Host` and never crosses to a worker.
 */
import type { ModelParams } from './params.js';
import { type AgentStore, attachStore, createStore, growStore, reattachStore } from './store/columns.js';
import { blockCount } from './store/blocks.js';
import { type CommandBuffer, createCommandBuffer, growCommandBuffer } from './store/commandBuffer.js';
import { FIRM_SPEC, type FirmSpec } from './state/firms.js';
import { WORKER_SPEC, type WorkerSpec } from './state/workers.js';
import { TOWN_SPEC, type TownSpec } from './state/towns.js';
import { HEADER, HEADER_LENGTH } from './state/header.js';
import { partialStride } from './model/partials.js';
import { deriveStreamKeys } from './rng/streams.js';

/** Reserved (virtual) slots: the most agents one run can ever create. */
export const MAX_FIRM_SLOTS = 1 << 22;
export const MAX_WORKER_SLOTS = 1 << 25;

const PARTIAL_SPEC = { value: 'f64' } as const;

export const COMMAND_BUFFERS = ['retire', 'quit', 'spinOff', 'exit', 'hire'] as const;
export type CommandBufferName = (typeof COMMAND_BUFFERS)[number];
/** Which agent kind issues each command (its buffer is sized and blocked by that kind). */
const COMMAND_ISSUER: Record<CommandBufferName, 'firms' | 'workers'> = {
  retire: 'workers',
  quit: 'workers',
  spinOff: 'workers',
  exit: 'firms',
  hire: 'firms',
};

export interface World {
  readonly params: ModelParams;
  readonly streamKeys: Int32Array;
  readonly header: Int32Array;
  readonly firms: AgentStore<FirmSpec>;
  readonly workers: AgentStore<WorkerSpec>;
  readonly towns: AgentStore<TownSpec>;
  readonly partials: AgentStore<typeof PARTIAL_SPEC>;
  readonly commands: Record<CommandBufferName, CommandBuffer>;
  /** The capacity epoch these views were built for (per thread). */
  viewEpoch: number;
}

export type AgentKind = 'firms' | 'workers';

/** What a worker thread needs to attach to the same world (SABs are shared, not copied). */
export interface WorldDescriptor {
  params: ModelParams;
  streamKeys: Int32Array;
  header: Int32Array;
  firms: SharedBuffers;
  workers: SharedBuffers;
  towns: SharedBuffers;
  partials: SharedBuffers;
  commands: Record<CommandBufferName, { slots: SharedBuffers; counts: SharedBuffers }>;
}
interface SharedBuffers {
  buffers: Record<string, SharedArrayBuffer>;
  capacity: number;
  maxCapacity: number;
}

function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

export function createWorld(params: ModelParams, seed: number): World {
  const initialFirms = params.towns.reduce((sum, town) => sum + town.initialFirms, 0);
  const initialWorkers = params.towns.reduce(
    (sum, town) => sum + town.initialFirms * Math.max(1, town.workersPerFirm.max),
    0,
  );
  const firmCapacity = Math.max(1024, Math.ceil(initialFirms * 1.5));
  const workerCapacity = Math.max(4096, Math.ceil(initialWorkers * 1.5));
  const townCount = params.towns.length;
  const derivedKeys = deriveStreamKeys(seed);
  const streamKeys = sharedInt32(derivedKeys.length);
  streamKeys.set(derivedKeys);
  const header = sharedInt32(HEADER_LENGTH);
  const commands = {} as Record<CommandBufferName, CommandBuffer>;
  for (const name of COMMAND_BUFFERS) {
    commands[name] =
      COMMAND_ISSUER[name] === 'firms'
        ? createCommandBuffer(firmCapacity, MAX_FIRM_SLOTS)
        : createCommandBuffer(workerCapacity, MAX_WORKER_SLOTS);
  }
  const towns = createStore(TOWN_SPEC, townCount, townCount);
  // No shock until the exogenous phase publishes this month's values.
  towns.cols.materialCostIndex.fill(1);
  towns.cols.powerAvailability.fill(1);
  return {
    params,
    streamKeys,
    header,
    firms: createStore(FIRM_SPEC, firmCapacity, MAX_FIRM_SLOTS),
    workers: createStore(WORKER_SPEC, workerCapacity, MAX_WORKER_SLOTS),
    towns,
    partials: createStore(
      PARTIAL_SPEC,
      blockCount(firmCapacity) * partialStride(townCount),
      blockCount(MAX_FIRM_SLOTS) * partialStride(townCount),
    ),
    commands,
    viewEpoch: 0,
  };
}

/** Make room for `firmSlots` firms and `workerSlots` workers (main thread, between phases). */
export function ensureCapacity(world: World, firmSlots: number, workerSlots: number): void {
  const grewFirms = growStore(world.firms, firmSlots);
  const grewWorkers = growStore(world.workers, workerSlots);
  if (!grewFirms && !grewWorkers) return;
  const { header } = world;
  for (const name of COMMAND_BUFFERS) {
    const issuerCapacity = COMMAND_ISSUER[name] === 'firms' ? world.firms.capacity : world.workers.capacity;
    growCommandBuffer(world.commands[name], issuerCapacity);
  }
  growStore(world.partials, blockCount(world.firms.capacity) * partialStride(world.params.towns.length));
  header[HEADER.capacityEpoch] += 1;
  world.viewEpoch = header[HEADER.capacityEpoch];
}

function shared(store: { buffers: object; capacity: number; maxCapacity: number }): SharedBuffers {
  return {
    buffers: store.buffers as Record<string, SharedArrayBuffer>,
    capacity: store.capacity,
    maxCapacity: store.maxCapacity,
  };
}

export function describeWorld(world: World): WorldDescriptor {
  const commands = {} as WorldDescriptor['commands'];
  for (const name of COMMAND_BUFFERS) {
    commands[name] = {
      slots: shared(world.commands[name].slots),
      counts: shared(world.commands[name].counts),
    };
  }
  return {
    params: world.params,
    streamKeys: world.streamKeys,
    header: world.header,
    firms: shared(world.firms),
    workers: shared(world.workers),
    towns: shared(world.towns),
    partials: shared(world.partials),
    commands,
  };
}

/** Build a thread-local world over another thread's shared buffers. */
export function attachWorld(descriptor: WorldDescriptor): World {
  const attach = <S extends Record<string, 'f64' | 'i32' | 'u8'>>(spec: S, part: SharedBuffers): AgentStore<S> =>
    attachStore(spec, part.buffers as { [K in keyof S]: SharedArrayBuffer }, part.capacity, part.maxCapacity);
  const commands = {} as Record<CommandBufferName, CommandBuffer>;
  for (const name of COMMAND_BUFFERS) {
    const part = descriptor.commands[name];
    commands[name] = {
      slots: attach({ agent: 'i32', arg: 'i32' } as const, part.slots),
      counts: attach({ count: 'i32' } as const, part.counts),
    };
  }
  const world: World = {
    params: descriptor.params,
    streamKeys: descriptor.streamKeys,
    header: descriptor.header,
    firms: attach(FIRM_SPEC, descriptor.firms),
    workers: attach(WORKER_SPEC, descriptor.workers),
    towns: attach(TOWN_SPEC, descriptor.towns),
    partials: attach(PARTIAL_SPEC, descriptor.partials),
    commands,
    viewEpoch: -1,
  };
  refreshViews(world);
  return world;
}

/** In a worker thread: rebuild views if the main thread grew any store since last time. */
export function refreshViews(world: World): void {
  const epoch = Atomics.load(world.header, HEADER.capacityEpoch);
  if (epoch === world.viewEpoch) return;
  reattachStore(world.firms);
  reattachStore(world.workers);
  for (const name of COMMAND_BUFFERS) {
    reattachStore(world.commands[name].slots);
    reattachStore(world.commands[name].counts);
  }
  reattachStore(world.partials);
  world.viewEpoch = epoch;
}

export function agentCount(world: World, kind: AgentKind): number {
  return world.header[kind === 'firms' ? HEADER.firmCount : HEADER.workerCount];
}
