/**
 * Innovation, imitation and appropriability as pure functions (docs/ODD.md §7.14,
 * §7.15). [P] = Punjab seed (Caniëls & Romijn) §4.3: "Local copies usually appear one
 * year after the public launch of the 'original'. This appears to be one reason why
 * only incremental modifications are made to the designs."
 */
import type { ImitationParams, InnovationParams } from '../../params.js';

/**
 * Rent a design is expected to earn: the novelty mark-up on the units it sells for as
 * long as it stays uncopied - the expected imitation lag, capped by the design's life.
 * Effort is "weighed against the expected lag" ([P] §4.3: rents "just enough ... to
 * make experimentation worthwhile").
 */
export function expectedDesignRent(
  rentPerMonth: number,
  expectedLagMonths: number,
  innovation: InnovationParams,
): number {
  return rentPerMonth * Math.min(expectedLagMonths, innovation.noveltyLifeMonths);
}

/**
 * Design work a launch needs: a new product (reverse engineering a frontier prototype)
 * or an incremental improvement; association members share part of it in joint projects
 * at the trust built so far (II a, only "where cooperation exists").
 */
export function designCost(
  innovation: InnovationParams,
  isNewProduct: boolean,
  isMember: boolean,
  jointProjectCostShare: number,
  associationTrust: number,
): number {
  const cost = isNewProduct ? innovation.productDesignCost : innovation.incrementalDesignCost;
  return isMember ? cost * (1 - jointProjectCostShare * associationTrust) : cost;
}

/**
 * Share of this month's design budget that is actually used: "reverse engineering and
 * improvement efforts are conducted behind closed doors in the slack season, when
 * seasonal hired labour is absent" ([P] §4.3). Slack = calendar multiplier below 1.
 */
export function experimentShare(innovation: InnovationParams, seasonalMultiplier: number): number {
  return seasonalMultiplier < 1 ? 1 : innovation.peakSeasonExperimentShare;
}

/** Imitation lag firms of a town expect after seeing one more first local copy (smoothed). */
export function updatedLagBelief(previous: number, observedLagMonths: number, innovation: InnovationParams): number {
  return previous + innovation.lagBeliefWeight * (observedLagMonths - previous);
}

/** What lets a firm see a design (III c): each term is a channel. */
export interface ObservationChannels {
  sameTown: boolean;
  /** Proximity weight of the design's town (1 in the same town, halving with travel time). */
  proximity: number;
  sharedVendor: boolean;
  bothAtFair: boolean;
}

/**
 * Monthly probability that a firm sees a design: co-location ("knowledge about new
 * designs spreads rapidly in the industry due to co-location"), users' feedback decaying
 * with distance, shared vendors (vendors handle the parent's prototype, [P] §4.2) and the
 * annual fair ("the annual Horse and Cattle Show in Lahore", [P] §4.3). Movers are a
 * separate channel, applied when a hire is made.
 */
export function observationProbability(imitation: ImitationParams, channels: ObservationChannels): number {
  let hazard = imitation.userFeedbackObservationPerMonth * channels.proximity;
  if (channels.sameTown) hazard += imitation.sameTownObservationPerMonth;
  if (channels.sharedVendor) hazard += imitation.sharedVendorObservationPerMonth;
  if (channels.bothAtFair) hazard += imitation.fairObservationProbability;
  return Math.min(1, hazard);
}

/** A firm can copy a product when its capability is within the margin of the product's complexity. */
export function canCopyProduct(imitation: ImitationParams, capability: number, complexity: number): boolean {
  return capability >= complexity - imitation.copyCapabilityMargin;
}

/**
 * Month a copy goes on sale: seeing a design is not yet making it (patterns, jigs and
 * trials take `copyBuildMonths`), and design protection forbids selling a copy before
 * the protected period ends.
 */
export function copyReadyTick(imitation: ImitationParams, tick: number, protectedUntilTick: number): number {
  return Math.max(tick + imitation.copyBuildMonths, protectedUntilTick);
}

/** Capability a copier gains: part of the gap to the originator's capability at launch. */
export function copyCapabilityGain(
  imitation: ImitationParams,
  capability: number,
  originatorCapability: number,
): number {
  return originatorCapability > capability ? imitation.copyLearningShare * (originatorCapability - capability) : 0;
}
