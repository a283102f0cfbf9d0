/**
 * Phase: institutions as policies (docs/ODD.md §7.17). Each month, every policy in
 * force sets its levers in the towns it serves; kernels read only the levers, so a
 * policy never reaches into a mechanism's code. Start and stop are events.
 *
 * Sources: training centres and the common facility at Mian Channun, the Farm
 * Machinery Institute's extension officers in Daska ([P] §4.1); the annual fair
 * ([P] §4.3); association, credit, design protection and export linkage as the
 * institutional framework of [I] and the recommendations of [B].
 */
import type { Phase, Simulation } from '../../simulation.js';
import type { PolicyParams } from '../../params.js';
import { HEADER } from '../../state/header.js';
import { WORKFORCE, WORKFORCE_FIELDS } from '../../host.js';
import { yearAtTick } from '../paths.js';

export function policyInForce(policy: PolicyParams, year: number): boolean {
  return policy.startYear <= year && year < policy.endYear;
}

function resetLevers(sim: Simulation): void {
  const { finance } = sim.world.params;
  const c = sim.world.towns.cols;
  c.creditLimitMonths.fill(finance.creditLimitMonthsOfWageBill);
  c.interestRatePerYear.fill(finance.interestRatePerYear);
  c.creditFundPerFirm.fill(Infinity);
  for (const lever of [
    c.protectionMonths,
    c.membershipShare,
    c.associationTrust,
    c.facilitatedLearningPerMonth,
    c.jointProjectCostShare,
    c.fairHeld,
    c.exportDemandUnits,
    c.exportQualityThreshold,
    c.exportPriceIndex,
    c.courseProbability,
    c.courseSkillGain,
    c.facilityCourseProbability,
    c.facilityCourseGain,
    c.rdPartnerProbability,
    c.rdMinCapability,
    c.rdSubsidy,
    c.rdCapabilityGain,
    c.policySpending,
  ]) {
    lever.fill(0);
  }
}

/** Monthly probability that one of `candidates` gets one of `placesPerYear / 12` places. */
function placeProbability(placesPerYear: number, candidates: number): number {
  return candidates > 0 ? Math.min(1, placesPerYear / 12 / candidates) : 0;
}

export const policyLevers: Phase = {
  name: 'policy-levers',
  run(sim) {
    const { world, host } = sim;
    const { params } = world;
    const tick = world.header[HEADER.tick];
    const year = yearAtTick(params.startYear, tick);
    const month = (tick % 12) + 1;
    const c = world.towns.cols;
    resetLevers(sim);
    params.policies.forEach((policy, index) => {
      const active = policyInForce(policy, year);
      if (active !== (host.policyActive[index] === 1)) {
        host.policyActive[index] = active ? 1 : 0;
        host.events.push({
          type: active ? 'policy-start' : 'policy-stop',
          tick,
          policy: index,
          name: policy.name,
          kind: policy.kind,
          towns: policy.townIndices,
        });
      }
      if (!active) return;
      for (const town of policy.townIndices) {
        const firms = c.firms[town];
        const employed = host.workforce[town * WORKFORCE_FIELDS + WORKFORCE.employed];
        c.policySpending[town] += policy.costPerYear / 12 / policy.townIndices.length;
        switch (policy.kind) {
          case 'trainingCentre':
            c.courseProbability[town] = placeProbability(policy.courseSeatsPerYear, employed);
            c.courseSkillGain[town] = policy.courseSkillGain;
            break;
          case 'commonFacility':
            // The machining service itself is read by the sourcing phase.
            c.facilityCourseProbability[town] = placeProbability(policy.courseSeatsPerYear, firms);
            c.facilityCourseGain[town] = policy.courseCapabilityGain;
            break;
          case 'rdExtension':
            c.rdPartnerProbability[town] = placeProbability(policy.partnersPerYear, firms);
            c.rdMinCapability[town] = policy.minPartnerCapability;
            c.rdSubsidy[town] = policy.prototypeSubsidy;
            c.rdCapabilityGain[town] = policy.capabilityGain;
            break;
          case 'credit':
            c.creditLimitMonths[town] = Math.max(c.creditLimitMonths[town], policy.creditLimitMonthsOfWageBill);
            c.interestRatePerYear[town] = Math.min(c.interestRatePerYear[town], policy.interestRatePerYear);
            c.creditFundPerFirm[town] = firms > 0 ? policy.fundPerTown / firms : policy.fundPerTown;
            break;
          case 'designProtection':
            c.protectionMonths[town] = Math.max(c.protectionMonths[town], policy.protectionMonths);
            break;
          case 'association': {
            const yearsInForce = year - policy.startYear;
            c.membershipShare[town] = policy.membershipShare;
            // Trust is built slowly: "a fundamental lack of trust of competitors" ([P] §4.2).
            c.associationTrust[town] = 1 - Math.exp(-yearsInForce / policy.trustBuildingYears);
            c.facilitatedLearningPerMonth[town] = policy.facilitatedLearningPerMonth;
            c.jointProjectCostShare[town] = policy.jointProjectCostShare;
            break;
          }
          case 'tradeFair':
            if (month === policy.month) {
              params.towns.forEach((_, visitor) => {
                if (params.travelHours[town][visitor] <= policy.reachHours) c.fairHeld[visitor] = 1;
              });
            }
            break;
          case 'exportLinkage':
            c.exportDemandUnits[town] += policy.foreignDemandUnitsPerMonth;
            c.exportQualityThreshold[town] = policy.qualityThreshold;
            c.exportPriceIndex[town] = policy.priceIndex;
            break;
        }
      }
    });
  },
};
