/** timeseries.csv header: the scenario's metric names, quoted where a process name needs it. */
import { describe, expect, it } from 'vitest';
import { timeseriesCsv } from '../../../analysis/output/timeseriesCsv.js';
import { metricNamesFor } from '../../../sim/observe.js';
import type { RunResult } from '../../../sim/runOne.js';
import { catalogueParams } from '../../sim/observers/helpers.js';

describe('timeseries.csv', () => {
  it('has a column per metric, vendors of each process named after it (quoted when it holds a comma)', () => {
    const base = catalogueParams(1, 1);
    const params = {
      ...base,
      processes: base.processes.map((p, k) => (k === 1 ? { ...p, name: 'boring, honing' } : p)),
    };
    const metricNames = metricNamesFor(params);
    const result = {
      params,
      ticks: 1,
      townNames: ['Alpha'],
      metricNames,
      metrics: new Float64Array(2 * metricNames.length),
    } as unknown as RunResult;
    const [header, alpha, all] = timeseriesCsv(result).trimEnd().split('\n');
    expect(header).toContain(',vendors.casting,"vendors.boring, honing",vendors.gear cutting,vendors,capabilityP10,');
    expect(header.startsWith('tick,year,month,town,firms,')).toBe(true);
    expect(alpha.split(',')).toHaveLength(4 + metricNames.length);
    expect(all.startsWith('0,2000,1,all,')).toBe(true);
  });
});
