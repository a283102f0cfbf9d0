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
import {
  TOWN_PROCESS_SPEC,
  TOWN_PRODUCT_SPEC,
  TOWN_SPEC,
  VENDOR_SPEC,
  type TownProcessSpec,
  type TownProductSpec,
  type TownSpec,
  type VendorSpec,
} from './state/towns.js';
import { HEADER, HEADER_LENGTH } from './state/header.js';
import { partialStride } from './model/partials.js';
import { deriveStreamKeys } from './rng/streams.js';

/** Reserved (virtual) slots: the most agents one run can ever create. */
export const MAX_FIRM_SLOTS = 1 << 22;
export const MAX_WORKER_SLOTS = 1 << 25;

const PARTIAL_SPEC = { value: 'f64' } as const;
/** Design a firm makes each product with, row `firm * products + product` (-1 = does not make it). */
const FIRM_DESIGN_SPEC = { design: 'i32' } as const;
const SLOT_LIST_SPEC = { slot: 'i32' } as const;
/** Firms per town and kin group, row `town * kin.groups + group` (published by spin-off entry). */
const TOWN_KIN_SPEC = { firms: 'f64' } as const;
const MAX_VENDOR_SLOTS = 1 << 22;

export const COMMAND_BUFFERS = ['retire', 'quit', 'spinOff', 'exit', 'hire', 'launch', 'copy', 'invest'] as const;
export type CommandBufferName = (typeof COMMAND_BUFFERS)[number];
/** Which agent kind issues each command (its buffer is sized and blocked by that kind). */
const COMMAND_ISSUER: Record<CommandBufferName, 'firms' | 'workers'> = {
  retire: 'workers',
  quit: 'workers',
  spinOff: 'workers',
  exit: 'firms',
  hire: 'firms',
  launch: 'firms',
  copy: 'firms',
  invest: 'firms',
};

export interface World {
  readonly params: ModelParams;
  readonly streamKeys: Int32Array;
  readonly header: Int32Array;
  readonly firms: AgentStore<FirmSpec>;
  readonly workers: AgentStore<WorkerSpec>;
  readonly towns: AgentStore<TownSpec>;
  readonly partials: AgentStore<typeof PARTIAL_SPEC>;
  readonly townProducts: AgentStore<TownProductSpec>;
  readonly townProcesses: AgentStore<TownProcessSpec>;
  readonly firmDesigns: AgentStore<typeof FIRM_DESIGN_SPEC>;
  /** Town-product slots holding a design, in slot order (`HEADER.activeSlotCount` used). */
  readonly activeSlots: AgentStore<typeof SLOT_LIST_SPEC>;
  readonly townKin: AgentStore<typeof TOWN_KIN_SPEC>;
  /** Vendor agents (main thread only; not shared with worker threads). */
  readonly vendors: AgentStore<VendorSpec>;
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
  townProducts: SharedBuffers;
  townProcesses: SharedBuffers;
  firmDesigns: SharedBuffers;
  activeSlots: SharedBuffers;
  townKin: SharedBuffers;
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
  towns.cols.expectedLagMonths.fill(params.innovation.priorImitationLagMonths);
  const productSlots = townCount * params.products.length;
  const townProducts = createStore(TOWN_PRODUCT_SPEC, productSlots, productSlots);
  townProducts.cols.design.fill(-1);
  townProducts.cols.originator.fill(-1);
  const processSlots = Math.max(1, townCount * params.processes.length);
  const townProcesses = createStore(TOWN_PROCESS_SPEC, processSlots, processSlots);
  townProcesses.cols.localPrice.fill(Infinity);
  townProcesses.cols.accessPrice.fill(Infinity);
  townProcesses.cols.facilityPrice.fill(Infinity);
  const productCount = params.products.length;
  // Rows are set to -1 (no design) by addFirm, firm by firm.
  const firmDesigns = createStore(FIRM_DESIGN_SPEC, firmCapacity * productCount, MAX_FIRM_SLOTS * productCount);
  return {
    params,
    streamKeys,
    header,
    firms: createStore(FIRM_SPEC, firmCapacity, MAX_FIRM_SLOTS),
    workers: createStore(WORKER_SPEC, workerCapacity, MAX_WORKER_SLOTS),
    towns,
    partials: createStore(
      PARTIAL_SPEC,
      blockCount(firmCapacity) * partialStride(params),
      blockCount(MAX_FIRM_SLOTS) * partialStride(params),
    ),
    townProducts,
    townProcesses,
    firmDesigns,
    activeSlots: createStore(SLOT_LIST_SPEC, productSlots, productSlots),
    townKin: createStore(TOWN_KIN_SPEC, townCount * params.kin.groups, townCount * params.kin.groups),
    vendors: createStore(VENDOR_SPEC, 64, MAX_VENDOR_SLOTS),
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
  growStore(world.partials, blockCount(world.firms.capacity) * partialStride(world.params));
  growStore(world.firmDesigns, world.firms.capacity * world.params.products.length);
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
    townProducts: shared(world.townProducts),
    townProcesses: shared(world.townProcesses),
    firmDesigns: shared(world.firmDesigns),
    activeSlots: shared(world.activeSlots),
    townKin: shared(world.townKin),
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
    townProducts: attach(TOWN_PRODUCT_SPEC, descriptor.townProducts),
    townProcesses: attach(TOWN_PROCESS_SPEC, descriptor.townProcesses),
    firmDesigns: attach(FIRM_DESIGN_SPEC, descriptor.firmDesigns),
    activeSlots: attach(SLOT_LIST_SPEC, descriptor.activeSlots),
    townKin: attach(TOWN_KIN_SPEC, descriptor.townKin),
    // Vendors are main-thread state; a worker thread gets an empty store it never reads.
    vendors: createStore(VENDOR_SPEC, 1, 1),
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
  reattachStore(world.firmDesigns);
  world.viewEpoch = epoch;
}

/** Make room for one more vendor (main thread; vendors never cross to a worker thread). */
export function ensureVendorCapacity(world: World, vendorSlots: number): void {
  growStore(world.vendors, vendorSlots);
}

export function agentCount(world: World, kind: AgentKind): number {
  return world.header[kind === 'firms' ? HEADER.firmCount : HEADER.workerCount];
}
