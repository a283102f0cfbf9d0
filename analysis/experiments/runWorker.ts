/**
 * Worker-thread entry of the sweep pool: receive a run, run it with the same
 * `runToShard` the serial path calls, send the shard (or the error) back. One run at
 * a time; the pool gives the next run when this one is answered.
 */
import { parentPort } from 'node:worker_threads';
import { runToShard } from './runRecord.js';
import type { RunSpec } from './types.js';

export interface RunRequest {
  spec: RunSpec;
  codeVersion: string;
}

export type RunReply = { ok: true; shard: Awaited<ReturnType<typeof runToShard>> } | { ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('runWorker.ts is a worker-thread entry');
port.on('message', (request: RunRequest) => {
  runToShard(request.spec, request.codeVersion).then(
    (shard) => port.postMessage({ ok: true, shard } satisfies RunReply),
    (error: unknown) =>
      port.postMessage({
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies RunReply),
  );
});
