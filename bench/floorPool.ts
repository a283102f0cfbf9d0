/**
 * The floor kernel on 1..N threads, split as the engine splits a tick: the passes the
 * engine runs as block kernels (labour, pricing, market) go block b to thread b mod N,
 * the main thread being thread 0; the serial passes (the workforce gather, town
 * statistics) run on the main thread alone. Worker threads stay up between ticks and
 * wait on a shared control word, as the engine's pool does (sim/parallel/pool.ts).
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../sim/parallel/startWorker.js';
import { type CompiledFloor, compileFloor, type FloorWorld, runFloorBlocks } from './floorKernel.js';

export const FLOOR_CONTROL = { generation: 0, pass: 1, tick: 2, done: 3, shutdown: 4, threads: 5 } as const;
const CONTROL_LENGTH = 6;

export interface FloorWorkerInit {
  world: FloorWorld;
  control: Int32Array;
  threadIndex: number;
}

export interface FloorPool {
  readonly threads: number;
  /** One tick on every thread; `passSeconds` accumulates each pass's wall time. Returns the main thread's checksum. */
  tick(tick: number, passSeconds?: Float64Array): number;
  close(): Promise<void>;
}

export async function createFloorPool(world: FloorWorld, threads: number): Promise<FloorPool> {
  const floor: CompiledFloor = compileFloor();
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * Int32Array.BYTES_PER_ELEMENT));
  control[FLOOR_CONTROL.threads] = threads;
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  for (let threadIndex = 1; threadIndex < threads; threadIndex++) {
    const init: FloorWorkerInit = { world, control, threadIndex };
    const worker = startModuleWorker(import.meta.url, './floorWorker', { workerData: init });
    workers.push(worker);
    ready.push(
      new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      }),
    );
  }
  await Promise.all(ready);

  const dispatch = (passIndex: number, tick: number) => {
    control[FLOOR_CONTROL.pass] = passIndex;
    control[FLOOR_CONTROL.tick] = tick;
    Atomics.store(control, FLOOR_CONTROL.done, 0);
    Atomics.add(control, FLOOR_CONTROL.generation, 1);
    Atomics.notify(control, FLOOR_CONTROL.generation);
  };
  const waitForWorkers = () => {
    for (
      let done = Atomics.load(control, FLOOR_CONTROL.done);
      done < threads - 1;
      done = Atomics.load(control, FLOOR_CONTROL.done)
    )
      Atomics.wait(control, FLOOR_CONTROL.done, done);
  };

  return {
    threads,
    tick(tick, passSeconds) {
      let checksum = 0;
      for (const [index, { pass, run }] of floor.passes.entries()) {
        const start = passSeconds ? performance.now() : 0;
        if (pass.parallel && threads > 1) {
          dispatch(index, tick);
          checksum += runFloorBlocks(run, world, pass.over, tick, 0, threads);
          waitForWorkers();
        } else {
          checksum += runFloorBlocks(run, world, pass.over, tick, 0, 1);
        }
        if (passSeconds) passSeconds[index] += (performance.now() - start) / 1000;
      }
      return checksum;
    },
    async close() {
      Atomics.store(control, FLOOR_CONTROL.shutdown, 1);
      Atomics.add(control, FLOOR_CONTROL.generation, 1);
      Atomics.notify(control, FLOOR_CONTROL.generation);
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
