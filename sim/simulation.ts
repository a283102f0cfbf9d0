/** A running simulation: the shared world, the main-thread host and the executor. */
import type { BlockExecutor } from './executor.js';
import type { Host } from './host.js';
import type { World } from './world.js';

export interface Simulation {
  readonly world: World;
  readonly host: Host;
  readonly executor: BlockExecutor;
}

/** One named step of the tick. Phases run in the literal order of `PHASES` (sim/step.ts). */
export interface Phase {
  readonly name: string;
  run(sim: Simulation): void;
}
