/**
 * Phase: the yearly firm panel. In December (tick % 12 === 11), after exits and
 * hires and after annual-upgrading, append one row per firm still alive to growable
 * typed-array columns held on the host (`host.panel`) - no object per firm-year, so
 * a national run (60,000 firms x 40 years) costs a few flat columns and a row count.
 *
 * Timing within the month: `headcount`, `apprentices` and `meanSkill` are gathered
 * mid-month by gather-workforce, so they are as of the month's production (this
 * month's hires and the staff of firms closing now are not in them); `capability`,
 * `cash`, `debt`, sales, revenue, profit, effort, utilisation and export sales are
 * end-of-month values set by the market kernel (December's flows). `machineValue`
 * and `netWorth` (cash - debt + machine value) are after this December's
 * depreciation. `products` and `inHouseProcesses` count the bits of the firm's
 * product mask and machines-owned mask (`productsMask` is the mask itself, bit p =
 * product p of the catalogue); `launches` and `copies` are counts over the firm's
 * life. The last seven columns are the firm's upgrading classification for the
 * calendar year (0/1), computed by annual-upgrading (sim/model/phases/upgrading.ts)
 * from the flags the year set, before it resets them.
 */
import type { Phase } from '../../simulation.js';
import { HEADER } from '../../state/header.js';
import { bitCount } from '../rules/bits.js';
import { netWorth, upgradingYearAt, YEAR_CLASS } from './upgrading.js';

/** Panel columns in output order; `town` is the town index (the writer prints its name). */
export const PANEL_COLUMNS = {
  year: 'i32',
  firm: 'i32',
  town: 'i32',
  parent: 'i32',
  birthYear: 'i32',
  ageMonths: 'i32',
  headcount: 'i32',
  apprentices: 'i32',
  meanSkill: 'f64',
  capability: 'f64',
  cash: 'f64',
  salesUnits: 'f64',
  revenue: 'f64',
  profit: 'f64',
  effort: 'f64',
  utilisation: 'f64',
  products: 'i32',
  productsMask: 'f64',
  inHouseProcesses: 'i32',
  machineValue: 'f64',
  debt: 'f64',
  netWorth: 'f64',
  exportSalesUnits: 'f64',
  launches: 'i32',
  copies: 'i32',
  kinGroup: 'i32',
  upgradedProduct: 'i32',
  upgradedProcess: 'i32',
  upgradedFunctional: 'i32',
  upgradedInterSectoral: 'i32',
  upgradedMarketingLinkages: 'i32',
  upgraded: 'i32',
  downgraded: 'i32',
} as const;
export type PanelColumnName = keyof typeof PANEL_COLUMNS;
export type PanelColumns = {
  [K in PanelColumnName]: (typeof PANEL_COLUMNS)[K] extends 'i32' ? Int32Array : Float64Array;
};
export const PANEL_COLUMN_NAMES = Object.keys(PANEL_COLUMNS) as PanelColumnName[];

/** Growable columns: rows [0, rows) are filled; capacity is the columns' length. */
export interface FirmPanel {
  rows: number;
  cols: PanelColumns;
}

function allocate(capacity: number, previous?: PanelColumns, rows = 0): PanelColumns {
  const cols = {} as Record<PanelColumnName, Int32Array | Float64Array>;
  for (const name of PANEL_COLUMN_NAMES) {
    const column = PANEL_COLUMNS[name] === 'i32' ? new Int32Array(capacity) : new Float64Array(capacity);
    if (previous) column.set(previous[name].subarray(0, rows));
    cols[name] = column;
  }
  return cols as PanelColumns;
}

export function createFirmPanel(capacity = 1024): FirmPanel {
  return { rows: 0, cols: allocate(capacity) };
}

/** The most rows a panel is sized for up front (~770 MB of columns, reserved rather than resident). */
export const MAX_PRESIZED_PANEL_ROWS = 4_000_000;

/**
 * Rows to size a run's panel for at the start: the founding firms in every December of
 * the run, as if the firm count held (at least 1,024, at most MAX_PRESIZED_PANEL_ROWS).
 * Zero-filled columns are only resident where rows are written, so sizing up front
 * costs no memory until used, while each doubling copies every column and holds the
 * old and new copies at once (at 2.4 million rows, a national run's, about 0.5 GB
 * more at the peak). A run whose firm count grows past it still doubles.
 */
export function presizedPanelRows(initialFirms: number, years: number): number {
  return Math.min(MAX_PRESIZED_PANEL_ROWS, Math.max(1024, initialFirms * years));
}

/** Make room for `extra` more rows, doubling capacity (amortised O(1) per row). */
export function reservePanelRows(panel: FirmPanel, extra: number): void {
  const needed = panel.rows + extra;
  let capacity = panel.cols.year.length;
  if (needed <= capacity) return;
  while (capacity < needed) capacity = Math.max(1024, capacity * 2);
  panel.cols = allocate(capacity, panel.cols, panel.rows);
}

/** The filled rows as fixed-length views (no copy). */
export function panelRows(panel: FirmPanel): PanelColumns {
  const out = {} as Record<PanelColumnName, Int32Array | Float64Array>;
  for (const name of PANEL_COLUMN_NAMES) out[name] = panel.cols[name].subarray(0, panel.rows);
  return out as PanelColumns;
}

const bit = (bits: number, mask: number): number => (bits & mask ? 1 : 0);

export const annualPanel: Phase = {
  name: 'annual-panel',
  run({ world, host }) {
    const tick = world.header[HEADER.tick];
    if (tick % 12 !== 11) return;
    const year = upgradingYearAt(host, tick);
    if (!year) throw new Error('annual-panel: annual-upgrading must run earlier in the same December (sim/step.ts)');
    const classes = year.classes;
    const firmCount = world.header[HEADER.firmCount];
    const { startYear } = world.params;
    const calendarYear = startYear + Math.floor(tick / 12);
    const panel = host.panel;
    const f = world.firms.cols;
    const { alive, town, parent, birthTick, headcount, apprentices, skillSum } = f;
    // Room for the firms alive, not every id ever handed out: after decades of entry and
    // exit the latter can be several times the former and force a needless doubling.
    let aliveCount = 0;
    for (let id = 0; id < firmCount; id++) aliveCount += alive[id];
    reservePanelRows(panel, aliveCount);
    const p = panel.cols;
    const { capability, cash, salesUnits, revenue, profit, effort, utilisation } = f;
    const { products, inHouse, machineValue, debt, exportSalesUnits, launches, copies, kinGroup } = f;
    let row = panel.rows;
    for (let id = 0; id < firmCount; id++) {
      if (alive[id] === 0) continue;
      const staff = headcount[id];
      p.year[row] = calendarYear;
      p.firm[row] = id;
      p.town[row] = town[id];
      p.parent[row] = parent[id];
      p.birthYear[row] = startYear + Math.floor(birthTick[id] / 12);
      p.ageMonths[row] = tick - birthTick[id];
      p.headcount[row] = staff;
      p.apprentices[row] = apprentices[id];
      p.meanSkill[row] = staff > 0 ? skillSum[id] / staff : 0;
      p.capability[row] = capability[id];
      p.cash[row] = cash[id];
      p.salesUnits[row] = salesUnits[id];
      p.revenue[row] = revenue[id];
      p.profit[row] = profit[id];
      p.effort[row] = effort[id];
      p.utilisation[row] = utilisation[id];
      p.products[row] = bitCount(products[id]);
      p.productsMask[row] = products[id] >>> 0;
      p.inHouseProcesses[row] = bitCount(inHouse[id]);
      p.machineValue[row] = machineValue[id];
      p.debt[row] = debt[id];
      p.netWorth[row] = netWorth(cash[id], debt[id], machineValue[id]);
      p.exportSalesUnits[row] = exportSalesUnits[id];
      p.launches[row] = launches[id];
      p.copies[row] = copies[id];
      p.kinGroup[row] = kinGroup[id];
      const bits = classes[id];
      p.upgradedProduct[row] = bit(bits, YEAR_CLASS.product);
      p.upgradedProcess[row] = bit(bits, YEAR_CLASS.process);
      p.upgradedFunctional[row] = bit(bits, YEAR_CLASS.functional);
      p.upgradedInterSectoral[row] = bit(bits, YEAR_CLASS.interSectoral);
      p.upgradedMarketingLinkages[row] = bit(bits, YEAR_CLASS.marketingLinkages);
      p.upgraded[row] = bit(bits, YEAR_CLASS.upgraded);
      p.downgraded[row] = bit(bits, YEAR_CLASS.downgraded);
      row++;
    }
    panel.rows = row;
  },
};
