/**
 * Where a queued sweep lives in Redis. Every clustersim key starts with `clustersim:`
 * (BullMQ's key prefix), so one Redis can serve other applications beside it:
 *
 *   clustersim:sweeps                 set of the queue names of the sweeps in progress (workers poll it)
 *   clustersim:sweep:<queue name>     hash: sweep name, results folder, run counts (`clustersim status`)
 *   clustersim:<queue name>:...       BullMQ's own keys for the sweep's queue
 *
 * A sweep's queue name is `sweep-` + 16 hex digits of sha256(plan digest, results
 * folder): the same plan into the same folder (a re-submitted sweep) joins its queue;
 * another sweep, or the same sweep into another folder, never shares jobs with it.
 */
import { createHash } from 'node:crypto';
import { UserInputError } from '../../../scenarios/errors.js';
import { messages } from '../../../scenarios/messages.js';

export const KEY_PREFIX = 'clustersim';
export const SWEEPS_SET = `${KEY_PREFIX}:sweeps`;
export const sweepInfoKey = (queueName: string) => `${KEY_PREFIX}:sweep:${queueName}`;

export function queueNameFor(planSha256: string, dir: string): string {
  return `sweep-${createHash('sha256').update(`${planSha256}\n${dir}`).digest('hex').slice(0, 16)}`;
}

/** What BullMQ (ioredis) needs to reach the server: maxRetriesPerRequest null, as BullMQ's workers require. */
export interface RedisConnection {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  maxRetriesPerRequest: null;
}

/** `redis://[user:password@]host[:port][/db]` from --queue. */
export function redisConnection(url: string): RedisConnection {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const db = parsed && parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  if (!parsed || parsed.protocol !== 'redis:' || !parsed.hostname || !Number.isInteger(db) || db < 0)
    throw new UserInputError(
      messages.badFlagValue(
        '--queue',
        'a Redis URL redis://host[:port][/db] (e.g. redis://127.0.0.1:6379)',
        `"${url}"`,
      ),
    );
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    db,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    maxRetriesPerRequest: null,
  };
}
