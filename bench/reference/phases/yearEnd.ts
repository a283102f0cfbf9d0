/**
 * December phases. Phase 15, annual-upgrading (sim/model/phases/upgrading.ts):
 * machines depreciate, each firm's year is classified from the flags it set and its
 * capability and net worth against the start of the year, the town tallies are
 * counted (plus the firms that closed during the year, as downgraded), and the year is
 * closed. Phase 16, annual-panel (sim/model/phases/annualPanel.ts): one row per firm
 * alive, in firm-id order.
 */
import {
  classifyFirmYear,
  netWorth,
  UPGRADING_TALLY,
  UPGRADING_TALLY_FIELDS,
  YEAR_CLASS,
} from '../../../sim/model/phases/upgrading.js';
import type { PanelColumnName } from '../../../sim/model/phases/annualPanel.js';
import { bitCount } from '../../../sim/model/rules/bits.js';
import type { Model } from '../model.js';

/** One firm in one December: the firm panel's columns (sim/model/phases/annualPanel.ts PANEL_COLUMNS). */
export type PanelRow = Record<PanelColumnName, number>;

const isDecember = (tick: number) => tick % 12 === 11;

export function annualUpgrading(model: Model): void {
  model.yearTally = null;
  if (!isDecember(model.tick)) return;
  const { upgrading } = model.params;
  const tally = model.towns.map(() => new Array<number>(UPGRADING_TALLY_FIELDS).fill(0));
  const keep = 1 - upgrading.machineDepreciationPerYear;
  for (const firm of model.firms) {
    if (!firm.alive) continue;
    firm.machineValue *= keep;
    const worth = netWorth(firm.cash, firm.debt, firm.machineValue);
    const bits = classifyFirmYear(
      firm.upgradeFlags,
      firm.capabilityAtYearStart,
      firm.capability,
      firm.netWorthAtYearStart,
      worth,
      upgrading,
    );
    firm.yearClass = bits;
    const row = tally[firm.town];
    if (bits & YEAR_CLASS.product) row[UPGRADING_TALLY.product] += 1;
    if (bits & YEAR_CLASS.process) row[UPGRADING_TALLY.process] += 1;
    if (bits & YEAR_CLASS.functional) row[UPGRADING_TALLY.functional] += 1;
    if (bits & YEAR_CLASS.interSectoral) row[UPGRADING_TALLY.interSectoral] += 1;
    if (bits & YEAR_CLASS.marketingLinkages) row[UPGRADING_TALLY.marketingLinkages] += 1;
    if (bits & YEAR_CLASS.upgraded) row[UPGRADING_TALLY.upgraded] += 1;
    if (bits & YEAR_CLASS.downgraded) row[UPGRADING_TALLY.downgraded] += 1;
    firm.upgradeFlags = 0;
    firm.netWorthAtYearStart = worth;
    firm.capabilityAtYearStart = firm.capability;
  }
  // Firms that closed during the year downgraded.
  model.towns.forEach((town) => {
    tally[town.index][UPGRADING_TALLY.downgraded] += model.exitsThisYear[town.index];
    model.exitsThisYear[town.index] = 0;
  });
  model.yearTally = tally;
}

const bit = (bits: number, mask: number): number => (bits & mask ? 1 : 0);

export function annualPanel(model: Model): void {
  const { tick } = model;
  if (!isDecember(tick)) return;
  const { startYear } = model.params;
  const calendarYear = startYear + Math.floor(tick / 12);
  for (const firm of model.firms) {
    if (!firm.alive) continue;
    const bits = firm.yearClass;
    model.panel.push({
      year: calendarYear,
      firm: firm.id,
      town: firm.town,
      parent: firm.parent,
      birthYear: startYear + Math.floor(firm.birthTick / 12),
      ageMonths: tick - firm.birthTick,
      headcount: firm.headcount,
      apprentices: firm.apprentices,
      meanSkill: firm.headcount > 0 ? firm.skillSum / firm.headcount : 0,
      capability: firm.capability,
      cash: firm.cash,
      salesUnits: firm.salesUnits,
      revenue: firm.revenue,
      profit: firm.profit,
      effort: firm.effort,
      utilisation: firm.utilisation,
      products: bitCount(firm.products),
      productsMask: firm.products >>> 0,
      inHouseProcesses: bitCount(firm.inHouse),
      machineValue: firm.machineValue,
      debt: firm.debt,
      netWorth: netWorth(firm.cash, firm.debt, firm.machineValue),
      exportSalesUnits: firm.exportSalesUnits,
      launches: firm.launches,
      copies: firm.copies,
      kinGroup: firm.kinGroup,
      upgradedProduct: bit(bits, YEAR_CLASS.product),
      upgradedProcess: bit(bits, YEAR_CLASS.process),
      upgradedFunctional: bit(bits, YEAR_CLASS.functional),
      upgradedInterSectoral: bit(bits, YEAR_CLASS.interSectoral),
      upgradedMarketingLinkages: bit(bits, YEAR_CLASS.marketingLinkages),
      upgraded: bit(bits, YEAR_CLASS.upgraded),
      downgraded: bit(bits, YEAR_CLASS.downgraded),
    });
  }
}
