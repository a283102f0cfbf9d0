/**
 * The targets of issue 8, each judged from the result files: met, not met, or not
 * shown by what was measured (a missing section, or a horizon too short to tell).
 */
import type { AllResults } from './allResults.js';
import type { MachineInfo } from './machine.js';
import { extrapolatedGoalSeconds, GOAL } from './goal.js';
import { compareWithFloor } from './floorResults.js';
import { sweepSpeedUp } from './sweepsResults.js';
import { formatMiB } from './format.js';
import { codeText, markdownTable, plural, ratio } from './docParts.js';

export const TARGETS = {
  nationalWallSeconds: GOAL.wallSecondsBudget,
  nationalThreads: GOAL.threads,
  peakRssBytes: 400 * 2 ** 20,
  engineOverReference: 10,
  twoThreadSpeedUp: 1.7,
  twoWorkerSweepSpeedUp: 1.8,
  engineOverFloor: 3,
} as const;

export type Verdict = 'met' | 'not met' | 'not shown';

export interface TargetRow {
  target: string;
  value: string;
  verdict: Verdict;
  /** Measured or extrapolated, from which section, commit and date. */
  basis: string;
}

const source = (section: string, result: { code: { commit: string; dirty: boolean } | null; measuredAt: string }) =>
  `${section}, ${codeText(result.code)}, ${result.measuredAt.slice(0, 10)}`;

const notShown = (target: string, why: string): TargetRow => ({ target, value: '-', verdict: 'not shown', basis: why });

const atMost = (value: number, limit: number): Verdict => (value < limit ? 'met' : 'not met');
const atLeast = (value: number, limit: number): Verdict => (value >= limit ? 'met' : 'not met');

function nationalWallRows(all: AllResults, machineId: string): TargetRow[] {
  const target = `${GOAL.label}, ${GOAL.years} years, < ${TARGETS.nationalWallSeconds} s wall with ${TARGETS.nationalThreads} threads`;
  const rows: TargetRow[] = [];
  const national = all.national.find((r) => r.machineId === machineId && r.config.years === null);
  const nationalTwo = national?.results.find((r) => r.threads === TARGETS.nationalThreads);
  if (national && nationalTwo) {
    const seconds = nationalTwo.wallSeconds.median;
    rows.push({
      target,
      value: `${seconds.toFixed(1)} s`,
      verdict: atMost(seconds, TARGETS.nationalWallSeconds),
      basis: `measured: \`clustersim run\` end to end, outputs written (${source('national section', national)})`,
    });
  }
  const engine = all.engine.find((r) => r.machineId === machineId);
  const engineTwo = engine?.results.find((r) => r.threads === TARGETS.nationalThreads);
  if (engine && engineTwo) {
    // A run over the whole horizon is measured, not extrapolated.
    const fullHorizon = engine.config.years >= GOAL.years;
    const seconds = fullHorizon ? engineTwo.wallSeconds.median : extrapolatedGoalSeconds(engineTwo);
    rows.push({
      target,
      value: `${seconds.toFixed(1)} s`,
      verdict: atMost(seconds, TARGETS.nationalWallSeconds),
      basis: `${fullHorizon ? 'measured over' : 'extrapolated from'} ${plural(engine.config.years, 'year')} of \`runOne\`, no outputs (${source('engine section', engine)})`,
    });
  }
  return rows.length > 0 ? rows : [notShown(target, 'no 2-thread engine or national result')];
}

function memoryRows(all: AllResults, machineId: string): TargetRow[] {
  const target = `peak RSS < ${formatMiB(TARGETS.peakRssBytes)} (${GOAL.years} years, ${TARGETS.nationalThreads} threads)`;
  const rows: TargetRow[] = [];
  const memory = all.memory.find((r) => r.machineId === machineId);
  const child = memory?.results.find((r) => r.threads === TARGETS.nationalThreads && r.mode !== 'held');
  if (memory && child) {
    const full = memory.config.years >= GOAL.years;
    const over = child.peakRssBytes >= TARGETS.peakRssBytes;
    rows.push({
      target,
      value: formatMiB(child.peakRssBytes),
      // A shorter run already over the limit fails it (the event log and panel only grow);
      // one under it does not show a 40-year run would be.
      verdict: full || over ? atMost(child.peakRssBytes, TARGETS.peakRssBytes) : 'not shown',
      basis: `measured over ${plural(memory.config.years, 'year')}${full || over ? '' : ` only (a ${GOAL.years}-year run holds more events and panel rows)`}: \`runOne\` in a fresh process, events and panel streamed out, no output formatting (${source('memory section', memory)})`,
    });
  }
  const national = all.national.find((r) => r.machineId === machineId && r.config.years === null);
  const nationalTwo = national?.results.find((r) => r.threads === TARGETS.nationalThreads);
  if (national && nationalTwo) {
    rows.push({
      target,
      value: formatMiB(nationalTwo.peakRssBytes.median),
      verdict: atMost(nationalTwo.peakRssBytes.median, TARGETS.peakRssBytes),
      basis: `measured: \`clustersim run\` end to end, outputs written (${source('national section', national)})`,
    });
  }
  return rows.length > 0 ? rows : [notShown(target, 'no memory or national result')];
}

function referenceRow(all: AllResults, machineId: string): TargetRow {
  const target = `engine (1 thread) ≥ ${TARGETS.engineOverReference}x the reference`;
  const result = all.reference.find((r) => r.machineId === machineId);
  if (!result) return notShown(target, 'no reference result (bench/reference/runReference.ts needed)');
  return {
    target,
    value: ratio(result.engineSpeedUp),
    verdict: result.identicalMetrics ? atLeast(result.engineSpeedUp, TARGETS.engineOverReference) : 'not shown',
    basis: `measured on \`${result.config.scenario}\`, ${plural(result.config.years, 'year')}${result.identicalMetrics ? '' : '; **metrics differed, so not the same work**'} (${source('reference section', result)})`,
  };
}

function threadsRows(all: AllResults, machineId: string): TargetRow[] {
  const target = `${TARGETS.nationalThreads} threads ≥ ${TARGETS.twoThreadSpeedUp}x one thread (national scenario)`;
  const rows: TargetRow[] = [];
  const national = all.national.find((r) => r.machineId === machineId && r.config.years === null);
  const nationalOne = national?.results.find((r) => r.threads === 1);
  const nationalTwo = national?.results.find((r) => r.threads === 2);
  if (national && nationalOne && nationalTwo) {
    const speedUp = nationalOne.wallSeconds.median / nationalTwo.wallSeconds.median;
    rows.push({
      target,
      value: ratio(speedUp),
      verdict: atLeast(speedUp, TARGETS.twoThreadSpeedUp),
      basis: `measured: \`clustersim run\` end to end, ${GOAL.years} years, wall time (${source('national section', national)})`,
    });
  }
  const engine = all.engine.find((r) => r.machineId === machineId);
  const one = engine?.results.find((r) => r.threads === 1);
  const two = engine?.results.find((r) => r.threads === 2);
  if (engine && one && two && engine.config.years >= GOAL.years) {
    rows.push({
      target,
      value: ratio(two.speedUpVsOneThread),
      verdict: atLeast(two.speedUpVsOneThread, TARGETS.twoThreadSpeedUp),
      basis: `measured over ${plural(engine.config.years, 'year')} of \`runOne\`, end to end (${ratio(two.steppingSpeedUpVsOneThread)} stepping) (${source('engine section', engine)})`,
    });
  } else if (engine && one && two) {
    // A short run weighs the serial set-up more than a 40-year one: judge the 40-year estimate.
    const speedUp = extrapolatedGoalSeconds(one) / extrapolatedGoalSeconds(two);
    rows.push({
      target,
      value: ratio(speedUp),
      verdict: atLeast(speedUp, TARGETS.twoThreadSpeedUp),
      basis: `extrapolated to ${GOAL.years} years from ${plural(engine.config.years, 'year')} of \`runOne\` (measured there: ${ratio(two.speedUpVsOneThread)} end to end, ${ratio(two.steppingSpeedUpVsOneThread)} stepping) (${source('engine section', engine)})`,
    });
  }
  return rows.length > 0 ? rows : [notShown(target, 'no 1- and 2-thread engine or national result')];
}

function sweepRow(all: AllResults, machineId: string): TargetRow {
  const target = `sweep with 2 workers ≥ ${TARGETS.twoWorkerSweepSpeedUp}x one worker`;
  const sweeps = all.sweeps.find((r) => r.machineId === machineId);
  const speedUp = sweeps ? sweepSpeedUp(sweeps, 'local', 2) : null;
  if (!sweeps || speedUp === null) return notShown(target, 'no 2-worker sweep result');
  return {
    target,
    value: ratio(speedUp),
    verdict: atLeast(speedUp, TARGETS.twoWorkerSweepSpeedUp),
    basis: `measured, local worker threads (${source('sweep section', sweeps)})`,
  };
}

function floorRow(all: AllResults, machineId: string): TargetRow {
  const target = `engine within ${TARGETS.engineOverFloor}x of the floor kernel per agent-tick`;
  const floor = all.floor.find((r) => r.machineId === machineId);
  const comparison = floor ? compareWithFloor(floor, all.engine) : null;
  if (!floor || !comparison) return notShown(target, 'needs a floor and a 1-thread engine result');
  return {
    target,
    value: ratio(comparison.engineOverFloor),
    verdict: atMost(comparison.engineOverFloor, TARGETS.engineOverFloor + 1e-12),
    basis: `measured, 1 thread, months 2..T: engine ${comparison.engineNsPerAgentTick.toFixed(1)} ns (${source('engine section', comparison.engine)}) / floor ${comparison.floorNsPerAgentTick.toFixed(1)} ns (${source('floor section', floor)})`,
  };
}

export function evaluateTargets(all: AllResults, machineId: string): TargetRow[] {
  return [
    ...nationalWallRows(all, machineId),
    ...memoryRows(all, machineId),
    referenceRow(all, machineId),
    ...threadsRows(all, machineId),
    sweepRow(all, machineId),
    floorRow(all, machineId),
  ];
}

/** Machines with any result, by id (sorted), with the newest description of each. */
export function machinesOf(all: AllResults): Map<string, MachineInfo> {
  const machines = new Map<string, MachineInfo>();
  for (const list of Object.values(all) as { machineId: string; machine: MachineInfo }[][])
    for (const result of list) machines.set(result.machineId, result.machine);
  return new Map([...machines].sort(([a], [b]) => a.localeCompare(b)));
}

const VERDICT_TEXT: Record<Verdict, string> = { met: 'met', 'not met': '**not met**', 'not shown': 'not shown' };

export function targetsSection(all: AllResults): string {
  const machines = machinesOf(all);
  const parts = [...machines].map(([id, machine]) => {
    const rows = evaluateTargets(all, id).map((row) => [row.target, row.value, VERDICT_TEXT[row.verdict], row.basis]);
    return `### ${machine.cpuModel}, ${machine.logicalCores} cores, Node ${machine.nodeVersion} (${machine.platform}/${machine.arch})

${markdownTable(['target', 'value', 'verdict', 'basis'], rows)}
`;
  });
  return `## Targets (issue 8)

Each target judged from the newest result file of each section on that machine (sections may come from different commits and dates: the basis says which).
_Not shown_ means what was measured cannot tell: a section not yet run, or a horizon too short for a target stated over ${GOAL.years} years.

${parts.length > 0 ? parts.join('\n') : '_No results yet: run `npm run bench`._\n'}`;
}
