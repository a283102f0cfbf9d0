/**
 * Struct-of-arrays agent stores on growable SharedArrayBuffers.
 *
 * Each column is its own growable SharedArrayBuffer, so worker threads see the
 * same memory and capacity can double in place (SharedArrayBuffer.grow) without
 * copying and without messages. Views are fixed-length typed arrays rebuilt after
 * a grow: in Node 20, length-tracking views over growable buffers run ~19x slower
 * than fixed-length ones (measured, see docs/ARCHITECTURE.md), so we never use them.
 */

export type ColumnKind = 'f64' | 'i32' | 'u8';
export type ColumnSpec = Readonly<Record<string, ColumnKind>>;

type ArrayFor<K extends ColumnKind> = K extends 'f64' ? Float64Array : K extends 'i32' ? Int32Array : Uint8Array;

export type Columns<S extends ColumnSpec> = { [K in keyof S]: ArrayFor<S[K]> };

const BYTES_PER: Record<ColumnKind, number> = { f64: 8, i32: 4, u8: 1 };

export interface AgentStore<S extends ColumnSpec> {
  readonly spec: S;
  readonly buffers: { [K in keyof S]: SharedArrayBuffer };
  /** Typed-array views of length `capacity`; rebuilt by `growStore` / `reattachStore`. */
  cols: Columns<S>;
  /** Slots available without growing. */
  capacity: number;
  /** Slots reserved (virtual memory only) - the hard ceiling of this store. */
  readonly maxCapacity: number;
}

function viewOf(kind: ColumnKind, buffer: SharedArrayBuffer, length: number): Float64Array | Int32Array | Uint8Array {
  if (kind === 'f64') return new Float64Array(buffer, 0, length);
  if (kind === 'i32') return new Int32Array(buffer, 0, length);
  return new Uint8Array(buffer, 0, length);
}

function buildViews<S extends ColumnSpec>(
  spec: S,
  buffers: { [K in keyof S]: SharedArrayBuffer },
  capacity: number,
): Columns<S> {
  const cols = {} as Record<string, Float64Array | Int32Array | Uint8Array>;
  for (const name of Object.keys(spec)) cols[name] = viewOf(spec[name], buffers[name], capacity);
  return cols as Columns<S>;
}

export function createStore<S extends ColumnSpec>(
  spec: S,
  initialCapacity: number,
  maxCapacity: number,
): AgentStore<S> {
  const capacity = Math.max(1, Math.min(initialCapacity, maxCapacity));
  const buffers = {} as Record<string, SharedArrayBuffer>;
  for (const name of Object.keys(spec)) {
    const bytes = BYTES_PER[spec[name]];
    buffers[name] = new SharedArrayBuffer(capacity * bytes, { maxByteLength: maxCapacity * bytes });
  }
  const typedBuffers = buffers as { [K in keyof S]: SharedArrayBuffer };
  return { spec, buffers: typedBuffers, cols: buildViews(spec, typedBuffers, capacity), capacity, maxCapacity };
}

/**
 * Make room for at least `neededSlots`, doubling so that a stream of entries costs
 * O(log n) grows in total. Returns true when the capacity changed (views rebuilt).
 */
export function growStore<S extends ColumnSpec>(store: AgentStore<S>, neededSlots: number): boolean {
  if (neededSlots <= store.capacity) return false;
  if (neededSlots > store.maxCapacity) {
    throw new RangeError(`agent store full: ${neededSlots} slots needed, ${store.maxCapacity} reserved`);
  }
  let capacity = store.capacity;
  while (capacity < neededSlots) capacity *= 2;
  capacity = Math.min(capacity, store.maxCapacity);
  for (const name of Object.keys(store.spec)) {
    store.buffers[name].grow(capacity * BYTES_PER[store.spec[name]]);
  }
  store.capacity = capacity;
  store.cols = buildViews(store.spec, store.buffers, capacity);
  return true;
}

/**
 * Rebuild views after another thread grew the buffers (worker threads call this).
 * All columns of a store grow together, so the first column's length is the capacity.
 */
export function reattachStore<S extends ColumnSpec>(store: AgentStore<S>): void {
  const firstColumn = Object.keys(store.spec)[0];
  const capacity = store.buffers[firstColumn].byteLength / BYTES_PER[store.spec[firstColumn]];
  if (capacity === store.capacity) return;
  store.capacity = capacity;
  store.cols = buildViews(store.spec, store.buffers, capacity);
}

/** A store view over buffers created in another thread. */
export function attachStore<S extends ColumnSpec>(
  spec: S,
  buffers: { [K in keyof S]: SharedArrayBuffer },
  capacity: number,
  maxCapacity: number,
): AgentStore<S> {
  return { spec, buffers, cols: buildViews(spec, buffers, capacity), capacity, maxCapacity };
}
