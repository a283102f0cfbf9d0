/**
 * The memory traffic and random draws of one engine tick, per agent, as the floor
 * kernel (bench/floorKernel.ts) replays them. Counted by hand from the engine's
 * hot loops (the files named in each pass) on their main path:
 *
 *  - a worker: alive, employed by a trading firm, neither retiring nor leaving, its
 *    employer not shrinking, not eligible to spin off;
 *  - a firm: alive, making products that still need processes, not copying a design,
 *    no own uncopied design, not in a town with courses, partnerships or an
 *    association, its owner not near giving up.
 *
 * A column counts once per agent-tick for reading and once for writing, however
 * often the loop touches it (the engine holds the value in a local); a column both
 * read and written costs both. Branches few agents take (retirement, quits,
 * spin-offs, lay-offs, dropped products, machine purchases, design launches, the
 * imitation scan beyond its first candidate, December's panel and upgrading) are
 * left out, as are per-town and per-product arrays (a few kB, in cache). Leaving
 * them out makes the floor cheaper, so the engine / floor ratio can only overstate
 * the gap, never hide it.
 *
 * Column widths come from the engine's own specs (FIRM_SPEC, WORKER_SPEC), so a
 * narrower column there makes a cheaper floor here; a renamed or removed column
 * fails the floor's test (test/bench/floor.test.ts) until this table is updated.
 */
import { FIRM_SPEC } from '../sim/state/firms.js';
import { WORKER_SPEC } from '../sim/state/workers.js';
import { bytesPerValue } from './columnWidths.js';

export type FirmColumn = keyof typeof FIRM_SPEC;
export type WorkerColumn = keyof typeof WORKER_SPEC;
export type AgentKind = 'workers' | 'firms';

export interface TrafficPass {
  /** The engine phase this pass stands for. */
  name: string;
  /** Where it was counted from. */
  source: string;
  over: AgentKind;
  /** Whether the engine splits this pass over threads (a block kernel) or runs it on the main thread. */
  parallel: boolean;
  /** Columns of the agent's own row read once per agent-tick. */
  reads: readonly string[];
  /** Columns of the agent's own row written once per agent-tick. */
  writes: readonly string[];
  /** Workers only: firm columns read at the worker's employer (a random firm row). */
  employerReads: readonly FirmColumn[];
  /** Workers only: firm columns read and written (+=) at the worker's employer. */
  employerUpdates: readonly FirmColumn[];
  /** drawBase(key, id, tick) calls per agent-tick, each on its own stream. */
  drawBases: number;
  /** uniformAt(base, k) draws per agent-tick (spread over the bases). */
  uniformDraws: number;
}

const WORKER_PASSES: readonly TrafficPass[] = [
  {
    name: 'labour-decisions',
    source: 'sim/model/kernels/labour.ts',
    over: 'workers',
    parallel: true,
    reads: ['alive', 'careerMonths', 'employer', 'skill', 'town', 'tenureMonths', 'status'],
    writes: ['careerMonths', 'skill', 'tenureMonths'],
    employerReads: ['alive', 'utilisation', 'shrinking', 'capability'],
    employerUpdates: [],
    // One base on the labour stream; draws k = 0 (retire), 4 (course), 2 (quit).
    drawBases: 1,
    uniformDraws: 3,
  },
  {
    name: 'gather-workforce',
    source: 'sim/model/phases/gatherWorkforce.ts',
    over: 'workers',
    parallel: false,
    reads: ['alive', 'town', 'skill', 'employer', 'status'],
    writes: [],
    employerReads: [],
    employerUpdates: ['headcount', 'skillSum'],
    drawBases: 0,
    uniformDraws: 0,
  },
];

const FIRM_PASSES: readonly TrafficPass[] = [
  {
    name: 'gather-workforce (reset)',
    source: 'sim/model/phases/gatherWorkforce.ts',
    over: 'firms',
    parallel: false,
    reads: [],
    writes: ['headcount', 'apprentices', 'skillSum'],
    employerReads: [],
    employerUpdates: [],
    drawBases: 0,
    uniformDraws: 0,
  },
  {
    name: 'pricing',
    source: 'sim/model/kernels/pricing.ts',
    over: 'firms',
    parallel: true,
    reads: [
      'alive',
      'town',
      'capability',
      'inHouse',
      'products',
      'freshSlot',
      'salesUnits',
      'exportSalesUnits',
      'headcount',
      'skillSum',
      'apprentices',
    ],
    writes: ['products', 'usesInHouse', 'processCostPerUnit', 'capacityUnits', 'unitCost', 'price', 'attractiveness'],
    employerReads: [],
    employerUpdates: [],
    drawBases: 0,
    uniformDraws: 0,
  },
  {
    name: 'market-and-effort',
    source: 'sim/model/kernels/market.ts, designWork.ts, imitation.ts',
    over: 'firms',
    parallel: true,
    reads: [
      'alive',
      'town',
      'capacityUnits',
      'products',
      'attractiveness',
      'freshSlot',
      'capability',
      'price',
      'headcount',
      'apprentices',
      'skillSum',
      'debt',
      'cash',
      'processCostPerUnit',
      'unitCost',
      'designRent',
      'inHouse',
      'usesInHouse',
      'machineValue',
      'lossMonths',
      'lowIncomeMonths',
      'exportSalesUnits',
      'parent',
      'birthTick',
      'copySlot',
    ],
    writes: [
      'designRent',
      'investment',
      'demandShareUnits',
      'salesUnits',
      'revenue',
      'profit',
      'effort',
      'utilisation',
      'cash',
      'debt',
      'interest',
      'capability',
      'lossMonths',
      'lowIncomeMonths',
      'shrinking',
      'exportSalesUnits',
      'designSpend',
    ],
    employerReads: [],
    employerUpdates: [],
    // The imitation scan's base and its first candidate's draw.
    drawBases: 1,
    uniformDraws: 1,
  },
  {
    name: 'observe (town statistics)',
    source: 'sim/observers/townStatistics.ts',
    over: 'firms',
    parallel: false,
    reads: ['alive', 'town', 'products', 'capability'],
    writes: [],
    employerReads: [],
    employerUpdates: [],
    drawBases: 0,
    uniformDraws: 0,
  },
];

/** Every pass of a tick, in the engine's phase order. */
export const TRAFFIC_PASSES: readonly TrafficPass[] = [
  WORKER_PASSES[0],
  FIRM_PASSES[0],
  WORKER_PASSES[1],
  FIRM_PASSES[1],
  FIRM_PASSES[2],
  FIRM_PASSES[3],
];

/** The kind name ('f64', 'i32', ...) of an engine column. */
export function columnKind(store: AgentKind, column: string): string {
  const spec: Readonly<Record<string, string>> = store === 'firms' ? FIRM_SPEC : WORKER_SPEC;
  const kind = spec[column];
  if (kind === undefined) throw new Error(`floor: the engine's ${store} have no column '${column}'`);
  return kind;
}

export interface PassTraffic {
  name: string;
  source: string;
  over: AgentKind;
  parallel: boolean;
  columnsRead: number;
  columnsWritten: number;
  bytesRead: number;
  bytesWritten: number;
  drawBases: number;
  uniformDraws: number;
}

/** Columns and bytes one agent of the pass's kind reads and writes in that pass. */
export function passTraffic(pass: TrafficPass): PassTraffic {
  const own = (columns: readonly string[]) => columns.map((column) => columnKind(pass.over, column));
  const firm = (columns: readonly string[]) => columns.map((column) => columnKind('firms', column));
  const read = [...own(pass.reads), ...firm(pass.employerReads), ...firm(pass.employerUpdates)];
  const written = [...own(pass.writes), ...firm(pass.employerUpdates)];
  const bytes = (kinds: string[]) => kinds.reduce((sum, kind) => sum + bytesPerValue(kind), 0);
  return {
    name: pass.name,
    source: pass.source,
    over: pass.over,
    parallel: pass.parallel,
    columnsRead: read.length,
    columnsWritten: written.length,
    bytesRead: bytes(read),
    bytesWritten: bytes(written),
    drawBases: pass.drawBases,
    uniformDraws: pass.uniformDraws,
  };
}

export interface AgentTraffic {
  columnsRead: number;
  columnsWritten: number;
  bytesRead: number;
  bytesWritten: number;
  /** Read + written. */
  bytes: number;
  drawBases: number;
  uniformDraws: number;
}

/** Totals for one worker-tick or one firm-tick over every pass. */
export function agentTraffic(over: AgentKind, passes: readonly TrafficPass[] = TRAFFIC_PASSES): AgentTraffic {
  const mine = passes.filter((pass) => pass.over === over).map(passTraffic);
  const sum = (pick: (traffic: PassTraffic) => number) => mine.reduce((total, traffic) => total + pick(traffic), 0);
  return {
    columnsRead: sum((t) => t.columnsRead),
    columnsWritten: sum((t) => t.columnsWritten),
    bytesRead: sum((t) => t.bytesRead),
    bytesWritten: sum((t) => t.bytesWritten),
    bytes: sum((t) => t.bytesRead + t.bytesWritten),
    drawBases: sum((t) => t.drawBases),
    uniformDraws: sum((t) => t.uniformDraws),
  };
}
