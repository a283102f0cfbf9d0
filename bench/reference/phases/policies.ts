/**
 * Phase 2, policy-levers (sim/model/phases/policyLevers.ts): every policy in force
 * sets its levers in the towns it serves (start and stop are events); and phase 5,
 * training-graduates (sim/model/phases/trainingCentres.ts): training centres send
 * their graduates into the labour force.
 */
import { policyInForce } from '../../../sim/model/phases/policyLevers.js';
import { yearAtTick } from '../../../sim/model/paths.js';
import { WORKER_STATUS } from '../../../sim/state/workers.js';
import { recordEvent } from '../events.js';
import type { Model } from '../model.js';
import type { Town } from '../town.js';

function resetLevers(model: Model, town: Town): void {
  const { finance } = model.params;
  town.creditLimitMonths = finance.creditLimitMonthsOfWageBill;
  town.interestRatePerYear = finance.interestRatePerYear;
  town.creditFundPerFirm = Infinity;
  town.protectionMonths = 0;
  town.membershipShare = 0;
  town.associationTrust = 0;
  town.facilitatedLearningPerMonth = 0;
  town.jointProjectCostShare = 0;
  town.fairHeld = false;
  town.exportDemandUnits = 0;
  town.exportQualityThreshold = 0;
  town.exportPriceIndex = 0;
  town.courseProbability = 0;
  town.courseSkillGain = 0;
  town.facilityCourseProbability = 0;
  town.facilityCourseGain = 0;
  town.rdPartnerProbability = 0;
  town.rdMinCapability = 0;
  town.rdSubsidy = 0;
  town.rdCapabilityGain = 0;
  town.policySpending = 0;
}

/** Monthly probability that one of `candidates` gets one of `placesPerYear / 12` places. */
function placeProbability(placesPerYear: number, candidates: number): number {
  return candidates > 0 ? Math.min(1, placesPerYear / 12 / candidates) : 0;
}

export function policyLevers(model: Model): void {
  const { params, tick } = model;
  const year = yearAtTick(params.startYear, tick);
  const month = (tick % 12) + 1;
  for (const town of model.towns) resetLevers(model, town);
  params.policies.forEach((policy, index) => {
    const active = policyInForce(policy, year);
    if (active !== model.policyActive[index]) {
      model.policyActive[index] = active;
      recordEvent(model, {
        type: active ? 'policy-start' : 'policy-stop',
        tick,
        policy: index,
        name: policy.name,
        kind: policy.kind,
        towns: policy.townIndices,
      });
    }
    if (!active) return;
    for (const townIndex of policy.townIndices) {
      const town = model.towns[townIndex];
      const firms = town.firms;
      const employed = town.workforce.employed;
      town.policySpending += policy.costPerYear / 12 / policy.townIndices.length;
      switch (policy.kind) {
        case 'trainingCentre':
          town.courseProbability = placeProbability(policy.courseSeatsPerYear, employed);
          town.courseSkillGain = policy.courseSkillGain;
          break;
        case 'commonFacility':
          town.facilityCourseProbability = placeProbability(policy.courseSeatsPerYear, firms);
          town.facilityCourseGain = policy.courseCapabilityGain;
          break;
        case 'rdExtension':
          town.rdPartnerProbability = placeProbability(policy.partnersPerYear, firms);
          town.rdMinCapability = policy.minPartnerCapability;
          town.rdSubsidy = policy.prototypeSubsidy;
          town.rdCapabilityGain = policy.capabilityGain;
          break;
        case 'credit':
          town.creditLimitMonths = Math.max(town.creditLimitMonths, policy.creditLimitMonthsOfWageBill);
          town.interestRatePerYear = Math.min(town.interestRatePerYear, policy.interestRatePerYear);
          town.creditFundPerFirm = firms > 0 ? policy.fundPerTown / firms : policy.fundPerTown;
          break;
        case 'designProtection':
          town.protectionMonths = Math.max(town.protectionMonths, policy.protectionMonths);
          break;
        case 'association': {
          const yearsInForce = year - policy.startYear;
          town.membershipShare = policy.membershipShare;
          town.associationTrust = 1 - Math.exp(-yearsInForce / policy.trustBuildingYears);
          town.facilitatedLearningPerMonth = policy.facilitatedLearningPerMonth;
          town.jointProjectCostShare = policy.jointProjectCostShare;
          break;
        }
        case 'tradeFair':
          if (month === policy.month) {
            for (const visitor of model.towns) {
              if (params.travelHours[townIndex][visitor.index] <= policy.reachHours) visitor.fairHeld = true;
            }
          }
          break;
        case 'exportLinkage':
          town.exportDemandUnits += policy.foreignDemandUnitsPerMonth;
          town.exportQualityThreshold = policy.qualityThreshold;
          town.exportPriceIndex = policy.priceIndex;
          break;
      }
    }
  });
}

export function trainingGraduates(model: Model): void {
  model.params.policies.forEach((policy, index) => {
    if (policy.kind !== 'trainingCentre' || !model.policyActive[index]) return;
    model.graduatesOwed[index] += policy.graduatesPerYear / 12;
    const graduates = Math.floor(model.graduatesOwed[index]);
    model.graduatesOwed[index] -= graduates;
    for (const town of policy.townIndices) {
      for (let n = 0; n < graduates; n++) {
        model.addWorker({
          town,
          employer: null,
          skill: policy.graduateSkill,
          status: WORKER_STATUS.journeyman,
          trainedAt: -1,
          careerMonths: 0,
        });
        model.towns[town].count('trainingGraduates');
      }
    }
  });
}
