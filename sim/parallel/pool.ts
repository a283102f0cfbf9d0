/**
 * A persistent pool of worker threads for one run. The main thread is thread 0 and
 * does its own share of blocks; threads 1..N-1 are workers. Block b goes to thread
 * b mod N. Which thread runs a block never changes a result (see executor.ts).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { type BlockExecutor, runBlocks } from '../executor.js';
import { describeWorld, type World } from '../world.js';
import { CONTROL, CONTROL_LENGTH, type WorkerInit } from './control.js';
import { startModuleWorker } from './startWorker.js';

function startWorker(init: WorkerInit): Worker {
  return startModuleWorker(import.meta.url, './worker', { workerData: init, transferList: [init.port] });
}

export async function createPoolExecutor(world: World, threads: number): Promise<BlockExecutor> {
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * Int32Array.BYTES_PER_ELEMENT));
  control[CONTROL.threads] = threads;
  const descriptor = describeWorld(world);
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  const ready: Promise<void>[] = [];
  for (let threadIndex = 1; threadIndex < threads; threadIndex++) {
    const channel = new MessageChannel();
    const init: WorkerInit = { descriptor, control, threadIndex, port: channel.port2 };
    const worker = startWorker(init);
    workers.push(worker);
    ports.push(channel.port1);
    ready.push(
      new Promise((resolve, reject) => {
        channel.port1.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) =>
          reject(new Error(`worker thread ${threadIndex} exited (code ${code}) before it was ready`)),
        );
      }),
    );
  }
  await Promise.all(ready);
  for (const port of ports) port.removeAllListeners('message');

  function failure(): Error {
    const messages: string[] = [];
    for (const port of ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const body = message.message as { type: string; message?: string };
        if (body.type === 'error' && body.message) messages.push(body.message);
      }
    }
    return new Error(`a worker thread failed: ${messages.join('\n') || 'no message'}`);
  }

  return {
    threads,
    runKernel(kernelId, over) {
      control[CONTROL.kernel] = kernelId;
      control[CONTROL.kind] = over === 'workers' ? 1 : 0;
      Atomics.store(control, CONTROL.done, 0);
      Atomics.add(control, CONTROL.generation, 1);
      Atomics.notify(control, CONTROL.generation);
      runBlocks(world, kernelId, over, 0, threads);
      for (
        let done = Atomics.load(control, CONTROL.done);
        done < threads - 1;
        done = Atomics.load(control, CONTROL.done)
      ) {
        Atomics.wait(control, CONTROL.done, done);
      }
      if (Atomics.load(control, CONTROL.failed) === 1) throw failure();
    },
    async close() {
      Atomics.store(control, CONTROL.shutdown, 1);
      Atomics.add(control, CONTROL.generation, 1);
      Atomics.notify(control, CONTROL.generation);
      await Promise.all(workers.map((worker) => worker.terminate()));
      for (const port of ports) port.close();
    },
  };
}
