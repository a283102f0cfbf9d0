/**
 * The floor kernel: one tick's memory traffic and random draws (bench/floorCounts.ts)
 * and nothing else. Each pass is compiled from its traffic table into a loop of the
 * engine's shape - every column in a local, typed arrays indexed by agent id, the
 * employer's firm row indexed through the worker's `employer` column - that reads
 * each listed column, takes the listed draws with the engine's own drawBase and
 * uniformAt, and writes each listed column. The values only feed each other (summed
 * in a balanced tree, so adds do not chain), which keeps every load and store live.
 */
import { drawBase, uniformAt } from '../sim/rng/streams.js';
import { BLOCK_SIZE } from '../sim/store/blocks.js';
import { bytesPerValue, type ColumnArray, columnOver, isFloatKind } from './columnWidths.js';
import { type AgentKind, columnKind, TRAFFIC_PASSES, type TrafficPass } from './floorCounts.js';

export type FloorColumns = Record<AgentKind, Record<string, ColumnArray>>;

export type DrawBase = (streamKey: number, agentId: number, tick: number) => number;
export type UniformAt = (base: number, k: number) => number;

export interface Draws {
  drawBase: DrawBase;
  uniformAt: UniformAt;
}

/** A compiled pass: runs over agents start..end-1 of its kind and returns a checksum. */
export type FloorPass = (columns: FloorColumns, start: number, end: number, tick: number, draws: Draws) => number;

export interface FloorWorld {
  firms: number;
  workers: number;
  columns: FloorColumns;
}

/**
 * Every column any pass touches, at the engine's widths, each on its own
 * SharedArrayBuffer as in the engine (so worker threads can share them); workers'
 * employers spread evenly over firms.
 */
export function createFloorWorld(firms: number, workers: number, passes = TRAFFIC_PASSES): FloorWorld {
  const columns: FloorColumns = { firms: {}, workers: {} };
  const add = (store: AgentKind, column: string) => {
    const kind = columnKind(store, column);
    const length = store === 'firms' ? firms : workers;
    columns[store][column] ??= columnOver(kind, new SharedArrayBuffer(length * bytesPerValue(kind)));
  };
  for (const pass of passes) {
    for (const column of [...pass.reads, ...pass.writes]) add(pass.over, column);
    for (const column of [...pass.employerReads, ...pass.employerUpdates]) add('firms', column);
  }
  columns.firms.alive?.fill(1);
  columns.workers.alive?.fill(1);
  const employer = columns.workers.employer as Int32Array | undefined;
  // Contiguous blocks of a firm's workers, as the founding generation is laid out: the
  // cheapest access pattern, which again errs on the side of a fast floor.
  if (employer) for (let id = 0; id < workers; id++) employer[id] = Math.floor((id * firms) / workers);
  return { firms, workers, columns };
}

/** `a + b + c + ...` as a balanced tree of additions (independent adds run in parallel). */
function balancedSum(terms: string[]): string {
  if (terms.length === 0) return '0';
  if (terms.length === 1) return terms[0];
  const middle = Math.ceil(terms.length / 2);
  return `(${balancedSum(terms.slice(0, middle))} + ${balancedSum(terms.slice(middle))})`;
}

/** The JavaScript source of a pass's loop (exported for the tests and for reading). */
export function floorPassSource(pass: TrafficPass): string {
  const lines: string[] = [];
  const own = (column: string) => `o_${column}`;
  const firm = (column: string) => `f_${column}`;
  const ownColumns = [...new Set([...pass.reads, ...pass.writes])];
  const firmColumns = [...new Set([...pass.employerReads, ...pass.employerUpdates])];
  for (const column of ownColumns)
    lines.push(`const ${own(column)} = columns.${pass.over}[${JSON.stringify(column)}];`);
  for (const column of firmColumns) lines.push(`const ${firm(column)} = columns.firms[${JSON.stringify(column)}];`);
  const usesEmployer = firmColumns.length > 0;
  lines.push('const drawBase = draws.drawBase;', 'const uniformAt = draws.uniformAt;', 'let checksum = 0;');
  lines.push('for (let id = start; id < end; id++) {');
  const terms: string[] = [];
  for (const column of pass.reads) {
    lines.push(`  const r_${column} = ${own(column)}[id];`);
    terms.push(`r_${column}`);
  }
  if (usesEmployer) {
    // The employer's id comes from the `employer` column (read once, counted in `reads`).
    if (!pass.reads.includes('employer'))
      throw new Error(`floor: pass ${pass.name} reads firm rows without 'employer'`);
    lines.push('  const firm = r_employer;');
    for (const column of [...pass.employerReads, ...pass.employerUpdates]) {
      lines.push(`  const e_${column} = ${firm(column)}[firm];`);
      terms.push(`e_${column}`);
    }
  }
  for (let b = 0; b < pass.drawBases; b++) lines.push(`  const base${b} = drawBase(${b + 1} + tick * 7, id, tick);`);
  for (let k = 0; k < pass.uniformDraws; k++) {
    const base = pass.drawBases > 0 ? `base${k % pass.drawBases}` : '0';
    terms.push(`uniformAt(${base}, ${k})`);
  }
  lines.push(`  const v = ${balancedSum(terms)};`);
  // Bounded values to write back: the fraction for floats, a small integer otherwise.
  lines.push('  const w = v - Math.floor(v);', '  const k = (v | 0) & 1023;');
  // Floats get the fraction, integers a small value that fits every width (1 byte up).
  const value = (kind: string) => (isFloatKind(kind) ? 'w' : bytesPerValue(kind) >= 2 ? 'k' : '(k & 1)');
  for (const column of pass.writes) lines.push(`  ${own(column)}[id] = ${value(columnKind(pass.over, column))};`);
  for (const column of pass.employerUpdates) {
    const kind = columnKind('firms', column);
    lines.push(`  ${firm(column)}[firm] = e_${column} + ${isFloatKind(kind) ? 'w' : '1'};`);
  }
  lines.push('  checksum += w;', '}', 'return checksum;');
  return lines.join('\n');
}

export function compileFloorPass(pass: TrafficPass): FloorPass {
  return new Function('columns', 'start', 'end', 'tick', 'draws', floorPassSource(pass)) as FloorPass;
}

export const ENGINE_DRAWS: Draws = { drawBase, uniformAt };

export interface CompiledFloor {
  passes: { pass: TrafficPass; run: FloorPass }[];
}

export function compileFloor(passes: readonly TrafficPass[] = TRAFFIC_PASSES): CompiledFloor {
  return { passes: passes.map((pass) => ({ pass, run: compileFloorPass(pass) })) };
}

/** Run blocks first, first + stride, ... of a pass (the engine's block size and thread split). */
export function runFloorBlocks(
  run: FloorPass,
  world: FloorWorld,
  over: AgentKind,
  tick: number,
  first: number,
  stride: number,
  draws: Draws = ENGINE_DRAWS,
): number {
  const count = over === 'firms' ? world.firms : world.workers;
  let checksum = 0;
  for (let start = first * BLOCK_SIZE; start < count; start += stride * BLOCK_SIZE)
    checksum += run(world.columns, start, Math.min(start + BLOCK_SIZE, count), tick, draws);
  return checksum;
}

/**
 * One single-threaded floor tick: every pass in order. `passSeconds`, when given,
 * accumulates each pass's wall time (two clock reads per pass per tick). Returns a checksum.
 */
export function floorTick(
  floor: CompiledFloor,
  world: FloorWorld,
  tick: number,
  draws: Draws = ENGINE_DRAWS,
  passSeconds?: Float64Array,
): number {
  let checksum = 0;
  for (const [index, { pass, run }] of floor.passes.entries()) {
    const start = passSeconds ? performance.now() : 0;
    checksum += runFloorBlocks(run, world, pass.over, tick, 0, 1, draws);
    if (passSeconds) passSeconds[index] += (performance.now() - start) / 1000;
  }
  return checksum;
}
