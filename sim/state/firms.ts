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
  // Products and processes (docs/ODD.md §7.12-7.13):
  /** Bit p set when the firm makes product p (the design it makes it with is in `firmDesigns`). */
  products: 'i32',
  /** Bit k set when the firm owns the machine for process k (in-house capability). */
  inHouse: 'i32',
  /** Bit k set when the firm did process k in-house last month (machine owned and cheaper than buying). */
  usesInHouse: 'i32',
  /** Bought and in-house process cost per product unit this month. */
  processCostPerUnit: 'f64',
  /** Book value of machines owned (depreciating). */
  machineValue: 'f64',
  /** Machine spending this month (make-or-buy investments). */
  investment: 'f64',
  // Designs: innovation and imitation (§7.14-7.15):
  /** Design work accumulated towards the next launch, money. */
  designProgress: 'f64',
  /** Product the design work aims at (-1 none); an incremental step when the firm already makes it. */
  designTarget: 'i32',
  /** Design work paid this month (part of `effort`). */
  designSpend: 'f64',
  /** Town-product slot of the firm's own design that is still uncopied in its town (-1 none). */
  freshSlot: 'i32',
  /** Innovation rent earned on that design so far, money. */
  designRent: 'f64',
  /** Town-product slot of the design being copied (-1 none), its design id and the month the copy is ready. */
  copySlot: 'i32',
  copyDesign: 'i32',
  copyReadyTick: 'i32',
  /** Designs launched / copied over the firm's life. */
  launches: 'i32',
  copies: 'i32',
  // Owner, kin, markets:
  /** Kin group (bradri) of the owner. */
  kinGroup: 'i32',
  /** Consecutive months the owner earned less than a journeyman's wage. */
  lowIncomeMonths: 'i32',
  /** Units sold to foreign buyers this month (export linkage policy). */
  exportSalesUnits: 'f64',
  /** Bit s set when the firm sells to customer sector s. */
  sectors: 'i32',
  // Upgrading bookkeeping for the current calendar year (§7.18):
  /** UPGRADE bits set during this year. */
  upgradeFlags: 'i32',
  netWorthAtYearStart: 'f64',
  capabilityAtYearStart: 'f64',
} as const;

/** Bits of `upgradeFlags`: the five upgrading types of the Bangladesh seed plus a dropped product. */
export const UPGRADE = {
  product: 1,
  process: 2,
  functional: 4,
  interSectoral: 8,
  marketingLinkages: 16,
  /** Dropped a product it could no longer make (a downgrading sign). */
  droppedProduct: 32,
  /** First export sale or exhibiting at a fair: new buyers. */
  newBuyers: 64,
} as const;
export type FirmSpec = typeof FIRM_SPEC;
