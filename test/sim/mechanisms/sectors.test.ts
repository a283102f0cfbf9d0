/**
 * Customer sectors (docs/ODD.md §7.12; MODEL.md pattern 9): a collapse of one customer
 * sector - the jute mills of the Bangladesh seed ("the firm's products demand has
 * reduced extremely as the current situation of the jute industry is not good") -
 * lowers the sales of the firms serving it and downgrades them, and leaves the firms
 * serving other sectors alone.
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import { handBuilt, metric, product, quietWorld, town } from './helpers.js';

const IMPLEMENT = 0;
const BALING = 1;
const only = (name: string) => [
  { product: name === 'implement' ? 'baling' : 'implement', demandWeight: [{ year: 2000, value: 0 }] },
];

/**
 * Alpha buys farm implements (agriculture), Beta jute-baling parts; three firms serve
 * each. Beta's firms just break even, so a year of lost sales eats their net worth.
 */
function sectors(sectorDemandIndex: NonNullable<ScenarioInput['shocks']>['sectorDemandIndex']) {
  const params = quietWorld({
    towns: [town('Alpha', 100, { products: only('implement') }), town('Beta', 12, { products: only('baling') })],
    travel: { defaultHours: 10 },
    products: [product('implement', { sector: 'agriculture' }), product('baling', { sector: 'jute mills' })],
    shocks: { sectorDemandIndex },
  });
  const firms = [
    ...Array.from({ length: 3 }, () => ({ town: 0, products: [IMPLEMENT] })),
    ...Array.from({ length: 3 }, () => ({ town: 1, products: [BALING] })),
  ];
  const { sim, ids } = handBuilt(params, firms);
  const sales = ids.map(() => 0);
  for (let month = 0; month < 24; month++) {
    runMonths(sim, 1);
    if (month >= 12) ids.forEach((id, i) => (sales[i] += sim.world.firms.cols.salesUnits[id]));
  }
  return { sim, alphaSales: sales.slice(0, 3), betaSales: sales.slice(3) };
}

describe('a customer sector collapses (pattern 9)', () => {
  const juteCollapse = [
    {
      sector: 'jute mills',
      path: [
        { year: 2000.9, value: 1 },
        { year: 2001, value: 0.05 },
      ],
    },
  ];

  it('the firms serving the collapsing sector sell less; the others sell the same', () => {
    const shocked = sectors(juteCollapse);
    const calm = sectors([]);
    shocked.betaSales.forEach((sales, i) => expect(sales).toBeLessThan(0.2 * calm.betaSales[i]));
    expect(shocked.alphaSales).toEqual(calm.alphaSales);
    // Beta's demand for baling parts (town 1, product 1) is down to 5%.
    const balingDemand = (sim: typeof shocked.sim) => sim.world.townProducts.cols.demandUnits[1 * 2 + BALING];
    expect(balingDemand(shocked.sim)).toBeCloseTo(0.05 * balingDemand(calm.sim), 9);
  });

  it('the firms serving it are downgraded that year; the others are not', () => {
    const shocked = sectors(juteCollapse);
    const calm = sectors([]);
    const downgradedInDecember = (sim: typeof shocked.sim, row: number) => metric(sim, 23, row, 'downgradedFirms');
    expect(metric(shocked.sim, 22, 1, 'downgradedFirms')).toBe(0); // counted in December only
    expect(downgradedInDecember(shocked.sim, 1)).toBe(3);
    expect(downgradedInDecember(shocked.sim, 0)).toBe(0);
    expect(downgradedInDecember(calm.sim, 1)).toBe(0);
    expect(downgradedInDecember(calm.sim, 0)).toBe(0);
  });
});
