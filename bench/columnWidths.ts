/**
 * Typed-array columns by the kind names of the engine's store specs (sim/store/columns.ts),
 * for the floor kernel and the memory section. Kinds the engine may adopt later
 * (narrower columns) are listed too, so a narrower column there makes a cheaper floor
 * here without a change; an unknown kind is an error, not a silent guess.
 */
export type ColumnArray =
  Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

const ARRAYS: Record<string, { bytes: number; make: (buffer: ArrayBufferLike) => ColumnArray; float: boolean }> = {
  f64: { bytes: 8, make: (buffer) => new Float64Array(buffer), float: true },
  f32: { bytes: 4, make: (buffer) => new Float32Array(buffer), float: true },
  i32: { bytes: 4, make: (buffer) => new Int32Array(buffer), float: false },
  u32: { bytes: 4, make: (buffer) => new Uint32Array(buffer), float: false },
  i16: { bytes: 2, make: (buffer) => new Int16Array(buffer), float: false },
  u16: { bytes: 2, make: (buffer) => new Uint16Array(buffer), float: false },
  i8: { bytes: 1, make: (buffer) => new Int8Array(buffer), float: false },
  u8: { bytes: 1, make: (buffer) => new Uint8Array(buffer), float: false },
};

function entry(kind: string) {
  const found = ARRAYS[kind];
  if (!found) throw new Error(`bench: unknown column kind '${kind}' (add it to bench/columnWidths.ts)`);
  return found;
}

export const bytesPerValue = (kind: string): number => entry(kind).bytes;
export const isFloatKind = (kind: string): boolean => entry(kind).float;
export const columnOver = (kind: string, buffer: ArrayBufferLike): ColumnArray => entry(kind).make(buffer);

/** Bytes of one row of a store: the sum of its columns' widths. */
export function rowBytes(spec: Readonly<Record<string, string>>): number {
  return Object.values(spec).reduce((sum, kind) => sum + bytesPerValue(kind), 0);
}
