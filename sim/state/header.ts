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
  /** Vendor slots handed out (main thread only). */
  vendorCount: 4,
  /** Entries of `world.activeSlots` in use: town-product slots holding a design (published each month). */
  activeSlotCount: 5,
  /** Designs launched so far (design ids are 0 .. designCount-1, in launch order). */
  designCount: 6,
} as const;
export const HEADER_LENGTH = 7;
