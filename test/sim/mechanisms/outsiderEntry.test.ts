/**
 * Entry by outsiders (docs/ODD.md §7.6): founders from outside the cluster (traders,
 * migrants) open workshops with no parent firm, `entry.outsiderEntriesPerTownPerYear`
 * a town a year on average; off by default. The Punjab seed's entry is mostly by
 * spin-offs ("later followed by proliferation of new entrepreneurs trained within the
 * small-scale sector itself", §4.3), so outsiders exist to make that share measurable.
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import { WORKER_STATUS } from '../../../sim/state/workers.js';
import { poissonAt } from '../../../sim/model/phases/spinOffEntry.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import { eventsOf, handBuilt, metricSum, product, process, quietWorld, town } from './helpers.js';

/** Two towns, two firms each, outsiders at `rate` a town a year; `months` months run. */
function world(rate: number, months = 36, extra: Partial<ScenarioInput> = {}, seed = 1) {
  const params = quietWorld({
    years: Math.ceil(months / 12),
    towns: [
      town('Alpha', 100, { initialCapability: { min: 0.2, max: 0.3 }, initialSkill: { min: 0.4, max: 0.5 } }),
      town('Beta', 100),
    ],
    entry: { spinOffProbabilityPerMonth: 0, outsiderEntriesPerTownPerYear: rate, entryCapital: 3000 },
    ...extra,
  });
  const { sim } = handBuilt(params, [{ town: 0 }, { town: 0 }, { town: 1 }, { town: 1 }], seed);
  runMonths(sim, months);
  return sim;
}

describe('outsider entry', () => {
  it('is off by default: no entry without spin-offs', () => {
    const sim = world(0);
    expect(eventsOf(sim, 'entry')).toHaveLength(0);
  });

  it('opens workshops with no parent firm, at about the given rate, in every town', () => {
    const sim = world(4, 60);
    const entries = eventsOf(sim, 'entry');
    // 4 a town a year, 2 towns, 5 years: 40 expected.
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.length).toBeLessThan(65);
    for (const entry of entries) expect(entry.parent).toBe(-1);
    expect(new Set(entries.map((entry) => entry.town))).toEqual(new Set([0, 1]));
    // The entries metric counts them like spin-offs.
    expect(metricSum(sim, 2, 'entries', 0, 60)).toBe(entries.length);
  });

  it('gives the founder a new worker, the owner, and capability and skill from the town’s founding ranges', () => {
    const sim = world(6, 48);
    const entries = eventsOf(sim, 'entry').filter((entry) => entry.town === 0);
    expect(entries.length).toBeGreaterThan(0);
    const f = sim.world.firms.cols;
    const w = sim.world.workers.cols;
    for (const entry of entries) {
      expect(f.owner[entry.firm]).toBe(entry.founder);
      expect(w.town[entry.founder]).toBe(0);
      expect(w.trainedAt[entry.founder]).toBe(-1);
      // Capability at birth is the draw; later learning only raises it (no spillovers, no effort here).
      expect(f.capability[entry.firm]).toBeGreaterThanOrEqual(0.2);
      expect(entry.products.length).toBe(1);
    }
    const alive = entries.filter((entry) => f.alive[entry.firm] === 1);
    for (const entry of alive) {
      expect(w.employer[entry.founder]).toBe(entry.firm);
      expect(w.status[entry.founder]).toBe(WORKER_STATUS.owner);
    }
  });

  it('buys the machines its product needs where the town has no vendor, and counts the capital brought', () => {
    const sim = world(6, 24, {
      processes: [process('casting', { minEfficientScaleUnitsPerMonth: 1e6, machineCost: 2000 })],
      products: [product('pump', { processes: ['casting'] })],
    });
    const entries = eventsOf(sim, 'entry');
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.machinesBought).toEqual([0]);
    expect(sim.host.accounts.equityInjected).toBeGreaterThanOrEqual(3000 * entries.length);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const ticks = (seed: number) => eventsOf(world(4, 48, {}, seed), 'entry').map((e) => `${e.tick}:${e.town}`);
    expect(ticks(1)).toEqual(ticks(1));
    expect(ticks(1)).not.toEqual(ticks(2));
  });

  it('draws Poisson counts by inversion', () => {
    expect(poissonAt(0.5, 0)).toBe(0);
    expect(poissonAt(Math.exp(-0.5) - 1e-9, 0.5)).toBe(0);
    expect(poissonAt(Math.exp(-0.5) + 1e-9, 0.5)).toBe(1);
    let total = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) total += poissonAt((i + 0.5) / n, 2);
    expect(total / n).toBeCloseTo(2, 2);
  });
});
