/**
 * Firm (workshop) state, one column per variable, indexed by firm id. Ids are
 * slots handed out in entry order and never reused, so lineage (`parent`) and
 * events stay valid for the whole run.
 */
export const FIRM_SPEC = {
  /** 1 while trading, 0 after exit (the slot is kept for lineage). */
  alive: 'u8',
  town: 'i32',
  /** Firm the founder last worked in (-1 for the founding generation). */
  parent: 'i32',
  /** Worker id of the owner-founder (-1 for the founding generation's anonymous owners). */
  owner: 'i32',
  birthTick: 'i32',
  /** Technological capability in [0, 1]: what the workshop knows how to make and how well. */
  capability: 'f64',
  /** Cash in hand, never negative: a shortfall is borrowed (see `debt`). */
  cash: 'f64',
  /** Money owed; accrues interest; repaid from cash first. */
  debt: 'f64',
  /** Interest paid this month. */
  interest: 'f64',
  /** Consecutive months in distress: debt above the credit line. */
  lossMonths: 'i32',
  // Gathered from the workforce each tick (gatherWorkforce):
  headcount: 'i32',
  apprentices: 'i32',
  skillSum: 'f64',
  // Set by the pricing kernel:
  capacityUnits: 'f64',
  unitCost: 'f64',
  price: 'f64',
  attractiveness: 'f64',
  // Set by the market kernel:
  demandShareUnits: 'f64',
  salesUnits: 'f64',
  revenue: 'f64',
  profit: 'f64',
  effort: 'f64',
  /** Sales over capacity last month, in [0, 1]: drives learning by doing. */
  utilisation: 'f64',
  /** 1 when demand fell well below capacity: workers are laid off. */
  shrinking: 'u8',
} as const;
export type FirmSpec = typeof FIRM_SPEC;
