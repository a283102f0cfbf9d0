/**
 * What summary.json and the run's charts take from the events and the yearly firm
 * panel, gathered in one pass. A run that keeps its events and panel (the default)
 * is digested after the fact; a run that streams them to disk (RunJob.sink, the CLI's
 * `run`) is digested as they go by, so the summary and charts need neither in memory.
 * Both ways go through the same `addEvents` / `addPanelRows`, so they agree exactly.
 */
import type { RunResult } from '../../sim/runOne.js';
import type { SimEvent } from '../../sim/host.js';
import type { FirmPanel } from '../../sim/model/phases/annualPanel.js';

export interface DesignCounts {
  launched: number;
  products: number;
  incremental: number;
  copies: number;
  copiedLocally: number;
}

export interface RunDigest {
  designs: DesignCounts;
  /** First local copies (they end the originator's rent), in event order: lag and the originator's town. */
  firstLocalCopyLagMonths: number[];
  firstLocalCopyOriginTown: number[];
  /** New firms per year of the run (index 0 = first year): spin-offs (a parent firm) and outsiders' workshops. */
  spinOffEntriesByYear: number[];
  outsiderEntriesByYear: number[];
  /** Per calendar year: the OR of the product masks of the firms alive in December. */
  productsMaskByYear: Map<number, number>;
}

/** A run result with its digest attached (the CLI's streaming run). */
export type DigestedRun = RunResult & { digest?: RunDigest };

export interface DigestBuilder {
  addEvents(events: Iterable<SimEvent>): void;
  addPanelRows(panel: Readonly<FirmPanel>): void;
  readonly digest: RunDigest;
}

export function createDigestBuilder(years: number): DigestBuilder {
  const digest: RunDigest = {
    designs: { launched: 0, products: 0, incremental: 0, copies: 0, copiedLocally: 0 },
    firstLocalCopyLagMonths: [],
    firstLocalCopyOriginTown: [],
    spinOffEntriesByYear: new Array<number>(years).fill(0),
    outsiderEntriesByYear: new Array<number>(years).fill(0),
    productsMaskByYear: new Map(),
  };
  const { designs } = digest;
  return {
    digest,
    addEvents(events) {
      for (const event of events) {
        if (event.type === 'launch') {
          designs.launched += 1;
          if (event.kind === 'product') designs.products += 1;
          else designs.incremental += 1;
        } else if (event.type === 'copy') {
          designs.copies += 1;
          if (event.firstLocal) {
            designs.copiedLocally += 1;
            digest.firstLocalCopyLagMonths.push(event.lagMonths);
            digest.firstLocalCopyOriginTown.push(event.originTown);
          }
        } else if (event.type === 'entry') {
          const year = Math.floor(event.tick / 12);
          if (year >= years) continue;
          if (event.parent >= 0) digest.spinOffEntriesByYear[year] += 1;
          else digest.outsiderEntriesByYear[year] += 1;
        }
      }
    },
    addPanelRows({ rows, cols }) {
      const masks = digest.productsMaskByYear;
      for (let row = 0; row < rows; row++) {
        const year = cols.year[row];
        masks.set(year, (masks.get(year) ?? 0) | (cols.productsMask[row] >>> 0));
      }
    },
  };
}

/** The digest a streaming run gathered, or one built now from the events and panel the result holds. */
export function digestOf(result: DigestedRun): RunDigest {
  if (result.digest) return result.digest;
  if (result.streamed)
    throw new Error('digestOf: this run streamed its events and panel to a sink; attach the digest gathered then');
  let digest = digests.get(result);
  if (!digest) {
    const builder = createDigestBuilder(Math.floor(result.ticks / 12));
    builder.addEvents(result.events);
    builder.addPanelRows(result.firmPanel);
    digest = builder.digest;
    digests.set(result, digest);
  }
  return digest;
}

/** Digests built from a result's own events and panel (the summary and three charts each ask). */
const digests = new WeakMap<RunResult, RunDigest>();
