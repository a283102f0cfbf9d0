/**
 * What a run keeps: the defaults (a documented set of level metrics, the all-towns
 * row, every December), `all` metrics, towns by name, and each way of choosing
 * sample months; the sensitivity outputs and their labels.
 */
import { describe, expect, it } from 'vitest';
import { metricNamesFor } from '../../../../sim/observe.js';
import { loadScenario } from '../../../../scenarios/load.js';
import { bundledScenarioNames } from '../../../../scenarios/compose.js';
import {
  DEFAULT_KEPT_METRICS,
  DEFAULT_SENSITIVITY_METRICS,
  resolveKeep,
  resolveSensitivityOutputs,
} from '../../../../analysis/experiments/sweepFile/index.js';
import { sweepFolder, TINY_SCENARIO } from './helpers.js';

const folder = sweepFolder();
folder.write('tiny.yaml', TINY_SCENARIO);
const params = loadScenario(`${folder.dir}/tiny.yaml`).params;
const sweep = (keep: string) => folder.parse(`scenario: tiny.yaml\nfactors: []\n${keep}`);

describe('resolveKeep', () => {
  it('defaults: the default metrics, the all-towns row, December of every year', () => {
    expect(resolveKeep(sweep(''), params)).toEqual({
      metrics: DEFAULT_KEPT_METRICS,
      towns: 'total',
      sampleTicks: [11, 23, 35, 47, 59],
    });
  });

  it('the default metrics and sensitivity outputs are reported by every bundled scenario', () => {
    for (const name of bundledScenarioNames()) {
      const known = metricNamesFor(loadScenario(name).params);
      expect([...DEFAULT_KEPT_METRICS, ...DEFAULT_SENSITIVITY_METRICS].filter((m) => !known.includes(m))).toEqual([]);
    }
  });

  it('all metrics, every town, every month', () => {
    const keep = resolveKeep(sweep('keep: { metrics: all, towns: all, samples: monthly }\n'), params);
    expect(keep.metrics).toEqual(metricNamesFor(params));
    expect(keep.towns).toBe('all');
    expect(keep.sampleTicks).toEqual(Array.from({ length: 60 }, (_, t) => t));
  });

  it('named towns (with the all-towns row), the last month, chosen years in order', () => {
    const keep = resolveKeep(
      sweep('keep:\n  metrics: [firms]\n  towns: [Beta, all]\n  samples: { years: [1993, 1990] }\n'),
      params,
    );
    expect(keep).toEqual({ metrics: ['firms'], towns: ['Beta', 'all'], sampleTicks: [11, 47] });
    expect(resolveKeep(sweep('keep: { samples: end }\n'), params).sampleTicks).toEqual([59]);
  });

  it('follows the horizon of the parameters it is given', () => {
    const longer = loadScenario(`${folder.dir}/tiny.yaml`, { years: 7 }).params;
    expect(resolveKeep(sweep('keep: { samples: end }\n'), longer).sampleTicks).toEqual([83]);
  });

  it('refuses a metric listed twice', () => {
    expect(() => resolveKeep(sweep('keep: { metrics: [firms, workers, firms] }\n'), params)).toThrow(
      /x\.yaml:3: keep\.metrics\[2\]: "firms" is listed twice$/,
    );
  });
});

describe('resolveSensitivityOutputs', () => {
  it('defaults to meanCapability, fullyIntegratedShare and firms in December of the last year, all towns', () => {
    const outputs = resolveSensitivityOutputs(sweep('sensitivity: {}\n'), params);
    expect(outputs).toEqual(
      DEFAULT_SENSITIVITY_METRICS.map((metric) => ({ metric, town: 'all', tick: 59, label: `${metric} 1994` })),
    );
  });

  it('resolves a town and a year, labelled for tables', () => {
    const def = sweep(
      'sensitivity:\n  outputs:\n    - { metric: firms, town: Alpha, year: 1991 }\n    - { metric: firms }\n',
    );
    expect(resolveSensitivityOutputs(def, params)).toEqual([
      { metric: 'firms', town: 'Alpha', tick: 23, label: 'firms Alpha 1991' },
      { metric: 'firms', town: 'all', tick: 59, label: 'firms 1994' },
    ]);
  });

  it('refuses an unknown metric or town in an output', () => {
    expect(() =>
      resolveSensitivityOutputs(sweep('sensitivity:\n  outputs:\n    - { metric: firmz }\n'), params),
    ).toThrow(/x\.yaml:5: sensitivity\.outputs\[0\]\.metric: unknown metric "firmz" \(did you mean "firms"\?\)/);
    expect(() =>
      resolveSensitivityOutputs(sweep('sensitivity:\n  outputs:\n    - { metric: firms, town: Gamma }\n'), params),
    ).toThrow(
      /x\.yaml:5: sensitivity\.outputs\[0\]\.town: unknown town "Gamma"; expected all or a town of tiny: Alpha, Beta$/,
    );
  });
});
