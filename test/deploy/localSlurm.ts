/**
 * A private one-node Slurm cluster for a test: what ../shared/tools/slurm-local/up does
 * (munged, slurmctld, slurmd on loopback, 2 CPUs, partition main, accounting off), but
 * with its own state folder, its own munged socket and key, and free ports, so that it
 * neither needs /etc/slurm nor disturbs a cluster someone else has started here.
 * Client commands find it through SLURM_CONF in `env`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const PROGRAMS = ['/usr/sbin/munged', '/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/bin/sbatch', '/usr/bin/squeue'];

/** Debian's slurm-wlm and munge, installed with apt-get when missing (the test runs as root in CI). */
export function ensureSlurmInstalled(): void {
  if (PROGRAMS.every((program) => existsSync(program))) return;
  const install = spawnSync(
    'sh',
    ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge'],
    { encoding: 'utf8' },
  );
  const missing = PROGRAMS.filter((program) => !existsSync(program));
  if (missing.length > 0)
    throw new Error(
      `the Slurm test needs Debian's slurm-wlm and munge (${missing.join(', ')} missing) and could not install them ` +
        `(apt-get install -y slurm-wlm munge, as root): ${(install.stderr || install.error?.message || '').trim().slice(-500)}`,
    );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface LocalSlurm {
  /** process.env plus SLURM_CONF: pass it to sbatch, squeue, scancel, scontrol. */
  env: NodeJS.ProcessEnv;
  stateDir: string;
  /** Cancel what is left in the queue, stop the three daemons (by pid file), remove the state folder. */
  stop(): void;
}

function daemon(program: string, args: string[], logFile: string): void {
  // The daemons fork and detach; their output goes to their log files.
  const started = spawnSync(program, args, { stdio: 'ignore' });
  if (started.status !== 0)
    throw new Error(
      `${program} ${args.join(' ')} exited ${started.status}: ${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-1000) : started.error?.message}`,
    );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function queued(env: NodeJS.ProcessEnv): boolean {
  const squeue = spawnSync('squeue', ['-h'], { env, encoding: 'utf8', timeout: 10_000 });
  return squeue.status === 0 && squeue.stdout.trim() !== '';
}

export async function startLocalSlurm(): Promise<LocalSlurm> {
  ensureSlurmInstalled();
  const stateDir = mkdtempSync(join(tmpdir(), 'clustersim-slurm-'));
  chmodSync(stateDir, 0o755); // munged wants its socket's folder searchable by all
  mkdirSync(join(stateDir, 'ctld'));
  mkdirSync(join(stateDir, 'd'));
  const at = (name: string) => join(stateDir, name);
  const pidFiles = [at('slurmd.pid'), at('slurmctld.pid'), at('munged.pid')];
  const env = { ...process.env, SLURM_CONF: at('slurm.conf') };

  const stop = () => {
    if (existsSync(at('slurmctld.pid'))) {
      // Jobs first (slurmd's step daemons kill their processes), then the daemons.
      spawnSync('scancel', ['--partition=main'], { env, stdio: 'ignore', timeout: 10_000 });
      for (let waited = 0; waited < 50 && queued(env); waited++) spawnSync('sleep', ['0.2']);
    }
    const pids = pidFiles.filter(existsSync).map((file) => Number(readFileSync(file, 'utf8').trim()));
    for (const pid of pids) if (pid > 0 && pidAlive(pid)) process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (pids.some((pid) => pid > 0 && pidAlive(pid)) && Date.now() < deadline) spawnSync('sleep', ['0.1']);
    rmSync(stateDir, { recursive: true, force: true });
  };

  try {
    writeFileSync(at('munge.key'), randomBytes(1024), { mode: 0o400 });
    daemon(
      '/usr/sbin/munged',
      [
        '--force', // as root
        `--socket=${at('munge.socket')}`,
        `--key-file=${at('munge.key')}`,
        `--log-file=${at('munged.log')}`,
        `--pid-file=${at('munged.pid')}`,
        `--seed-file=${at('munged.seed')}`,
      ],
      at('munged.log'),
    );

    const host = hostname().split('.')[0];
    const [controllerPort, nodePort] = [await freePort(), await freePort()];
    const memoryMiB = Math.floor((totalmem() / 2 ** 20) * 0.8);
    writeFileSync(
      at('slurm.conf'),
      [
        'ClusterName=clustersimtest',
        `SlurmctldHost=${host}(127.0.0.1)`,
        `SlurmctldPort=${controllerPort}`,
        `SlurmdPort=${nodePort}`,
        'AuthType=auth/munge',
        'CredType=cred/munge',
        `AuthInfo=socket=${at('munge.socket')}`,
        'ProctrackType=proctrack/linuxproc',
        'TaskPlugin=task/none',
        'JobAcctGatherType=jobacct_gather/none',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_Core',
        'SchedulerType=sched/builtin',
        'ReturnToService=2',
        `StateSaveLocation=${at('ctld')}`,
        `SlurmdSpoolDir=${at('d')}`,
        `SlurmctldPidFile=${at('slurmctld.pid')}`,
        `SlurmdPidFile=${at('slurmd.pid')}`,
        `SlurmctldLogFile=${at('slurmctld.log')}`,
        `SlurmdLogFile=${at('slurmd.log')}`,
        'SlurmUser=root',
        'MpiDefault=none',
        'MaxArraySize=10001',
        `NodeName=${host} NodeAddr=127.0.0.1 CPUs=2 RealMemory=${memoryMiB} State=UNKNOWN`,
        `PartitionName=main Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
        '',
      ].join('\n'),
    );
    daemon('/usr/sbin/slurmctld', ['-c', '-f', at('slurm.conf')], at('slurmctld.log'));
    daemon('/usr/sbin/slurmd', ['-f', at('slurm.conf')], at('slurmd.log'));

    for (let waitedMs = 0; ; waitedMs += 200) {
      const state = spawnSync('sinfo', ['-h', '-o', '%T'], { env, encoding: 'utf8' }).stdout ?? '';
      if (/idle|mix/.test(state)) break;
      if (waitedMs > 30_000)
        throw new Error(
          `the local Slurm node did not come up in 30 s (sinfo: ${state.trim() || 'no answer'}); slurmd.log: ` +
            (existsSync(at('slurmd.log')) ? readFileSync(at('slurmd.log'), 'utf8').slice(-1000) : 'none'),
        );
      await sleep(200);
    }
  } catch (error) {
    stop();
    throw error;
  }
  return { env, stateDir, stop };
}

/** Run a Slurm client command against the cluster; its stdout. */
export function slurm(cluster: LocalSlurm, command: string, args: string[], cwd?: string): string {
  return execFileSync(command, args, { env: cluster.env, cwd, encoding: 'utf8' });
}
