/** Worker state, one column per variable, indexed by worker id. */
export const WORKER_STATUS = { apprentice: 0, journeyman: 1, owner: 2 } as const;

export const WORKER_SPEC = {
  /** 1 while in the labour force, 0 after retirement (slot kept). */
  alive: 'u8',
  town: 'i32',
  /** Firm id, or -1 when unemployed. */
  employer: 'i32',
  /** Trade skill in [0, 1]. */
  skill: 'f64',
  /** Months with the current employer. */
  tenureMonths: 'i32',
  /** Months since joining the labour force. */
  careerMonths: 'i32',
  /** WORKER_STATUS value. */
  status: 'u8',
  /** Firm the worker served the apprenticeship in (-1 when unknown). */
  trainedAt: 'i32',
  /** Capability of the employer the worker last left: the know-how a mover carries (III c). */
  carriedCapability: 'f64',
  /** Kin group (bradri), fixed at entry to the labour force. */
  kinGroup: 'i32',
  /** Town-product slot and id of a fresh design of the employer the worker last left (-1 none): III c. */
  carriedSlot: 'i32',
  carriedDesign: 'i32',
} as const;
export type WorkerSpec = typeof WORKER_SPEC;
