/**
 * A plain Redis client for clustersim's own keys (the sweep registry, counters), and
 * a first ping that turns "no Redis there" into one line instead of endless retries.
 */
import { Redis } from 'ioredis';
import { UserInputError } from '../../../scenarios/errors.js';
import type { RedisConnection } from './names.js';

export function redisClient(connection: RedisConnection): Redis {
  const client = new Redis({ ...connection, lazyConnect: false });
  // Reconnection is ioredis's job; an unhandled 'error' event would end the process instead.
  client.on('error', () => {});
  return client;
}

/** Throws a UserInputError naming `url` when nothing answers there within `timeoutMs`. */
export async function checkReachable(url: string, connection: RedisConnection, timeoutMs = 5000): Promise<void> {
  const probe = new Redis({
    ...connection,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let reason = '';
  probe.on('error', (error: Error) => (reason ||= error.message));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new UserInputError(
      `--queue ${url}: no Redis answers there (${reason || (error as Error).message}); start one (see clustersim worker --help)`,
    );
  } finally {
    probe.disconnect();
  }
}
