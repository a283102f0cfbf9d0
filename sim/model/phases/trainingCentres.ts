/**
 * Phase: training centres send their graduates into the labour force of the towns
 * they serve, as unemployed journeymen ("Diffusion of skills was assisted by technical
 * and vocational training centres set up by the central and provincial governments",
 * Punjab seed §4.1; the Bangladesh clusters name "no training" among their problems).
 * Fractional graduates carry over to the next month. Short courses for employed
 * workers are applied by the labour kernel from the policy levers.
 */
import type { Phase } from '../../simulation.js';
import { WORKER_STATUS } from '../../state/workers.js';
import { countTick, TICK_COUNT } from '../../host.js';
import { addWorker } from '../agents.js';

export const trainingGraduates: Phase = {
  name: 'training-graduates',
  run({ world, host }) {
    world.params.policies.forEach((policy, index) => {
      if (policy.kind !== 'trainingCentre' || host.policyActive[index] === 0) return;
      host.graduatesOwed[index] += policy.graduatesPerYear / 12;
      const graduates = Math.floor(host.graduatesOwed[index]);
      host.graduatesOwed[index] -= graduates;
      for (const town of policy.townIndices) {
        for (let n = 0; n < graduates; n++) {
          addWorker(world, {
            town,
            employer: -1,
            skill: policy.graduateSkill,
            status: WORKER_STATUS.journeyman,
            trainedAt: -1,
            careerMonths: 0,
          });
          countTick(host, town, TICK_COUNT.trainingGraduates);
        }
      }
    });
  },
};
