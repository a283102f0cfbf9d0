/**
 * Entry and exit beyond losses (docs/ODD.md §7.6-7.8): kin groups help their own to
 * enter (Punjab seed §4.2: "occasional machining services and trade credit given by a
 * well-established workshop to a new outfit run by a member of the same bradri"); owners
 * give up on a poor income; workers of firms paying below the going rate quit more
 * (MODEL.md III b,c: quits "driven by wage gaps").
 */
import { describe, expect, it } from 'vitest';
import { runMonths } from '../../helpers/world.js';
import { gatherWorkforce } from '../../../sim/model/phases/gatherWorkforce.js';
import { labourKernel, QUIT_REASON } from '../../../sim/model/kernels/labour.js';
import { forEachCommand } from '../../../sim/store/commandBuffer.js';
import { BLOCK_SIZE, blockCount } from '../../../sim/store/blocks.js';
import { WORKER_STATUS } from '../../../sim/state/workers.js';
import { agentCount } from '../../../sim/world.js';
import type { ScenarioInput } from '../../../scenarios/schema.js';
import type { Simulation } from '../../../sim/simulation.js';
import { eventsOf, handBuilt, metric, quietWorld, town } from './helpers.js';

/** Run the labour kernel over every worker block once; returns the queued commands by buffer. */
function labourCommands(sim: Simulation) {
  const workers = agentCount(sim.world, 'workers');
  const blocks = blockCount(workers);
  for (let block = 0; block < blocks; block++) {
    labourKernel(sim.world, block, block * BLOCK_SIZE, Math.min(workers, (block + 1) * BLOCK_SIZE));
  }
  const collect = (name: 'quit' | 'spinOff') => {
    const commands: { worker: number; arg: number }[] = [];
    forEachCommand(sim.world.commands[name], blocks, (worker, arg) => commands.push({ worker, arg }));
    return commands;
  };
  return { quits: collect('quit'), spinOffs: collect('spinOff') };
}

describe('kin help at entry (the lohar bradri)', () => {
  /** Four firms whose owners are all of one kin group; a journeyman of the first spins off in month 1. */
  function spinOff(kin: ScenarioInput['kin']) {
    const params = quietWorld({
      kin,
      entry: { spinOffProbabilityPerMonth: 1, spinOffMinSkill: 0.65, spinOffMinTenureMonths: 2, entryCapital: 3000 },
    });
    const { sim } = handBuilt(params, [{ journeymen: 1, skill: 0.7 }, {}, {}, {}]);
    runMonths(sim, 2);
    const entries = eventsOf(sim, 'entry');
    expect(entries).toHaveLength(1);
    return { sim, entry: entries[0], cash: sim.world.firms.cols.cash[entries[0].firm] };
  }

  it('established kin firms in the town add their capital to an entrant\u2019s cash', () => {
    const helped = spinOff({ groups: 1, helpCapitalPerFirm: 1000, maxHelpingFirms: 3 });
    const alone = spinOff({ groups: 1, helpCapitalPerFirm: 0, maxHelpingFirms: 3 });
    // Four kin firms in town, at most three help.
    expect(helped.entry.kinHelpers).toBe(3);
    expect(helped.sim.host.accounts.kinHelpGiven).toBe(3000);
    expect(alone.sim.host.accounts.kinHelpGiven).toBe(0);
    expect(helped.cash - alone.cash).toBeCloseTo(3000, 6);
    expect(helped.sim.host.accounts.equityInjected).toBe(alone.sim.host.accounts.equityInjected);
  });

  it('only firms of the founder\u2019s own kin group help', () => {
    const { sim, entry } = spinOff({
      groups: 4,
      largestGroupShare: 0.4,
      helpCapitalPerFirm: 1000,
      maxHelpingFirms: 10,
    });
    const w = sim.world.workers.cols;
    const f = sim.world.firms.cols;
    let kinFirms = 0;
    for (let firm = 0; firm < 4; firm++) if (w.kinGroup[f.owner[firm]] === w.kinGroup[entry.founder]) kinFirms += 1;
    expect(entry.kinHelpers).toBe(kinFirms);
    expect(sim.host.accounts.kinHelpGiven).toBe(1000 * kinFirms);
  });

  it('kin firms in the town raise a journeyman\u2019s propensity to spin off', () => {
    const requests = (spinOffWeightPerHelper: number) => {
      const params = quietWorld({
        kin: { groups: 1, maxHelpingFirms: 4, spinOffWeightPerHelper },
        entry: {
          spinOffProbabilityPerMonth: 0.01,
          spinOffMinSkill: 0.5,
          spinOffMinTenureMonths: 0,
          demonstrationWeight: 0,
        },
      });
      const { sim } = handBuilt(
        params,
        Array.from({ length: 40 }, () => ({ journeymen: 20, skill: 0.7 })),
      );
      gatherWorkforce.run(sim); // publishes the firms per town and kin group
      return labourCommands(sim).spinOffs.length;
    };
    const without = requests(0);
    const withKin = requests(1);
    expect(without).toBeGreaterThan(0);
    // Four helpers make founding five times as likely.
    expect(withKin).toBeGreaterThan(3 * without);
  });
});

describe('owners give up on a poor income', () => {
  /** One firm with plenty of cash (never in distress) earning `demand`-driven profit. */
  function owner(demand: number, ownerPatienceMonths: number) {
    const params = quietWorld({
      towns: [town('Alpha', demand)],
      exit: { ownerPatienceMonths, ownerGiveUpProbabilityPerMonth: 1, lossMonthsToExit: 600 },
    });
    const { sim, ids } = handBuilt(params, [{ cash: 1e6 }]);
    runMonths(sim, 12);
    return { sim, firm: ids[0] };
  }

  it('an owner earning less than a journeyman closes the workshop after ownerPatienceMonths, with reason owner-gave-up', () => {
    const { sim, firm } = owner(0.0001, 6);
    expect(sim.world.firms.cols.debt[firm]).toBe(0);
    const exits = eventsOf(sim, 'exit');
    expect(exits).toEqual([expect.objectContaining({ firm, tick: 5, reason: 'owner-gave-up' })]);
    expect(metric(sim, 5, 0, 'ownerGiveUps')).toBe(1);
    expect(metric(sim, 5, 0, 'exits')).toBe(1);
  });

  it('a more patient owner, or one earning well, keeps going', () => {
    const patient = owner(0.0001, 24);
    const earning = owner(100, 6);
    expect(patient.sim.world.firms.cols.alive[patient.firm]).toBe(1);
    expect(earning.sim.world.firms.cols.profit[earning.firm]).toBeGreaterThan(150);
    expect(earning.sim.world.firms.cols.alive[earning.firm]).toBe(1);
    expect(eventsOf(patient.sim, 'exit')).toEqual([]);
    expect(eventsOf(earning.sim, 'exit')).toEqual([]);
  });
});

describe('wage gaps drive quits', () => {
  /** Quits, in one month, of 200 journeymen at a weak firm (capability 0.1) and 200 at a strong one (0.9). */
  function quitsByFirm(quitWageGapElasticity: number) {
    const params = quietWorld({
      labour: { quitProbabilityPerMonth: 0.05, wageCapabilityPremium: 1, quitWageGapElasticity },
    });
    const { sim, ids } = handBuilt(params, [
      { capability: 0.1, journeymen: 200 },
      { capability: 0.9, journeymen: 200 },
    ]);
    const [weak, strong] = ids;
    const { quits } = labourCommands(sim);
    const employer = sim.world.workers.cols.employer;
    for (const quit of quits) expect(quit.arg).toBe(QUIT_REASON.voluntary);
    for (const quit of quits) expect(sim.world.workers.cols.status[quit.worker]).toBe(WORKER_STATUS.journeyman);
    return {
      weak: quits.filter((quit) => employer[quit.worker] === weak).length,
      strong: quits.filter((quit) => employer[quit.worker] === strong).length,
    };
  }

  it('workers of a low-capability (low-wage) firm quit more than those of a high-wage one', () => {
    const gaps = quitsByFirm(10);
    const flat = quitsByFirm(0);
    // Wage 0.6 of the going rate: quit probability 0.05 * (1 + 10 * 0.4) = 0.25 against 0.05.
    expect(gaps.weak).toBeGreaterThan(2 * gaps.strong);
    expect(gaps.strong).toBe(flat.strong);
    expect(flat.weak).toBeLessThan(gaps.weak);
  });
});
