/**
 * Worker-thread entry: attach to the shared world, then loop - wait for a dispatch,
 * run this thread's blocks of the requested kernel, report done. A thin adapter:
 * all model code is the same `runBlocks` the serial executor calls.
 */
import { workerData } from 'node:worker_threads';
import { attachWorld, refreshViews } from '../world.js';
import { runBlocks } from '../executor.js';
import { CONTROL, type WorkerInit } from './control.js';

const { descriptor, control, threadIndex, port } = workerData as WorkerInit;
const world = attachWorld(descriptor);
port.postMessage({ type: 'ready' });

let seenGeneration = 0;
for (;;) {
  Atomics.wait(control, CONTROL.generation, seenGeneration);
  seenGeneration = Atomics.load(control, CONTROL.generation);
  if (Atomics.load(control, CONTROL.shutdown) === 1) break;
  const threads = control[CONTROL.threads];
  try {
    refreshViews(world);
    runBlocks(world, control[CONTROL.kernel], control[CONTROL.kind] === 1 ? 'workers' : 'firms', threadIndex, threads);
  } catch (error) {
    Atomics.store(control, CONTROL.failed, 1);
    port.postMessage({
      type: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
  if (Atomics.add(control, CONTROL.done, 1) + 1 === threads - 1) Atomics.notify(control, CONTROL.done);
}
port.close();
