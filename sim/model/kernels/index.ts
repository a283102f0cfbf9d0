/**
 * The registry of block kernels. Worker threads import this same list and run a
 * kernel by its index, so a new mechanism that needs a parallel pass adds its
 * kernel here and a phase that dispatches it in `sim/model/phases.ts`.
 */
import type { World } from '../../world.js';
import { labourKernel } from './labour.js';
import { marketKernel } from './market.js';
import { pricingKernel } from './pricing.js';

export type Kernel = (world: World, block: number, start: number, end: number) => void;

export const KERNELS: readonly Kernel[] = [labourKernel, pricingKernel, marketKernel];

export const KERNEL = { labour: 0, pricing: 1, market: 2 } as const;
