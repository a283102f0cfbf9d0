/**
 * runOne: build a world from parameters and a seed, step it month by month, and
 * return everything a writer needs. Pure apart from the worker threads it starts
 * and stops; the same function serves the CLI, tests and (later) sweep workers.
 */
import type { ModelParams } from './params.js';
import { createWorld, type World } from './world.js';
import { createHost, type Host, type MoneyAccounts, type SimEvent } from './host.js';
import { panelRows, type FirmPanel, type PanelColumns } from './model/phases/annualPanel.js';
import { createSerialExecutor, type BlockExecutor } from './executor.js';
import { createPoolExecutor } from './parallel/pool.js';
import { initialiseWorld, publishInitialTownState } from './model/initialise.js';
import { reportersFor } from './observe.js';
import { step } from './step.js';
import type { Simulation } from './simulation.js';
import { HEADER } from './state/header.js';

export interface RunJob {
  params: ModelParams;
  seed: number;
  threads: number;
  /** Called after every tick (the CLI draws its progress bar from it). */
  onTick?: (ticksDone: number, ticksTotal: number) => void;
  /**
   * Stream the events and the yearly firm panel out as the run goes instead of
   * keeping them: a national run records ~3 million events and ~2.3 million panel
   * rows over 40 years (about 0.9 GB held), which a sink writes to disk a month at a
   * time. The result then has no events and no panel rows (`streamed: true`).
   */
  sink?: RunSink;
}

/** Where a streaming run hands on what it does not keep. */
export interface RunSink {
  /** The month's events in the order recorded (at least one); the list is emptied after the call. */
  events(events: readonly SimEvent[]): void;
  /** December's panel rows, [0, rows) of the columns; the rows are overwritten next December. */
  panelRows(panel: Readonly<FirmPanel>): void;
}

export interface FinalFirms {
  id: Int32Array;
  town: Int32Array;
  parent: Int32Array;
  birthTick: Int32Array;
  capability: Float64Array;
  cash: Float64Array;
  debt: Float64Array;
  headcount: Int32Array;
}

export interface RunResult {
  seed: number;
  threads: number;
  params: ModelParams;
  ticks: number;
  townNames: string[];
  metricNames: readonly string[];
  metricUnits: readonly string[];
  /** [(tick * (towns + 1) + row) * metrics + metric]; row `towns` is all towns. */
  metrics: Float64Array;
  /** Every event of the run, in order (none when the job streamed them to a sink). */
  events: SimEvent[];
  /** Whether events and panel rows went to `RunJob.sink` instead of into this result. */
  streamed: boolean;
  accounts: MoneyAccounts;
  finalFirms: FinalFirms;
  /**
   * Yearly firm panel (annual-panel phase): `rows` rows, columns of that length, year
   * then firm-id order (no rows when the job streamed them to a sink).
   */
  firmPanel: { rows: number; cols: PanelColumns };
  firmsEverCreated: number;
  workersEverCreated: number;
}

function snapshotAliveFirms(world: World): FinalFirms {
  const count = world.header[HEADER.firmCount];
  const f = world.firms.cols;
  const ids: number[] = [];
  for (let id = 0; id < count; id++) if (f.alive[id] === 1) ids.push(id);
  const pick = <T extends Int32Array | Float64Array>(make: (n: number) => T, column: ArrayLike<number>): T => {
    const out = make(ids.length);
    ids.forEach((id, i) => (out[i] = column[id]));
    return out;
  };
  const ints = (n: number) => new Int32Array(n);
  const floats = (n: number) => new Float64Array(n);
  return {
    id: Int32Array.from(ids),
    town: pick(ints, f.town),
    parent: pick(ints, f.parent),
    birthTick: pick(ints, f.birthTick),
    capability: pick(floats, f.capability),
    cash: pick(floats, f.cash),
    debt: pick(floats, f.debt),
    headcount: pick(ints, f.headcount),
  };
}

/** End of a tick of a streaming run: the month's events and, in December, the year's panel rows. */
function handOn(host: Host, sink: RunSink, tick: number): void {
  if (host.events.length > 0) {
    sink.events(host.events);
    host.eventsFlushed += host.events.length;
    host.events.length = 0;
  }
  if (tick % 12 === 11) {
    sink.panelRows(host.panel);
    host.panel.rows = 0;
  }
}

export async function runOne(job: RunJob): Promise<RunResult> {
  const { params, seed } = job;
  const ticks = params.years * 12;
  const world = createWorld(params, seed);
  initialiseWorld(world);
  publishInitialTownState(world);
  const reporters = reportersFor(params);
  const host = createHost(params, ticks, reporters.length, job.sink ? 1 : Math.floor(ticks / 12));
  const firmCount = world.header[HEADER.firmCount];
  for (let id = 0; id < firmCount; id++) host.accounts.equityInjected += world.firms.cols.cash[id];

  const executor: BlockExecutor =
    job.threads > 1 ? await createPoolExecutor(world, job.threads) : createSerialExecutor(world);
  const sim: Simulation = { world, host, executor };
  try {
    for (let tick = 0; tick < ticks; tick++) {
      step(sim);
      if (job.sink) handOn(host, job.sink, tick);
      job.onTick?.(tick + 1, ticks);
    }
  } finally {
    await executor.close();
  }
  return {
    seed,
    threads: job.threads,
    params,
    ticks,
    townNames: params.towns.map((town) => town.name),
    metricNames: reporters.map((reporter) => reporter.name),
    metricUnits: reporters.map((reporter) => reporter.unit),
    metrics: host.metrics,
    events: host.events,
    streamed: job.sink !== undefined,
    accounts: host.accounts,
    finalFirms: snapshotAliveFirms(world),
    firmPanel: { rows: host.panel.rows, cols: panelRows(host.panel) },
    firmsEverCreated: world.header[HEADER.firmCount],
    workersEverCreated: world.header[HEADER.workerCount],
  };
}
