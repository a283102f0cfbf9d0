/** Scalars shared by all threads: an Int32Array on a SharedArrayBuffer. */
export const HEADER = {
  tick: 0,
  firmCount: 1,
  workerCount: 2,
  /**
   * Incremented whenever a store grows, so worker threads know to rebuild views (each
   * store's capacity is read from its buffers' current byte length).
   */
  capacityEpoch: 3,
} as const;
export const HEADER_LENGTH = 4;
