/**
 * Annual upgrading bookkeeping on hand-set flags, net worths and capabilities:
 * the classification of one firm-year, the December phase (depreciation, town
 * tallies with the year's exits, reset for next year) and the panel columns it feeds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualUpgrading,
  classifyFirmYear,
  closeUpgradingYear,
  UPGRADING_TALLY,
  UPGRADING_TALLY_FIELDS,
  upgradingYearAt,
  YEAR_CLASS,
} from '../../../sim/model/phases/upgrading.js';
import { annualPanel, panelRows } from '../../../sim/model/phases/annualPanel.js';
import { UPGRADE } from '../../../sim/state/firms.js';
import type { UpgradingParams } from '../../../sim/params.js';
import { addBareFirm, catalogueParams, observedSimulation, setTick } from './helpers.js';

const upgrading: UpgradingParams = {
  processCapabilityStep: 0.05,
  downgradeNetWorthFall: 0.25,
  machineDepreciationPerYear: 0.1,
};

describe('classifyFirmYear', () => {
  const quiet = (flags: number, overrides: Partial<Record<'c0' | 'c1' | 'w0' | 'w1', number>> = {}) => {
    const { c0 = 0.3, c1 = 0.3, w0 = 1000, w1 = 1000 } = overrides;
    return classifyFirmYear(flags, c0, c1, w0, w1, upgrading);
  };

  it('is 0 for a firm whose year set no flag and changed nothing', () => {
    expect(quiet(0)).toBe(0);
  });

  it('maps each upgrading flag to its type and marks the firm upgraded', () => {
    const cases: [number, number][] = [
      [UPGRADE.product, YEAR_CLASS.product],
      [UPGRADE.process, YEAR_CLASS.process],
      [UPGRADE.functional, YEAR_CLASS.functional],
      [UPGRADE.interSectoral, YEAR_CLASS.interSectoral],
      [UPGRADE.newBuyers, YEAR_CLASS.marketingLinkages],
      [UPGRADE.marketingLinkages, YEAR_CLASS.marketingLinkages],
    ];
    for (const [flag, type] of cases) expect(quiet(flag)).toBe(type | YEAR_CLASS.upgraded);
    expect(quiet(UPGRADE.product | UPGRADE.process)).toBe(
      YEAR_CLASS.product | YEAR_CLASS.process | YEAR_CLASS.upgraded,
    );
  });

  it('counts a capability rise of at least the step as process upgrading', () => {
    expect(quiet(0, { c0: 0.3, c1: 0.36 })).toBe(YEAR_CLASS.process | YEAR_CLASS.upgraded);
    expect(quiet(0, { c0: 0.25, c1: 0.5 })).toBe(YEAR_CLASS.process | YEAR_CLASS.upgraded);
    expect(quiet(0, { c0: 0.3, c1: 0.34 })).toBe(0);
    expect(quiet(0, { c0: 0.5, c1: 0.2 })).toBe(0);
    // A zero step still needs a rise.
    const noStep = { ...upgrading, processCapabilityStep: 0 };
    expect(classifyFirmYear(0, 0.3, 0.3, 1, 1, noStep)).toBe(0);
    expect(classifyFirmYear(0, 0.3, 0.31, 1, 1, noStep)).toBe(YEAR_CLASS.process | YEAR_CLASS.upgraded);
  });

  it('downgrades on a net-worth fall of at least the share from a positive start, or a dropped product', () => {
    expect(quiet(0, { w0: 1000, w1: 750 })).toBe(YEAR_CLASS.downgraded);
    expect(quiet(0, { w0: 1000, w1: -50 })).toBe(YEAR_CLASS.downgraded);
    expect(quiet(0, { w0: 1000, w1: 760 })).toBe(0);
    expect(quiet(0, { w0: 0, w1: -500 })).toBe(0);
    expect(quiet(0, { w0: -100, w1: -1000 })).toBe(0);
    expect(quiet(UPGRADE.droppedProduct)).toBe(YEAR_CLASS.downgraded);
    // Upgraded and downgraded in the same year.
    expect(quiet(UPGRADE.product, { w1: 100 })).toBe(YEAR_CLASS.product | YEAR_CLASS.upgraded | YEAR_CLASS.downgraded);
  });

  it('marks upgraded exactly when one of the five types is set, and downgraded only from net worth or a dropped product', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 127 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        (flags, c0, c1, w0, w1) => {
          const bits = classifyFirmYear(flags, c0, c1, w0, w1, upgrading);
          const types =
            YEAR_CLASS.product |
            YEAR_CLASS.process |
            YEAR_CLASS.functional |
            YEAR_CLASS.interSectoral |
            YEAR_CLASS.marketingLinkages;
          expect((bits & YEAR_CLASS.upgraded) !== 0).toBe((bits & types) !== 0);
          const fell = w0 > 0 && w0 - w1 >= 0.25 * w0;
          expect((bits & YEAR_CLASS.downgraded) !== 0).toBe(fell || (flags & UPGRADE.droppedProduct) !== 0);
          if (flags & UPGRADE.process) expect(bits & YEAR_CLASS.process).toBeTruthy();
        },
      ),
    );
  });
});

function december(townCount = 2) {
  const sim = observedSimulation(catalogueParams(townCount));
  setTick(sim, 11);
  return sim;
}

describe('closing the year in December', () => {
  it('depreciates machines, classifies firms, tallies towns (exits as downgraded) and resets for next year', () => {
    const sim = december();
    const f = sim.world.firms.cols;
    const start = (id: number, worth: number, capability: number) => {
      f.netWorthAtYearStart[id] = worth;
      f.capabilityAtYearStart[id] = capability;
    };
    // a: bought a machine (1000 book value) with cash; net worth 500 + 900 after depreciation vs 1500.
    const a = addBareFirm(sim, { town: 0, cash: 500, machineValue: 1000, capability: 0.3 });
    start(a, 1500, 0.3);
    f.upgradeFlags[a] = UPGRADE.process;
    // b: new product, new sector, capability up; net worth fell 40%.
    const b = addBareFirm(sim, { town: 0, cash: 700, debt: 100, capability: 0.5 });
    start(b, 1000, 0.4);
    f.upgradeFlags[b] = UPGRADE.product | UPGRADE.interSectoral;
    // c: dropped a product, nothing else.
    const c = addBareFirm(sim, { town: 1, cash: 1000, capability: 0.2 });
    start(c, 1000, 0.2);
    f.upgradeFlags[c] = UPGRADE.droppedProduct;
    // d: closed this year (not alive); e: closed in another town.
    const d = addBareFirm(sim, { town: 1, alive: false, machineValue: 200 });
    f.upgradeFlags[d] = UPGRADE.product;
    sim.host.events.push(
      { type: 'exit', tick: 3, firm: d, town: 1, ageMonths: 3, cash: 0, debt: 0, reason: 'losses' },
      { type: 'exit', tick: 11, firm: 99, town: 0, ageMonths: 50, cash: 0, debt: 0, reason: 'owner-gave-up' },
    );
    closeUpgradingYear(sim);

    expect(f.machineValue[a]).toBeCloseTo(900, 12);
    expect(f.machineValue[d]).toBe(200);
    const year = upgradingYearAt(sim.host, 11)!;
    expect(year).toBeDefined();
    expect(year.classes[a]).toBe(YEAR_CLASS.process | YEAR_CLASS.upgraded);
    expect(year.classes[b]).toBe(
      YEAR_CLASS.product | YEAR_CLASS.process | YEAR_CLASS.interSectoral | YEAR_CLASS.upgraded | YEAR_CLASS.downgraded,
    );
    expect(year.classes[c]).toBe(YEAR_CLASS.downgraded);
    expect(year.classes[d]).toBe(0);
    const tally = (town: number, field: number) => year.tally[town * UPGRADING_TALLY_FIELDS + field];
    expect(tally(0, UPGRADING_TALLY.product)).toBe(1);
    expect(tally(0, UPGRADING_TALLY.process)).toBe(2);
    expect(tally(0, UPGRADING_TALLY.interSectoral)).toBe(1);
    expect(tally(0, UPGRADING_TALLY.upgraded)).toBe(2);
    expect(tally(0, UPGRADING_TALLY.downgraded)).toBe(2); // b and the exit in December
    expect(tally(1, UPGRADING_TALLY.upgraded)).toBe(0);
    expect(tally(1, UPGRADING_TALLY.downgraded)).toBe(2); // c and d
    expect(tally(1, UPGRADING_TALLY.product)).toBe(0);

    expect([f.upgradeFlags[a], f.upgradeFlags[b], f.upgradeFlags[c]]).toEqual([0, 0, 0]);
    expect(f.netWorthAtYearStart[a]).toBeCloseTo(1400, 12);
    expect(f.netWorthAtYearStart[b]).toBe(600);
    expect(f.capabilityAtYearStart[b]).toBe(0.5);
  });

  it('counts only the exits since the previous December the next year', () => {
    const sim = december(1);
    sim.host.events.push({ type: 'exit', tick: 2, firm: 5, town: 0, ageMonths: 1, cash: 0, debt: 0, reason: 'losses' });
    closeUpgradingYear(sim);
    expect(upgradingYearAt(sim.host, 11)!.tally[UPGRADING_TALLY.downgraded]).toBe(1);
    sim.host.events.push({
      type: 'exit',
      tick: 20,
      firm: 6,
      town: 0,
      ageMonths: 1,
      cash: 0,
      debt: 0,
      reason: 'losses',
    });
    sim.host.events.push({
      type: 'exit',
      tick: 21,
      firm: 7,
      town: 0,
      ageMonths: 1,
      cash: 0,
      debt: 0,
      reason: 'losses',
    });
    setTick(sim, 23);
    closeUpgradingYear(sim);
    expect(upgradingYearAt(sim.host, 23)!.tally[UPGRADING_TALLY.downgraded]).toBe(2);
    expect(upgradingYearAt(sim.host, 11)).toBeUndefined();
  });

  it('runs as a phase in December only', () => {
    const sim = observedSimulation(catalogueParams(1));
    const f = sim.world.firms.cols;
    const id = addBareFirm(sim, { machineValue: 100 });
    f.upgradeFlags[id] = UPGRADE.product;
    for (let tick = 0; tick < 11; tick++) {
      setTick(sim, tick);
      annualUpgrading.run(sim);
    }
    expect(f.upgradeFlags[id]).toBe(UPGRADE.product);
    expect(f.machineValue[id]).toBe(100);
    setTick(sim, 11);
    annualUpgrading.run(sim);
    expect(f.upgradeFlags[id]).toBe(0);
    expect(f.machineValue[id]).toBeCloseTo(90, 12);
  });
});

describe('firm panel columns', () => {
  it('record products, machines, net worth, kin and the year’s upgrading before the reset', () => {
    const sim = december();
    const f = sim.world.firms.cols;
    const a = addBareFirm(sim, { town: 1, cash: 400, debt: 150, machineValue: 1000, products: 0b1011 });
    f.inHouse[a] = 0b101;
    f.exportSalesUnits[a] = 12.5;
    f.launches[a] = 3;
    f.copies[a] = 2;
    f.kinGroup[a] = 4;
    f.netWorthAtYearStart[a] = 2000;
    f.capabilityAtYearStart[a] = f.capability[a];
    f.upgradeFlags[a] = UPGRADE.product | UPGRADE.functional | UPGRADE.newBuyers;
    addBareFirm(sim, { town: 0, alive: false });
    const b = addBareFirm(sim, { town: 0, cash: 100 });
    f.netWorthAtYearStart[b] = 100;
    f.capabilityAtYearStart[b] = f.capability[b];
    annualUpgrading.run(sim);
    annualPanel.run(sim);
    const rows = panelRows(sim.host.panel);
    expect(sim.host.panel.rows).toBe(2);
    expect(Array.from(rows.firm)).toEqual([a, b]);
    expect(rows.products[0]).toBe(3);
    expect(rows.productsMask[0]).toBe(0b1011);
    expect(rows.inHouseProcesses[0]).toBe(2);
    expect(rows.machineValue[0]).toBeCloseTo(900, 12);
    expect(rows.debt[0]).toBe(150);
    expect(rows.netWorth[0]).toBeCloseTo(400 - 150 + 900, 12);
    expect(rows.exportSalesUnits[0]).toBe(12.5);
    expect([rows.launches[0], rows.copies[0], rows.kinGroup[0]]).toEqual([3, 2, 4]);
    const flags = (i: number) => [
      rows.upgradedProduct[i],
      rows.upgradedProcess[i],
      rows.upgradedFunctional[i],
      rows.upgradedInterSectoral[i],
      rows.upgradedMarketingLinkages[i],
      rows.upgraded[i],
      rows.downgraded[i],
    ];
    // a: net worth 1150 from 2000 is a 42.5% fall.
    expect(flags(0)).toEqual([1, 0, 1, 0, 1, 1, 1]);
    expect(flags(1)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // The flags were reset after the classification the panel shows.
    expect(f.upgradeFlags[a]).toBe(0);
  });

  it('refuses to write a December row when annual-upgrading has not closed the year', () => {
    const sim = december();
    addBareFirm(sim);
    expect(() => annualPanel.run(sim)).toThrow(/annual-upgrading/);
    setTick(sim, 5);
    expect(() => annualPanel.run(sim)).not.toThrow();
    expect(sim.host.panel.rows).toBe(0);
  });
});
