/**
 * Upgrading bookkeeping (docs/ODD.md §7.18; Bangladesh seed after Humphrey & Schmitz):
 * the events of a year set a firm's upgrading types, counted in December - a new
 * product launched (product and functional upgrading; inter-sectoral when it serves a
 * new customer sector), an incremental design or a copy (product), a machine bought
 * (process), exhibiting a fresh design at a fair (marketing linkages).
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import type { Simulation } from '../../../sim/simulation.js';
import { handBuilt, metric, OUT_OF_REACH, process, product, quietWorld, town, withoutMachines } from './helpers.js';

const DECEMBER = 11;
const TYPES = [
  'upgradedProduct',
  'upgradedProcess',
  'upgradedFunctional',
  'upgradedInterSectoral',
  'upgradedMarketingLinkages',
  'upgradedFirms',
  'downgradedFirms',
] as const;

/** The December tallies of town 0 in the first year. */
function december(sim: Simulation): Record<(typeof TYPES)[number], number> {
  return Object.fromEntries(TYPES.map((name) => [name, metric(sim, DECEMBER, 0, name)])) as Record<
    (typeof TYPES)[number],
    number
  >;
}

/** No capability change over the year, so that process upgrading comes from machines only. */
const noLearning = { capability: { effortLearningPerMonth: 0, productionLearningPerMonth: 0 } };

/** A plough maker (capability 0.6) that can reverse-engineer threshers, serving a new sector. */
function designer(innovation: NonNullable<ScenarioInput['innovation']>, extra: Partial<ScenarioInput> = {}) {
  const params = quietWorld({
    ...noLearning,
    products: [
      product('plough', { complexity: 0.1, sector: 'agriculture' }),
      product('sheller', { complexity: 0.5, sector: 'agro-processing' }),
    ],
    innovation: { priorImitationLagMonths: 12, noveltyMarkup: 0.3, designShareOfProfit: 0.2, ...innovation },
    ...extra,
  });
  const { sim } = handBuilt(params, [{ capability: 0.6, cash: 1e5, products: [0] }]);
  runMonths(sim, 12);
  return december(sim);
}

describe('upgrading types counted in December', () => {
  it('a new-product launch is product, functional and (new sector) inter-sectoral upgrading; no launch, none', () => {
    const launched = designer({ productDesignCost: 5000 });
    const idle = designer({ productDesignCost: OUT_OF_REACH });
    expect(launched).toMatchObject({
      upgradedProduct: 1,
      upgradedFunctional: 1,
      upgradedInterSectoral: 1,
      upgradedFirms: 1,
    });
    expect(launched.upgradedProcess).toBe(0);
    expect(idle).toMatchObject({
      upgradedProduct: 0,
      upgradedFunctional: 0,
      upgradedInterSectoral: 0,
      upgradedFirms: 0,
    });
  });

  it('an incremental design is product upgrading only', () => {
    const incremental = designer({ productDesignCost: OUT_OF_REACH, incrementalDesignCost: 2000 });
    expect(incremental).toMatchObject({ upgradedProduct: 1, upgradedFunctional: 0, upgradedInterSectoral: 0 });
  });

  it('a machine bought is process upgrading', () => {
    const buyer = (demand: number) => {
      const params = quietWorld({
        ...noLearning,
        towns: [town('Alpha', demand)],
        processes: [process('casting')],
        products: [product('pump', { processes: ['casting'] })],
        vendors: { paybackMonths: 36, secondHandDiscount: 0 },
        policies: [
          {
            kind: 'commonFacility',
            startYear: 2000,
            processes: ['casting'],
            priceShareOfVendor: 3,
            courseSeatsPerYear: 0,
          },
        ],
      });
      const { sim, ids } = handBuilt(params, [{ cash: 1e5 }]);
      withoutMachines(sim, ids[0]);
      runMonths(sim, 12);
      return december(sim);
    };
    expect(buyer(40)).toMatchObject({ upgradedProcess: 1, upgradedProduct: 0, upgradedFirms: 1 });
    expect(buyer(5)).toMatchObject({ upgradedProcess: 0, upgradedFirms: 0 });
  });

  it('exhibiting a fresh design at a fair is a marketing linkage', () => {
    const fair: NonNullable<ScenarioInput['policies']> = [
      { kind: 'tradeFair', startYear: 2000, month: 10, reachHours: 1 },
    ];
    const exhibited = designer({ productDesignCost: 5000 }, { policies: fair });
    const notExhibited = designer({ productDesignCost: 5000 });
    expect(exhibited.upgradedMarketingLinkages).toBe(1);
    expect(notExhibited.upgradedMarketingLinkages).toBe(0);
  });
});
