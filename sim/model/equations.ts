/**
 * The model's equations as pure functions of numbers. Kernels call these; the
 * plain reference implementation (bench/reference, a later issue) will call the
 * same functions, so the two can only differ in bookkeeping, never in a rule.
 * Each rule cites the seed passage it comes from (see docs/ODD.md).
 */
import type { CapabilityParams, LabourParams, MarketParams, SpilloverParams, TownParams } from '../params.js';

/**
 * Town demand in units per month: a growth path times the agricultural calendar.
 * Demand-pull from agricultural modernisation drives the cluster
 * (Punjab seed §4.1, "a favourable market environment in the form of demand-pull").
 */
export function townDemandUnits(town: TownParams, market: MarketParams, tick: number): number {
  const years = tick / 12;
  return town.demand.unitsPerMonth * Math.pow(1 + town.demand.growthPerYear, years) * market.seasonality[tick % 12];
}

/**
 * Monthly production capacity: workers' skill-weighted output scaled by the firm's
 * technological capability (capability accumulates in production, Punjab seed §4).
 */
export function capacityUnits(labour: LabourParams, headcount: number, skillSum: number, capability: number): number {
  const effectiveWorkers = labour.skillProductivityFloor * headcount + (1 - labour.skillProductivityFloor) * skillSum;
  return labour.unitsPerWorkerMonth * effectiveWorkers * (1 + labour.capabilityProductivityGain * capability);
}

/**
 * Capacity in a month when power is available on only a share of production days
 * (Bangladesh seed: "shortage of power supply", "deficiency of power supply").
 */
export function poweredCapacity(capacity: number, powerAvailability: number): number {
  return capacity * powerAvailability;
}

export function wageBillPerMonth(labour: LabourParams, headcount: number, apprentices: number): number {
  return apprentices * labour.wageApprenticePerMonth + (headcount - apprentices) * labour.wageJourneymanPerMonth;
}

/** Full cost of a unit at full capacity (0 for a firm that cannot produce: it offers nothing). */
export function unitCostAtCapacity(market: MarketParams, wageBill: number, capacity: number): number {
  if (capacity <= 0) return 0;
  return market.materialCostPerUnit + (wageBill + market.overheadPerFirmMonth) / capacity;
}

/**
 * Material cost of a unit this month: the scenario's base cost times the raw-material
 * price index (Bangladesh seed: "high prices of hard coke and pig iron", "high prices
 * of raw materials", "price hike of raw materials").
 */
export function materialCostPerUnitAt(market: MarketParams, materialCostIndex: number): number {
  return market.materialCostPerUnit * materialCostIndex;
}

/**
 * Price: the mark-up on the unit cost at the base material price, plus the share
 * `passThrough` of this month's change in material cost per unit (`materialCostShock`,
 * 0 without a shock). Buyers' demand in a town does not respond to prices, so full
 * pass-through would leave margins intact; cheap imports and customers who will not
 * pay more keep it partial (Bangladesh seed, Tipu Sultan Road: "low priced products
 * enter very easily into the market from China and India"). A firm that cannot
 * produce offers nothing (price 0).
 */
export function priceWithPassThrough(
  referenceUnitCost: number,
  markupRate: number,
  materialCostShock: number,
  passThrough: number,
): number {
  if (referenceUnitCost <= 0) return 0;
  return referenceUnitCost * (1 + markupRate) + passThrough * materialCostShock;
}

/**
 * Mark-up over unit cost. Many undifferentiated rivals squeeze margins towards cost
 * (Punjab seed §3.3, negative effect: "may squeeze margins, leaving fewer resources
 * for technological effort"); capability above the town mean earns a quality premium.
 */
export function markup(
  market: MarketParams,
  townFirms: number,
  capability: number,
  townMeanCapability: number,
): number {
  const rivals = Math.max(0, townFirms - 1);
  const squeezed = market.markupMax / (1 + rivals / market.markupHalvingRivals);
  const premium = Math.max(0.1, 1 + market.qualityPremium * (capability - townMeanCapability));
  return squeezed * premium;
}

/**
 * A firm's pull on its town's demand: capacity (delivery), quality and price
 * (MODEL.md, market: "demand split by price/quality/delivery").
 */
export function attractiveness(market: MarketParams, capacity: number, capability: number, price: number): number {
  if (capacity <= 0 || price <= 0) return 0;
  const quality = 0.2 + capability;
  return (
    capacity *
    Math.pow(quality, market.qualityElasticity) *
    Math.pow(price / market.materialCostPerUnit, -market.priceElasticity)
  );
}

/**
 * Price of imported goods: an index times a reference, the price of a local firm
 * without rivals at the base material cost and no labour cost,
 * `materialCostPerUnit * (1 + markupMax)`. "Severe competition with foreign products
 * (especially Chinese and Indian products)" (Bangladesh seed, Tipu Sultan Road).
 */
export function importPrice(market: MarketParams, priceIndex: number): number {
  return priceIndex * market.materialCostPerUnit * (1 + market.markupMax);
}

/** Units imports could supply in a town this month: a share of its demand. */
export function importCapacityUnits(capacityShare: number, demandUnits: number): number {
  return capacityShare * demandUnits;
}

/**
 * A seller's sales in its town's market: its share of demand by pull (`a / sum a`),
 * capped by what it can deliver. Firms and imports alike; the shares of all sellers
 * add up to the demand, so sales never exceed it.
 */
export function salesFromShare(demandUnits: number, pull: number, townPull: number, capacity: number): number {
  const share = townPull > 0 ? (demandUnits * pull) / townPull : 0;
  return Math.min(capacity, share);
}

/**
 * Capability growth in a month: from technological effort (spending, with
 * diminishing returns) and from learning by doing in production (Punjab seed §4.3,
 * mechanisms IIIa,b; §4 "a range of technological efforts").
 */
export function capabilityGain(
  params: CapabilityParams,
  capability: number,
  effort: number,
  utilisation: number,
  meanSkill: number,
): number {
  const headroom = 1 - capability;
  const fromEffort = params.effortLearningPerMonth * (effort / (effort + params.effortHalfSaturation));
  const fromProduction = params.productionLearningPerMonth * utilisation * meanSkill;
  return (fromEffort + fromProduction) * headroom;
}

/** Skill growth in a month: learning by doing, faster the busier the workshop (III b). */
export function skillGain(labour: LabourParams, skill: number, utilisation: number): number {
  return labour.learningByDoingPerMonth * utilisation * (1 - skill);
}

/**
 * Monthly probability that a qualified journeyman leaves to found a workshop.
 * Successful ex-trainees feed others' aspirations (Punjab seed §4.3: "Young
 * apprentices see many local examples of ex-trainees who have made it in business").
 */
export function spinOffProbability(
  baseProbability: number,
  demonstrationWeight: number,
  successfulSpinOffShare: number,
): number {
  return baseProbability * (1 + demonstrationWeight * successfulSpinOffShare);
}

/** A founder's starting capability: part inherited from the parent firm, part their own skill. */
export function spinOffCapability(inheritedShare: number, parentCapability: number, founderSkill: number): number {
  return inheritedShare * parentCapability + (1 - inheritedShare) * 0.5 * founderSkill;
}

/**
 * Interest due this month on a firm's debt. "High interest rate for loan" and "lack of
 * working capital" are among the problems the Bangladesh clusters name (Bangladesh
 * seed, Railway Market Bogra).
 */
export function monthlyInterest(interestRatePerYear: number, debt: number): number {
  return (debt * interestRatePerYear) / 12;
}

/**
 * Debt a firm can carry without being in distress: a working-capital line scaled by its
 * wage bill, limited by a credit scheme's fund shared among the town's firms. The
 * default 0 means no formal credit, as in the clusters of both seeds (collateral-free
 * credit is a policy the Bangladesh seed recommends).
 */
export function creditLine(creditLimitMonths: number, wageBill: number, fundPerFirm: number): number {
  return Math.min(creditLimitMonths * wageBill, fundPerFirm);
}

/**
 * Knowledge a hired worker brings from their previous employer: a share of the gap to
 * that employer's capability, when it exceeds the hiring firm's. "Skills diffusion has
 * also occurred through inter-firm movement of trained labour" (Punjab seed §4.3, III c).
 */
export function moverCapabilityGain(share: number, hiringCapability: number, carriedCapability: number): number {
  return carriedCapability > hiringCapability ? share * (carriedCapability - hiringCapability) : 0;
}

/**
 * How much a town's firms count in another town's knowledge pool: 1 in the same town,
 * halving with every `halfDecayHours` of travel. Co-location is what spreads knowledge
 * (Punjab seed §4.3, "knowledge about new designs spreads rapidly in the industry due to
 * co-location"); a facility "a several hours' drive away in Lahore" was as good as none (§4.1).
 */
export function proximityWeight(spillovers: SpilloverParams, travelHours: number): number {
  return Math.pow(0.5, travelHours / spillovers.halfDecayHours);
}

/**
 * Capability gained in a month from what a firm can observe around it: a share of the
 * gap to its town's knowledge pool when the pool is ahead (spontaneous spillovers, III).
 */
export function spilloverGain(spillovers: SpilloverParams, capability: number, knowledgePool: number): number {
  return knowledgePool > capability ? spillovers.spilloverLearningPerMonth * (knowledgePool - capability) : 0;
}
