/**
 * Start a worker thread on a module next to the caller, loading the same code as the
 * main thread: `<name>.js` from a build, or - when the caller itself runs from .ts
 * sources (tests under vitest, scripts under tsx) - `<name>.ts` through tsx's ESM
 * hooks. Node 20 does not apply `--import tsx` from a Worker's execArgv to the
 * worker's entry module, so from source the entry is a small bootstrap script.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startModuleWorker(callerUrl: string, relativeName: string, options: WorkerOptions): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`${relativeName}.js`, callerUrl), options);
  const entry = JSON.stringify(new URL(`${relativeName}.ts`, callerUrl).href);
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
