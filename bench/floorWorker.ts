/** Worker-thread entry of the floor pool (bench/floorPool.ts): wait for a pass, run this thread's blocks, report done. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileFloor, runFloorBlocks } from './floorKernel.js';
import { FLOOR_CONTROL, type FloorWorkerInit } from './floorPool.js';

const { world, control, threadIndex } = workerData as FloorWorkerInit;
const floor = compileFloor();
parentPort!.postMessage('ready');

let seenGeneration = 0;
for (;;) {
  Atomics.wait(control, FLOOR_CONTROL.generation, seenGeneration);
  seenGeneration = Atomics.load(control, FLOOR_CONTROL.generation);
  if (Atomics.load(control, FLOOR_CONTROL.shutdown) === 1) break;
  const threads = control[FLOOR_CONTROL.threads];
  const { pass, run } = floor.passes[control[FLOOR_CONTROL.pass]];
  runFloorBlocks(run, world, pass.over, control[FLOOR_CONTROL.tick], threadIndex, threads);
  if (Atomics.add(control, FLOOR_CONTROL.done, 1) + 1 === threads - 1) Atomics.notify(control, FLOOR_CONTROL.done);
}
