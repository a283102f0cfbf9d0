/**
 * A sensitivity analysis as a sweep: the design over the factor intervals (drawn
 * from the master seed, so a resumed analysis redraws the same design), its plan,
 * and - once every run has a shard - the indices of each output.
 *
 * Outputs of a stochastic model: each design point's output is the mean over the
 * sweep file's replications. With seeds: common, replicate r uses the same random
 * numbers at every point, which removes most seed noise from the differences that
 * elementary effects and Sobol estimators take; with per-run seeds the noise shows
 * up as spurious main effects of every factor (an honest floor, but a higher one).
 */
import { writeFilesAtomically } from '../output/atomicWrite.js';
import { csvField, formatNumber, canonicalJson } from '../output/format.js';
import { morrisRows, saltelliRows, sampleMorris, sampleSaltelli } from '../sensitivity/sampling.js';
import { morrisEffects, type MorrisEffects } from '../sensitivity/morris.js';
import { sobolIndices, splitSaltelliOutputs, type SobolIndex } from '../sensitivity/sobol.js';
import { openStoreForReading } from './store/index.js';
import { planSweep, sweepSources } from './sweepPlan.js';
import { sweepProvenance } from './provenance.js';
import {
  pointFromValues,
  resolveSensitivityOutputs,
  sensitivityFactors,
  type SweepDefinition,
} from './sweepFile/index.js';
import type { KeepSpec } from './types.js';

export type SensitivityMethod = 'morris' | 'sobol';

export interface OutputIndices {
  output: string;
  metric: string;
  town: string;
  tick: number;
  morris?: MorrisEffects[];
  sobol?: SobolIndex[];
}

export interface SensitivityResult {
  method: SensitivityMethod;
  name: string;
  factors: { name: string; min: number; max: number }[];
  designPoints: number;
  replications: number;
  outputs: OutputIndices[];
  design: Record<string, unknown>;
}

export function sensitivityAnalysis(def: SweepDefinition, method: SensitivityMethod) {
  const factors = sensitivityFactors(def);
  const seed = `${def.masterSeed}`;
  const settings = def.sensitivity;
  const morrisSettings = { trajectories: 10, levels: 4, ...settings?.morris };
  const sobolSettings = { baseSamples: 64, bootstrap: 1000, confidence: 0.95, ...settings?.sobol };
  const morrisDesign =
    method === 'morris'
      ? sampleMorris(factors, {
          trajectories: morrisSettings.trajectories,
          gridLevels: morrisSettings.levels,
          candidates: morrisSettings.candidates,
          seed,
        })
      : undefined;
  const saltelliDesign = method === 'sobol' ? sampleSaltelli(factors, sobolSettings.baseSamples, seed) : undefined;
  const rows = morrisDesign ? morrisRows(morrisDesign) : saltelliRows(saltelliDesign!);
  const points = rows.map((values) => pointFromValues(def, values));

  // Keep exactly what the outputs read (the file's keep section is for plain sweeps).
  let outputs: ReturnType<typeof resolveSensitivityOutputs> | undefined;
  const keepFor = (params: Parameters<typeof resolveSensitivityOutputs>[1]): KeepSpec => {
    outputs ??= resolveSensitivityOutputs(def, params);
    const unique = <T>(items: T[]) => [...new Set(items)];
    return {
      metrics: unique(outputs.map((o) => o.metric)),
      towns: unique(outputs.map((o) => o.town)),
      sampleTicks: unique(outputs.map((o) => o.tick)).sort((a, b) => a - b),
    };
  };
  const plan = planSweep(def, points, keepFor);
  const { runKeyOf, ...sweepPlan } = plan;
  const design: Record<string, unknown> =
    method === 'morris'
      ? {
          kind: 'morris',
          trajectories: morrisDesign!.trajectories.length,
          gridLevels: morrisDesign!.gridLevels,
          delta: morrisDesign!.delta,
          candidates: morrisDesign!.candidates,
          selection: morrisDesign!.selection,
          spread: morrisDesign!.spread,
          seed,
          points: rows.length,
        }
      : { kind: 'saltelli', baseSamples: sobolSettings.baseSamples, seed, points: rows.length };

  return {
    plan: sweepPlan,
    provenance: (command: string) =>
      sweepProvenance({
        command,
        plan: sweepPlan,
        sources: sweepSources(def),
        design: { ...design, factors },
        startedAt: new Date().toISOString(),
      }),
    analyse(dir: string): SensitivityResult {
      const store = openStoreForReading(dir);
      const cache = new Map<string, ReturnType<typeof store.readShard>>();
      const shard = (key: string) => {
        let found = cache.get(key);
        if (!found) {
          found = store.readShard(key);
          cache.set(key, found);
        }
        return found;
      };
      const results: OutputIndices[] = outputs!.map((output) => {
        const y = runKeyOf.map((keys) => {
          let sum = 0;
          for (const key of keys) {
            const { samples } = shard(key);
            const t = samples.ticks.indexOf(output.tick);
            const town = samples.towns.indexOf(output.town);
            const m = samples.metrics.indexOf(output.metric);
            const value = samples.values[(t * samples.towns.length + town) * samples.metrics.length + m];
            sum += value ?? Number.NaN;
          }
          return sum / keys.length;
        });
        const names = factors.map((f) => f.name);
        return {
          output: output.label,
          metric: output.metric,
          town: output.town,
          tick: output.tick,
          ...(method === 'morris'
            ? { morris: morrisEffects(morrisDesign!, y) }
            : {
                sobol: sobolIndices(names, splitSaltelliOutputs(y, sobolSettings.baseSamples, factors.length), {
                  seed,
                  resamples: sobolSettings.bootstrap,
                  confidence: sobolSettings.confidence,
                }),
              }),
        };
      });
      return {
        method,
        name: def.name,
        factors,
        designPoints: rows.length,
        replications: def.replications,
        outputs: results,
        design,
      };
    },
    write(dir: string, result: SensitivityResult): string[] {
      return writeFilesAtomically(dir, {
        'sensitivity.json': `${canonicalJson(result, 2)}\n`,
        'sensitivity.csv': sensitivityCsv(result),
      });
    },
  };
}

/** One row per output and factor: morris mu, mu_star, sigma; sobol S1, ST and their interval ends. */
export function sensitivityCsv(result: SensitivityResult): string {
  const header =
    result.method === 'morris'
      ? ['output', 'factor', 'mu', 'mu_star', 'sigma']
      : ['output', 'factor', 's1', 's1_low', 's1_high', 'st', 'st_low', 'st_high'];
  const lines = [header.join(',')];
  for (const output of result.outputs) {
    for (const row of output.morris ?? [])
      lines.push([output.output, row.name, row.mu, row.muStar, row.sigma].map(field).join(','));
    for (const row of output.sobol ?? [])
      lines.push(
        [output.output, row.name, row.s1, row.s1Low, row.s1High, row.st, row.stLow, row.stHigh].map(field).join(','),
      );
  }
  return `${lines.join('\n')}\n`;
}

const field = (value: string | number) => (typeof value === 'number' ? formatNumber(value) : csvField(value));
