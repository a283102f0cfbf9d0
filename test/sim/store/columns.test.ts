import { describe, expect, it } from 'vitest';
import { attachStore, createStore, growStore, reattachStore } from '../../../sim/store/columns.js';

const SPEC = { value: 'f64', count: 'i32', flag: 'u8' } as const;

describe('agent stores on growable SharedArrayBuffers', () => {
  it('growing doubles capacity in place and keeps every value', () => {
    const store = createStore(SPEC, 4, 1024);
    for (let i = 0; i < 4; i++) {
      store.cols.value[i] = i + 0.5;
      store.cols.count[i] = -i;
      store.cols.flag[i] = 1;
    }
    const bufferBefore = store.buffers.value;
    expect(growStore(store, 5)).toBe(true);
    expect(store.capacity).toBe(8);
    expect(store.buffers.value).toBe(bufferBefore); // same memory, no copy
    expect(Array.from(store.cols.value.subarray(0, 4))).toEqual([0.5, 1.5, 2.5, 3.5]);
    expect(Array.from(store.cols.count.subarray(0, 4))).toEqual([0, -1, -2, -3]);
    expect(growStore(store, 8)).toBe(false);
  });

  it('a stream of entries costs only logarithmically many grows', () => {
    const store = createStore(SPEC, 1, 1 << 20);
    let grows = 0;
    for (let needed = 1; needed <= 100_000; needed++) if (growStore(store, needed)) grows += 1;
    expect(grows).toBe(17);
  });

  it('refuses to grow beyond the reserved maximum', () => {
    const store = createStore(SPEC, 4, 16);
    expect(() => growStore(store, 17)).toThrow(RangeError);
  });

  it('another view over the same buffers sees writes and picks up growth when reattached', () => {
    const store = createStore(SPEC, 4, 64);
    const other = attachStore(SPEC, store.buffers, store.capacity, store.maxCapacity);
    growStore(store, 10);
    store.cols.value[9] = 42;
    expect(other.cols.value.length).toBe(4);
    reattachStore(other);
    expect(other.capacity).toBe(16);
    expect(other.cols.value[9]).toBe(42);
  });
});
