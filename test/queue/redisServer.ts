/**
 * A real redis-server for the queue tests: on a free port of 127.0.0.1, with AOF
 * fsynced on every write and no eviction (as the docs tell users to run it), data in
 * a temp folder. Installs Debian's redis-server when missing (the tests run as root
 * in CI); says clearly why when that is impossible.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export function ensureRedisServer(): void {
  if (spawnSync('redis-server', ['--version']).status === 0) return;
  const install = spawnSync(
    'sh',
    ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0 || spawnSync('redis-server', ['--version']).status !== 0)
    throw new Error(
      `the queue tests need Debian's redis-server and it could not be installed: ${install.stderr.trim().split('\n').pop()}`,
    );
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface TestRedis {
  url: string;
  port: number;
  /** SIGKILL: no shutdown save; what survives is what the AOF holds. */
  kill(): Promise<void>;
  /** Start again on the same port and folder (reloads the AOF). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function answers(port: number): Promise<boolean> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function startTestRedis(dir: string): Promise<TestRedis> {
  const port = await freePort();
  let server: ChildProcess | undefined;
  const start = async () => {
    server = spawn(
      'redis-server',
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
        ...['--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'],
      ],
      { stdio: 'ignore' },
    );
    for (let waited = 0; !(await answers(port)); waited += 50) {
      if (waited > 10_000 || server.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const end = async (signal: NodeJS.Signals) => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = once(server, 'exit');
    server.kill(signal);
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill: () => end('SIGKILL'), start, stop: () => end('SIGTERM') };
}
