/**
 * Labour-market and kin rules as pure functions (docs/ODD.md §7.2, §7.6).
 */
import type { ExitParams, KinParams, LabourParams } from '../../params.js';

/**
 * A firm's wage relative to the town's going rate: more capable workshops pay more
 * (quits and hires "driven by wage gaps and firm growth", MODEL.md III b, c). Floored
 * at half the going rate.
 */
export function wageMultiplier(labour: LabourParams, capability: number, townMeanCapability: number): number {
  return Math.max(0.5, 1 + labour.wageCapabilityPremium * (capability - townMeanCapability));
}

/** Monthly quit probability: higher in firms paying below the going rate. */
export function quitProbability(labour: LabourParams, relativeWage: number): number {
  const gap = Math.max(0, 1 - relativeWage);
  return Math.min(1, labour.quitProbabilityPerMonth * (1 + labour.quitWageGapElasticity * gap));
}

/**
 * Kin group of a worker from a uniform draw: the largest group (the lohar bradri,
 * [P] §4.2) takes `largestGroupShare`, the rest are spread evenly over the others.
 */
export function kinGroupFromDraw(kin: KinParams, uniform: number): number {
  if (kin.groups <= 1 || uniform < kin.largestGroupShare) return 0;
  const rest = (uniform - kin.largestGroupShare) / (1 - kin.largestGroupShare);
  return 1 + Math.min(kin.groups - 2, Math.floor(rest * (kin.groups - 1)));
}

/**
 * Kin firms helping a founder: "occasional machining services and trade credit given by
 * a well-established workshop to a new outfit run by a member of the same bradri"
 * ([P] §4.2) - capped at `maxHelpingFirms`.
 */
export function kinHelpers(kin: KinParams, kinFirmsInTown: number): number {
  return Math.min(kin.maxHelpingFirms, Math.floor(kinFirmsInTown));
}

/**
 * An owner whose income has stayed below a journeyman's wage past their patience may
 * give up (exit "when the owner gives up", MODEL.md entry and exit).
 */
export function ownerMayGiveUp(exit: ExitParams, lowIncomeMonths: number): boolean {
  return lowIncomeMonths >= exit.ownerPatienceMonths;
}
