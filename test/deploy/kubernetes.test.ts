/**
 * deploy/kubernetes/*.yaml cannot run here (no Kubernetes): check that the manifests parse
 * and hang together - an Indexed Job whose --shard N equals its completions and parses as
 * the CLI's --shard, a ReadWriteMany claim shared with the merge Job at the same path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { shardFlag } from '../../bin/commands/sweep.js';
import { REPO_ROOT } from '../helpers/cli.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Kubernetes objects, checked field by field */
function manifests(name: string): any[] {
  const documents = parseAllDocuments(readFileSync(join(REPO_ROOT, 'deploy', 'kubernetes', name), 'utf8'));
  for (const document of documents) expect(document.errors, name).toEqual([]);
  return documents.map((document) => document.toJS());
}

const [claim, sweepJob] = manifests('clustersim-sweep-job.yaml');
const [mergeJob] = manifests('clustersim-merge-job.yaml');
const sweepContainer = sweepJob.spec.template.spec.containers[0];
const mergeContainer = mergeJob.spec.template.spec.containers[0];

const flag = (args: string[], name: string) => args[args.indexOf(name) + 1];

/** The folder a container path lies in, by the volume mounted there, as claimName:subpath. */
function onClaim(job: any, container: any, path: string): string {
  const mount = container.volumeMounts.find((m: any) => path.startsWith(`${m.mountPath}/`));
  const volume = job.spec.template.spec.volumes.find((v: any) => v.name === mount?.name);
  return `${volume?.persistentVolumeClaim?.claimName}:${path.slice(mount?.mountPath.length)}`;
}

describe('deploy/kubernetes', () => {
  it('clustersim-sweep-job.yaml is an Indexed Job running slice JOB_COMPLETION_INDEX of completions', () => {
    expect(claim).toMatchObject({ kind: 'PersistentVolumeClaim', spec: { accessModes: ['ReadWriteMany'] } });
    expect(sweepJob).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', spec: { completionMode: 'Indexed' } });
    const { completions, parallelism, backoffLimitPerIndex } = sweepJob.spec;
    expect(parallelism).toBeLessThanOrEqual(completions);
    expect(backoffLimitPerIndex).toBeGreaterThanOrEqual(1);
    expect(sweepJob.spec.template.spec.restartPolicy).toBe('Never');

    const args: string[] = sweepContainer.args;
    expect(sweepContainer.command).toEqual(['node', 'dist/bin/clustersim.js']);
    expect(args.slice(0, 2)).toEqual(['sweep', '/sweep/sweep.yaml']);
    expect(flag(args, '--shard')).toBe(`$(JOB_COMPLETION_INDEX)/${completions}`);
    for (const index of [0, completions - 1])
      expect(shardFlag(flag(args, '--shard').replace('$(JOB_COMPLETION_INDEX)', String(index)))).toEqual({
        index,
        count: completions,
      });
    expect(args).toContain('--quiet');
    expect(flag(args, '--workers')).toBe('$(CLUSTERSIM_WORKERS)');
    expect(sweepContainer.env.map((e: any) => e.name)).toContain('CLUSTERSIM_WORKERS');
    expect(onClaim(sweepJob, sweepContainer, flag(args, '--out'))).toBe(`${claim.metadata.name}:/sweep`);
  });

  it('clustersim-merge-job.yaml merges the same folder on the same claim with the same image', () => {
    const script: string = mergeContainer.args.join(' ');
    const outDir = flag(sweepContainer.args, '--out');
    expect(script).toContain(`clustersim.js results ${outDir} --merge`);
    expect(onClaim(mergeJob, mergeContainer, outDir)).toBe(`${claim.metadata.name}:/sweep`);
    expect(mergeContainer.image).toBe(sweepContainer.image);
  });
});
