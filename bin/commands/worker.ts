/**
 * `clustersim worker --queue redis://host:port`: run the queued sweeps' runs on this
 * machine until stopped (SIGINT/SIGTERM finish the runs in progress first; SIGKILL
 * loses nothing either: their runs go back to the queue when their locks expire).
 */
import { availableParallelism } from 'node:os';
import { UserInputError } from '../../scenarios/errors.js';
import { messages } from '../../scenarios/messages.js';
import { redisConnection } from '../../analysis/experiments/queue/names.js';
import { checkReachable } from '../../analysis/experiments/queue/redis.js';
import { startQueueWorkers } from '../../analysis/experiments/queue/workerPool.js';
import { integerFlag, parseFlags } from '../args.js';
import type { CliIo } from '../io.js';

export const WORKER_HELP = `clustersim worker - run queued sweep runs from Redis on this machine

Usage:
  clustersim worker --queue redis://host:port [options]

Pulls the runs of every sweep submitted with clustersim sweep <file> --queue to the
same Redis, runs them and writes each result into the sweep's results folder, which
must be at the same path on every worker machine (a shared filesystem). Start as many
workers on as many machines as you like, at any time; stop them with Ctrl-C.

Options:
  --queue URL        the Redis server: redis://[user:password@]host[:port][/db]
  --workers N        runs at a time (worker threads; default: the number of CPUs,
                     ${availableParallelism()} here)
  --lock-seconds S   job lock: a run on a worker that died is run again elsewhere
                     after S to 2 x S seconds (default 30)
  --quiet            no log lines
  -h, --help         show this help

Redis: run it with persistence and without eviction, so that neither a restart nor
a full memory loses queued runs:
  redis-server --appendonly yes --appendfsync everysec --maxmemory-policy noeviction
(--appendfsync always loses nothing even when the machine itself crashes.)

Delivery is at least once: a run whose worker died is run again, and its result
rewrites the same file, so every run key is in the merged results exactly once.
A run that throws is retried with exponential backoff; after its last attempt its
error is recorded (failures/<runKey>.json) and the sweep reports it.
`;

const WORKER_OPTIONS = {
  queue: { type: 'string' },
  workers: { type: 'string' },
  'lock-seconds': { type: 'string' },
  quiet: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function workerCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, WORKER_OPTIONS);
  if (values.help) {
    io.stdout(WORKER_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UserInputError(messages.badFlagValue('worker', 'no arguments', positionals.join(' ')));
  if (values.queue === undefined)
    throw new UserInputError(messages.missingArgument('worker', '--queue redis://host:port'));
  const connection = redisConnection(values.queue);
  const concurrency = integerFlag('--workers', values.workers, 1, 1024) ?? availableParallelism();
  const lockSeconds = integerFlag('--lock-seconds', values['lock-seconds'], 1, 3600) ?? 30;
  await checkReachable(values.queue, connection);
  const log = values.quiet ? () => {} : (text: string) => io.stderr(`${new Date().toISOString()} ${text}\n`);
  const workers = startQueueWorkers({ connection, concurrency, lockSeconds, log });
  log(`worker on ${values.queue}: ${concurrency} run(s) at a time; waiting for sweeps`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      log(`${signal}: finishing the runs in progress`);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await workers.close();
  return 0;
}
