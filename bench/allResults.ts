/** Every kind of result file in bench/results/, read at once for the doc and the targets. */
import { readResultFiles } from './resultFiles.js';
import { type EngineBenchResult, readResults } from './results.js';
import { REFERENCE_RESULT_FORMAT, type ReferenceBenchResult } from './referenceResults.js';
import { readSweepsResults, type SweepsBenchResult } from './sweepsResults.js';
import { MEMORY_RESULT_FORMAT, type MemoryBenchResult } from './memoryResults.js';
import { FLOOR_RESULT_FORMAT, type FloorBenchResult } from './floorResults.js';
import { CEILING_RESULT_FORMAT, type CeilingBenchResult } from './ceilingResults.js';
import { type NationalBenchResult, readNationalResults } from './nationalResults.js';

export interface AllResults {
  engine: EngineBenchResult[];
  reference: ReferenceBenchResult[];
  sweeps: SweepsBenchResult[];
  memory: MemoryBenchResult[];
  floor: FloorBenchResult[];
  ceiling: CeilingBenchResult[];
  national: NationalBenchResult[];
}

export function readAllResults(resultsDir: string): AllResults {
  return {
    engine: readResults(resultsDir),
    reference: readResultFiles<ReferenceBenchResult>(resultsDir, 'reference', REFERENCE_RESULT_FORMAT),
    sweeps: readSweepsResults(resultsDir),
    memory: readResultFiles<MemoryBenchResult>(resultsDir, 'memory', MEMORY_RESULT_FORMAT),
    floor: readResultFiles<FloorBenchResult>(resultsDir, 'floor', FLOOR_RESULT_FORMAT),
    ceiling: readResultFiles<CeilingBenchResult>(resultsDir, 'ceiling', CEILING_RESULT_FORMAT),
    national: readNationalResults(resultsDir),
  };
}

export function resultCount(all: AllResults): number {
  return Object.values(all).reduce((sum, list: unknown[]) => sum + list.length, 0);
}
