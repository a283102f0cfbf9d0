/**
 * One tick (one month) of the simulation.
 *
 * ```
 *  1 exogenous-demand             main     town demand = growth path x agricultural calendar x demand
 *                                          shock; this month's material, power and import path values
 *  2 labour-decisions             workers  learning by doing, apprenticeship; queue retire/quit/spin-off
 *  3 apply-retirements-and-quits  main     worker-id order
 *  4 spin-off-entry               main     new firms, founder-id order
 *  5 gather-workforce             main     head-count, skill per firm; unemployed queue per town
 *  6 pricing                      firms    powered capacity, unit cost, squeezed mark-up, attractiveness
 *  7 reduce-attractiveness        main     per-town sum, block order, plus imports; import sales
 *  8 market-and-effort            firms    sales, accounts, effort, capability; queue exit/hire
 *  9 reduce-market                main     per-town totals, block order; publish town state
 * 10 apply-exits-and-hires        main     firm-id order
 * 11 annual-panel                 main     December only: one firm-panel row per firm alive, firm-id order
 * 12 observe                      main     metric columns for each town and all towns
 * ```
 * "workers"/"firms" phases run block kernels, split across threads when --threads > 1.
 * New mechanisms are added as a phase file and a line in this list.
 */
import type { Phase, Simulation } from './simulation.js';
import { HEADER } from './state/header.js';
import { exogenousDemand } from './model/phases/exogenous.js';
import { labourDecisions, marketAndEffort, pricing } from './model/phases/kernelPhases.js';
import { applyRetirementsAndQuits } from './model/phases/labourCommands.js';
import { spinOffEntry } from './model/phases/spinOffEntry.js';
import { gatherWorkforce } from './model/phases/gatherWorkforce.js';
import { reduceAttractiveness, reduceMarket } from './model/phases/reduceTowns.js';
import { applyExitsAndHires } from './model/phases/firmCommands.js';
import { annualPanel } from './model/phases/annualPanel.js';
import { observe } from './observe.js';

export const PHASES: readonly Phase[] = [
  exogenousDemand, // 1
  labourDecisions, // 2
  applyRetirementsAndQuits, // 3
  spinOffEntry, // 4
  gatherWorkforce, // 5
  pricing, // 6
  reduceAttractiveness, // 7
  marketAndEffort, // 8
  reduceMarket, // 9
  applyExitsAndHires, // 10
  annualPanel, // 11
  observe, // 12
];

export function step(sim: Simulation): void {
  for (const phase of PHASES) phase.run(sim);
  sim.world.header[HEADER.tick] += 1;
}
