/**
 * One tick (one month) of the simulation.
 *
 * ```
 *  1 exogenous-demand             main     town and product demand; this month's shock and import values
 *  2 policy-levers                main     policies in force set their levers per town; start/stop events
 *  3 labour-decisions             workers  learning by doing, courses, apprenticeship; queue retire/quit/spin-off
 *  4 apply-retirements-and-quits  main     worker-id order; movers carry know-how and fresh designs
 *  5 training-graduates           main     training centres' graduates join the labour force
 *  6 spin-off-entry               main     new firms, founder-id order; kin help, machines
 *  7 gather-workforce             main     head-count, skill per firm; unemployed queue; kin firms per town
 *  8 sourcing                     main     vendor entry/exit; vendor, facility and remote prices; access
 *  9 pricing                      firms    feasible products, process cost, capacity, mark-up, pull per product
 * 10 reduce-attractiveness        main     per town and product, block order, plus imports
 * 11 market-and-effort            firms    sales, accounts, effort, design work, imitation, make-or-buy,
 *                                          capability; queue exit/hire/launch/copy/invest
 * 12 reduce-market                main     per-town totals, block order; knowledge pools; process volumes
 * 13 apply-investments-launches-copies main firm-id order; novelty expiry; designs firms can see
 * 14 apply-exits-and-hires        main     firm-id order
 * 15 annual-upgrading             main     December only: upgrading bookkeeping (after exits)
 * 16 annual-panel                 main     December only: one firm-panel row per firm alive, firm-id order
 * 17 observe                      main     metric columns for each town and all towns
 * ```
 * "workers"/"firms" phases run block kernels, split across threads when --threads > 1.
 * New mechanisms are added as a phase file and a line in this list.
 */
import type { Phase, Simulation } from './simulation.js';
import { HEADER } from './state/header.js';
import { exogenousDemand } from './model/phases/exogenous.js';
import { policyLevers } from './model/phases/policyLevers.js';
import { labourDecisions, marketAndEffort, pricing } from './model/phases/kernelPhases.js';
import { applyRetirementsAndQuits } from './model/phases/labourCommands.js';
import { trainingGraduates } from './model/phases/trainingCentres.js';
import { spinOffEntry } from './model/phases/spinOffEntry.js';
import { gatherWorkforce } from './model/phases/gatherWorkforce.js';
import { sourcing } from './model/phases/sourcing.js';
import { reduceAttractiveness, reduceMarket } from './model/phases/reduceTowns.js';
import { applyDesigns } from './model/phases/designCommands.js';
import { applyExitsAndHires } from './model/phases/firmCommands.js';
import { annualUpgrading } from './model/phases/upgrading.js';
import { annualPanel } from './model/phases/annualPanel.js';
import { observe } from './observe.js';

export const PHASES: readonly Phase[] = [
  exogenousDemand, // 1
  policyLevers, // 2
  labourDecisions, // 3
  applyRetirementsAndQuits, // 4
  trainingGraduates, // 5
  spinOffEntry, // 6
  gatherWorkforce, // 7
  sourcing, // 8
  pricing, // 9
  reduceAttractiveness, // 10
  marketAndEffort, // 11
  reduceMarket, // 12
  applyDesigns, // 13
  applyExitsAndHires, // 14
  annualUpgrading, // 15
  annualPanel, // 16
  observe, // 17
];

export function step(sim: Simulation): void {
  for (const phase of PHASES) phase.run(sim);
  sim.world.header[HEADER.tick] += 1;
}
