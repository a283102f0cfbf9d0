/** `clustersim status --queue redis://...`: the sweeps in progress on a Redis and their runs. */
import { redisConnection } from '../../analysis/experiments/queue/names.js';
import { checkReachable } from '../../analysis/experiments/queue/redis.js';
import { queuedSweepStatuses } from '../../analysis/experiments/queue/status.js';
import { UserInputError } from '../../scenarios/errors.js';
import { messages } from '../../scenarios/messages.js';
import { parseFlags } from '../args.js';
import type { CliIo } from '../io.js';

export const STATUS_HELP = `clustersim status - show the sweeps queued on a Redis

Usage:
  clustersim status --queue redis://host:port

For each sweep submitted with clustersim sweep <file> --queue and not yet finished:
its name, results folder, runs in the plan and runs submitted, runs done and failed
(as counted by the workers), and jobs waiting, running and waiting to be retried.

Options:
  --queue URL        the Redis server: redis://[user:password@]host[:port][/db]
  --json             one JSON array instead of the table
  -h, --help         show this help
`;

const STATUS_OPTIONS = {
  queue: { type: 'string' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function statusCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, STATUS_OPTIONS);
  if (values.help) {
    io.stdout(STATUS_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UserInputError(messages.badFlagValue('status', 'no arguments', positionals.join(' ')));
  if (values.queue === undefined)
    throw new UserInputError(messages.missingArgument('status', '--queue redis://host:port'));
  const connection = redisConnection(values.queue);
  await checkReachable(values.queue, connection);
  const statuses = await queuedSweepStatuses(connection);
  if (values.json) {
    io.stdout(`${JSON.stringify(statuses, null, 2)}\n`);
    return 0;
  }
  if (statuses.length === 0) {
    io.stdout(`no sweeps queued on ${values.queue}\n`);
    return 0;
  }
  for (const s of statuses)
    io.stdout(
      `${s.name} (${s.queueName}, submitted ${s.submittedAt}): ${s.runs} runs, ${s.toRun} submitted; ` +
        `${s.done} done, ${s.failed} failed; ${s.waiting} waiting, ${s.running} running, ${s.retrying} to retry\n` +
        `  results: ${s.dir}\n`,
    );
  return 0;
}
