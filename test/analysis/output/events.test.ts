/**
 * events.jsonl: every recorded event, in order, with calendar fields and town names;
 * entry and exit counts agree with the metric columns tick by tick.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenarios/load.js';
import { runOne, type RunResult } from '../../../sim/runOne.js';
import { eventsJsonl } from '../../../analysis/output/eventsJsonl.js';
import { metricAt } from '../../helpers/world.js';

interface EventLine {
  type: string;
  tick: number;
  year: number;
  month: number;
  firm: number;
  town: number;
  townName: string;
  [key: string]: unknown;
}

function parse(text: string): EventLine[] {
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as EventLine);
}

describe('events.jsonl on the default scenario (full horizon)', () => {
  let result: RunResult;
  let events: EventLine[];
  beforeAll(async () => {
    // The full horizon (a fraction of a second): the first spin-offs come after a few years.
    const { params } = loadScenario('punjab-farm-equipment');
    result = await runOne({ params, seed: 11, threads: 1 });
    events = parse(eventsJsonl(result));
  });

  it('has one line per recorded event, entries and exits among them', () => {
    expect(events).toHaveLength(result.events.length);
    expect(events.filter((e) => e.type === 'entry').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'exit').length).toBeGreaterThan(0);
  });

  it('starts every line with type, tick, year, month and names the town after its index', () => {
    const { startYear } = result.params;
    for (const event of events) {
      expect(Object.keys(event).slice(0, 4)).toEqual(['type', 'tick', 'year', 'month']);
      expect(event.year).toBe(startYear + Math.floor(event.tick / 12));
      expect(event.month).toBe((event.tick % 12) + 1);
      expect(event.month).toBeGreaterThanOrEqual(1);
      expect(event.month).toBeLessThanOrEqual(12);
      // Policy events name a list of towns instead of one.
      if (!('town' in event)) continue;
      expect(event.townName).toBe(result.townNames[event.town]);
      const keys = Object.keys(event);
      expect(keys.indexOf('townName')).toBe(keys.indexOf('town') + 1);
    }
  });

  it('names products and processes after the scenario catalogue', () => {
    const products = result.params.products.map((product) => product.name);
    const processes = result.params.processes.map((process) => process.name);
    for (const event of events) {
      if (typeof event.product === 'number') expect(event.productName).toBe(products[event.product]);
      if (typeof event.process === 'number') expect(event.processName).toBe(processes[event.process]);
      if (Array.isArray(event.products)) {
        expect(event.productNames).toEqual((event.products as number[]).map((p) => products[p]));
      }
    }
  });

  it('gives each entry a parent older than the new firm and a tick within the horizon', () => {
    for (const event of events.filter((e) => e.type === 'entry')) {
      expect(event.parent as number).toBeLessThan(event.firm);
      expect(event.tick).toBeGreaterThanOrEqual(0);
      expect(event.tick).toBeLessThan(result.ticks);
      expect(typeof event.founder).toBe('number');
    }
    for (const event of events.filter((e) => e.type === 'exit')) {
      expect(event.tick).toBeLessThan(result.ticks);
      expect(event.ageMonths as number).toBeGreaterThanOrEqual(0);
      expect(typeof event.cash).toBe('number');
    }
  });

  it('lists events in non-decreasing tick order', () => {
    for (let i = 1; i < events.length; i++) expect(events[i].tick).toBeGreaterThanOrEqual(events[i - 1].tick);
  });

  it('has as many entry and exit events in each tick as the all-towns entries and exits metrics', () => {
    const allTowns = result.townNames.length;
    const perTick = (type: string) => {
      const counts = new Array<number>(result.ticks).fill(0);
      for (const event of events) if (event.type === type) counts[event.tick] += 1;
      return counts;
    };
    const entries = perTick('entry');
    const exits = perTick('exit');
    for (let tick = 0; tick < result.ticks; tick++) {
      expect(entries[tick]).toBe(metricAt(result, tick, allTowns, 'entries'));
      expect(exits[tick]).toBe(metricAt(result, tick, allTowns, 'exits'));
    }
  });

  it('agrees with the entries and exits metrics town by town', () => {
    result.townNames.forEach((name, town) => {
      const inTown = events.filter((e) => e.townName === name);
      let entries = 0;
      let exits = 0;
      for (let tick = 0; tick < result.ticks; tick++) {
        entries += metricAt(result, tick, town, 'entries');
        exits += metricAt(result, tick, town, 'exits');
      }
      expect(inTown.filter((e) => e.type === 'entry')).toHaveLength(entries);
      expect(inTown.filter((e) => e.type === 'exit')).toHaveLength(exits);
    });
  });
});

describe('events.jsonl writer', () => {
  const townNames = ['Alpha', 'Beta "B"'];
  const params = {
    startYear: 1990,
    products: [{ name: 'pump' }, { name: 'rotary cultivator' }],
    processes: [{ name: 'casting' }, { name: 'gear cutting' }],
  } as RunResult['params'];

  it('passes an unknown event type through, with calendar fields and names for town fields', () => {
    const events = [
      { type: 'entry', tick: 0, firm: 3, town: 1, parent: 0, founder: 17 },
      { type: 'vendor-move', tick: 23, vendor: 2, fromTown: 0, toTown: 1, lags: [1, 2.5] },
      { type: 'policy-start', tick: 24, policy: 'credit', share: 1 / 3 },
    ] as unknown as RunResult['events'];
    const lines = eventsJsonl({ events, townNames, params }).split('\n');
    expect(lines).toEqual([
      '{"type":"entry","tick":0,"year":1990,"month":1,"firm":3,"town":1,"townName":"Beta \\"B\\"","parent":0,"founder":17}',
      '{"type":"vendor-move","tick":23,"year":1991,"month":12,"vendor":2,"fromTown":0,"fromTownName":"Alpha","toTown":1,"toTownName":"Beta \\"B\\"","lags":[1,2.5]}',
      '{"type":"policy-start","tick":24,"year":1992,"month":1,"policy":"credit","share":0.3333333333}',
      '',
    ]);
  });

  it('rounds numbers to 10 significant digits like the CSV writers and writes non-finite numbers as null', () => {
    const events = [
      { type: 'exit', tick: 5, firm: 1, town: 0, ageMonths: 5, cash: 1234.5678901234, debt: Infinity },
    ] as unknown as RunResult['events'];
    expect(eventsJsonl({ events, townNames, params })).toBe(
      '{"type":"exit","tick":5,"year":1990,"month":6,"firm":1,"town":0,"townName":"Alpha","ageMonths":5,"cash":1234.56789,"debt":null}\n',
    );
  });

  it('names products and processes of the catalogue after their indices, lists of indices too', () => {
    const events = [
      {
        type: 'entry',
        tick: 2,
        firm: 4,
        town: 0,
        parent: 1,
        founder: 9,
        kinHelpers: 2,
        products: [1, 0],
        machinesBought: [1],
      },
      { type: 'invest', tick: 3, firm: 4, town: 0, process: 0, cost: 500 },
      {
        type: 'copy',
        tick: 14,
        design: 3,
        firm: 5,
        town: 1,
        product: 1,
        originator: 2,
        originTown: 0,
        lagMonths: 11,
        firstLocal: false,
        originatorRent: 0,
      },
      { type: 'policy-start', tick: 24, policy: 0, name: 'facility', kind: 'commonFacility', towns: [1] },
      { type: 'vendor-entry', tick: 25, vendor: 0, town: 1, process: 7, design: -1 },
    ] as unknown as RunResult['events'];
    const lines = eventsJsonl({ events, townNames, params }).trimEnd().split('\n');
    expect(lines).toEqual([
      '{"type":"entry","tick":2,"year":1990,"month":3,"firm":4,"town":0,"townName":"Alpha","parent":1,"founder":9,"kinHelpers":2,"products":[1,0],"productNames":["rotary cultivator","pump"],"machinesBought":[1],"machinesBoughtNames":["gear cutting"]}',
      '{"type":"invest","tick":3,"year":1990,"month":4,"firm":4,"town":0,"townName":"Alpha","process":0,"processName":"casting","cost":500}',
      '{"type":"copy","tick":14,"year":1991,"month":3,"design":3,"firm":5,"town":1,"townName":"Beta \\"B\\"","product":1,"productName":"rotary cultivator","originator":2,"originTown":0,"originTownName":"Alpha","lagMonths":11,"firstLocal":false,"originatorRent":0}',
      '{"type":"policy-start","tick":24,"year":1992,"month":1,"policy":0,"name":"facility","kind":"commonFacility","towns":[1],"townNames":["Beta \\"B\\""]}',
      '{"type":"vendor-entry","tick":25,"year":1992,"month":2,"vendor":0,"town":1,"townName":"Beta \\"B\\"","process":7,"processName":null,"design":-1}',
    ]);
  });

  it('writes an empty file when nothing happened', () => {
    expect(eventsJsonl({ events: [], townNames, params })).toBe('');
  });
});
