/** Phases that run a block kernel over all agents of a kind (in parallel when threaded). */
import type { Phase } from '../../simulation.js';
import { KERNEL } from '../kernels/index.js';

export const labourDecisions: Phase = {
  name: 'labour-decisions',
  run: ({ executor }) => executor.runKernel(KERNEL.labour, 'workers'),
};

export const pricing: Phase = {
  name: 'pricing',
  run: ({ executor }) => executor.runKernel(KERNEL.pricing, 'firms'),
};

export const marketAndEffort: Phase = {
  name: 'market-and-effort',
  run: ({ executor }) => executor.runKernel(KERNEL.market, 'firms'),
};
