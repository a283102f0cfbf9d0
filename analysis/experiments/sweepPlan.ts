/**
 * A sweep file's plan: design points -> resolved parameters (memoised, so a design
 * that repeats a point loads it once) -> runs with keys and seeds; and the sweep's
 * provenance (files with hashes, the design as data). Shared by `clustersim sweep`
 * and `clustersim sensitivity`, which differ only in how the points are drawn.
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../scenarios/load.js';
import { canonicalJson } from '../output/format.js';
import { planRuns, type PlannedPoint } from './plan.js';
import { codeVersion } from './runKey.js';
import { sha256Of } from './provenance.js';
import type { KeepSpec } from './types.js';
import { factorColumns, pointParams, resolveKeep, type DesignPoint, type SweepDefinition } from './sweepFile/index.js';

/** `keepFor` replaces the file's keep section (sensitivity keeps exactly the outputs it reads). */
export function planSweep(
  def: SweepDefinition,
  points: readonly DesignPoint[],
  keepFor: (params: PlannedPoint['params']) => KeepSpec = (params) => resolveKeep(def, params),
) {
  const paramsByPoint = new Map<string, PlannedPoint['params']>();
  const planned: PlannedPoint[] = points.map((point) => {
    const memoKey = canonicalJson({ policies: point.policies, set: point.set });
    let params = paramsByPoint.get(memoKey);
    if (!params) {
      params = pointParams(def, point);
      paramsByPoint.set(memoKey, params);
    }
    return { params, factors: point.factors, keep: keepFor(params) };
  });
  return planRuns({
    name: def.name,
    factors: factorColumns(def),
    points: planned,
    replications: def.replications,
    masterSeed: def.masterSeed,
    seedRule: def.seedRule,
    codeVersion: codeVersion(),
  });
}

/** The files a sweep was built from: the sweep file, then the base scenario's chain and policy files. */
export function sweepSources(def: SweepDefinition): { role: string; file: string; sha256: string }[] {
  const base = loadScenario(def.scenario, { policies: def.policies, set: def.set, years: def.years });
  return [
    { role: 'sweep', file: def.file, sha256: sha256Of(readFileSync(def.file)) },
    ...base.sources.map((source) => ({ ...source })),
  ];
}
