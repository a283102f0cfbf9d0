/**
 * The floor kernel's counts: the traffic table names real engine columns that the
 * engine's hot loops do touch, its byte counts follow the engine's column widths, and
 * the compiled floor loop reads, writes and draws exactly what the table says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentTraffic, columnKind, passTraffic, TRAFFIC_PASSES, type TrafficPass } from '../../bench/floorCounts.js';
import {
  compileFloor,
  compileFloorPass,
  createFloorWorld,
  type Draws,
  ENGINE_DRAWS,
  type FloorColumns,
  floorTick,
} from '../../bench/floorKernel.js';
import { createFloorPool } from '../../bench/floorPool.js';
import { bytesPerValue, rowBytes } from '../../bench/columnWidths.js';
import { REPO_ROOT } from '../helpers/cli.js';

const sourceFiles = (pass: TrafficPass): string[] => {
  const [first, ...rest] = pass.source.split(', ');
  const folder = first.slice(0, first.lastIndexOf('/') + 1);
  return [first, ...rest.map((name) => folder + name)];
};

describe('the traffic table', () => {
  it('names columns the engine has, and each pass reads its firm rows through employer', () => {
    for (const pass of TRAFFIC_PASSES) {
      for (const column of [...pass.reads, ...pass.writes]) expect(() => columnKind(pass.over, column)).not.toThrow();
      for (const column of [...pass.employerReads, ...pass.employerUpdates])
        expect(() => columnKind('firms', column)).not.toThrow();
      if (pass.employerReads.length + pass.employerUpdates.length > 0) expect(pass.reads).toContain('employer');
    }
    expect(() => columnKind('workers', 'noSuchColumn')).toThrow(/no column 'noSuchColumn'/);
  });

  it('lists only columns the named engine files use', () => {
    for (const pass of TRAFFIC_PASSES) {
      const text = sourceFiles(pass)
        .map((file) => readFileSync(join(REPO_ROOT, file), 'utf8'))
        .join('\n');
      for (const column of [...pass.reads, ...pass.writes, ...pass.employerReads, ...pass.employerUpdates])
        expect(text, `${column} in ${pass.source}`).toMatch(new RegExp(`\\b${column}\\b`));
      if (pass.drawBases > 0) expect(text).toContain('drawBase(');
      if (pass.uniformDraws > 0) expect(text).toContain('uniformAt(');
    }
  });

  it('knows the widths of the engine column kinds (and of narrower ones it may adopt)', () => {
    expect(['f64', 'f32', 'i32', 'i16', 'u8'].map(bytesPerValue)).toEqual([8, 4, 4, 2, 1]);
    expect(() => bytesPerValue('f128')).toThrow(/unknown column kind 'f128'/);
    expect(rowBytes({ a: 'f64', b: 'u8' })).toBe(9);
  });

  it('counts bytes at the engine column widths', () => {
    // Labour: alive u8, careerMonths i32, employer i32, skill f64, town i32, tenureMonths i32,
    // status u8 (26 bytes) + the employer's alive u8, utilisation f64, shrinking u8,
    // capability f64 (18); writes careerMonths i32, skill f64, tenureMonths i32 (16).
    expect(passTraffic(TRAFFIC_PASSES[0])).toEqual({
      name: 'labour-decisions',
      source: 'sim/model/kernels/labour.ts',
      over: 'workers',
      parallel: true,
      columnsRead: 11,
      columnsWritten: 3,
      bytesRead: 44,
      bytesWritten: 16,
      drawBases: 1,
      uniformDraws: 3,
    });
    // Gather: 5 own columns (alive 1, town 4, skill 8, employer 4, status 1) + headcount i32 and
    // skillSum f64 read and written at the employer.
    expect(passTraffic(TRAFFIC_PASSES[2])).toMatchObject({ bytesRead: 18 + 12, bytesWritten: 12 });
    const worker = agentTraffic('workers');
    expect(worker).toEqual({
      columnsRead: 18,
      columnsWritten: 5,
      bytesRead: 74,
      bytesWritten: 28,
      bytes: 102,
      drawBases: 1,
      uniformDraws: 3,
    });
    const firm = agentTraffic('firms');
    expect(firm.bytes).toBe(firm.bytesRead + firm.bytesWritten);
    expect(firm.columnsRead).toBe(
      TRAFFIC_PASSES.filter((p) => p.over === 'firms').reduce((n, p) => n + p.reads.length, 0),
    );
  });
});

/** Columns wrapped in proxies that count index reads and writes per column. */
function instrument(columns: FloorColumns) {
  const reads = new Map<string, number>();
  const writes = new Map<string, number>();
  const wrapped: FloorColumns = { firms: {}, workers: {} };
  for (const store of ['firms', 'workers'] as const) {
    for (const [name, array] of Object.entries(columns[store])) {
      const key = `${store}.${name}`;
      wrapped[store][name] = new Proxy(array, {
        get(target, property, receiver) {
          if (typeof property === 'string' && /^\d+$/.test(property)) reads.set(key, (reads.get(key) ?? 0) + 1);
          return Reflect.get(target, property, receiver);
        },
        set(target, property, value) {
          if (typeof property === 'string' && /^\d+$/.test(property)) writes.set(key, (writes.get(key) ?? 0) + 1);
          return Reflect.set(target, property, value);
        },
      });
    }
  }
  return { wrapped, reads, writes };
}

describe('the compiled floor pass', () => {
  const firms = 3;
  const workers = 12;

  it.each(TRAFFIC_PASSES.map((pass) => [pass.name, pass] as const))(
    '%s touches exactly its listed columns and draws',
    (_, pass) => {
      const world = createFloorWorld(firms, workers, [pass]);
      const { wrapped, reads, writes } = instrument(world.columns);
      let bases = 0;
      let uniforms = 0;
      const draws: Draws = {
        drawBase: (...args) => (bases++, ENGINE_DRAWS.drawBase(...args)),
        uniformAt: (...args) => (uniforms++, ENGINE_DRAWS.uniformAt(...args)),
      };
      const count = pass.over === 'firms' ? firms : workers;
      compileFloorPass(pass)(wrapped, 0, count, 5, draws);

      const expectedReads = new Map<string, number>();
      const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + count);
      for (const column of pass.reads) add(expectedReads, `${pass.over}.${column}`);
      for (const column of [...pass.employerReads, ...pass.employerUpdates]) add(expectedReads, `firms.${column}`);
      const expectedWrites = new Map<string, number>();
      for (const column of pass.writes) add(expectedWrites, `${pass.over}.${column}`);
      for (const column of pass.employerUpdates) add(expectedWrites, `firms.${column}`);

      expect(Object.fromEntries(reads)).toEqual(Object.fromEntries(expectedReads));
      expect(Object.fromEntries(writes)).toEqual(Object.fromEntries(expectedWrites));
      expect(bases).toBe(pass.drawBases * count);
      expect(uniforms).toBe(pass.uniformDraws * count);
    },
  );

  it('runs a whole tick over every pass and returns a finite checksum', () => {
    const world = createFloorWorld(firms, workers);
    const floor = compileFloor();
    const passSeconds = new Float64Array(floor.passes.length);
    let checksum = 0;
    for (let tick = 0; tick < 3; tick++) checksum += floorTick(floor, world, tick, ENGINE_DRAWS, passSeconds);
    expect(Number.isFinite(checksum)).toBe(true);
    expect(passSeconds.every((s) => s >= 0)).toBe(true);
    // Employers spread evenly over the firms, as the engine's founding generation.
    expect([...(world.columns.workers.employer as Int32Array)]).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('does the same work on 2 threads as on 1 (block kernels split, serial passes on the main thread)', async () => {
    // More agents than one block (2,048), so both threads get blocks of every parallel pass.
    const [firmCount, workerCount] = [3_000, 9_000];
    const snapshot = (world: ReturnType<typeof createFloorWorld>) =>
      JSON.stringify(
        Object.fromEntries(
          (['firms', 'workers'] as const).flatMap((store) =>
            Object.entries(world.columns[store]).map(([name, column]) => [`${store}.${name}`, Array.from(column)]),
          ),
        ),
      );
    const serialWorld = createFloorWorld(firmCount, workerCount);
    const serial = compileFloor();
    for (let tick = 0; tick < 2; tick++) floorTick(serial, serialWorld, tick);
    const threadedWorld = createFloorWorld(firmCount, workerCount);
    const pool = await createFloorPool(threadedWorld, 2);
    try {
      for (let tick = 0; tick < 2; tick++) pool.tick(tick);
    } finally {
      await pool.close();
    }
    expect(snapshot(threadedWorld)).toBe(snapshot(serialWorld));
  });
});
