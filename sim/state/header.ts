/** Scalars shared by all threads: an Int32Array on a SharedArrayBuffer. */
export const HEADER = {
  tick: 0,
  firmCount: 1,
  workerCount: 2,
  firmCapacity: 3,
  workerCapacity: 4,
  /** Incremented whenever a store grows, so worker threads know to rebuild views. */
  capacityEpoch: 5,
} as const;
export const HEADER_LENGTH = 6;
