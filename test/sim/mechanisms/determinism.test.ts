/**
 * The determinism guarantee with every mechanism on (ARCHITECTURE.md "Determinism
 * whatever the thread count"): a world of three towns with a process and product
 * catalogue, vendors, make-or-buy, design work and every imitation channel, kin help,
 * owners giving up, wage-gap quits, a sector collapse, imports, and all eight policy
 * kinds, large enough that firms and workers span several 2,048-id blocks, gives the
 * same metrics, events, accounts, final firms and firm panel at 1 and 3 threads.
 */
import { describe, expect, it } from 'vitest';
import { runOne, type RunResult } from '../../../sim/runOne.js';
import { testParams } from '../../helpers/world.js';
import { BLOCK_SIZE } from '../../../sim/store/blocks.js';
import { process, product } from './helpers.js';

const towns = ['Daska', 'Multan', 'Lahore'];

function everyMechanism() {
  return testParams({
    years: 3,
    towns: towns.map((name, i) => ({
      name,
      initialFirms: 750,
      workersPerFirm: { min: 1, max: 5 },
      initialCapability: { min: 0.1, max: 0.7 },
      demand: { unitsPerMonth: 3000 + 500 * i, growthPerYear: 0.1 },
    })),
    travel: { defaultHours: 2, hours: [{ between: ['Daska', 'Multan'], hours: 5 }] },
    processes: [
      process('casting', { minEfficientScaleUnitsPerMonth: 40, machineCost: 1500 }),
      // Boring vendors charge more than boring in-house: firms buy the machine once volume repays it.
      process('boring', {
        minEfficientScaleUnitsPerMonth: 25,
        machineCost: 800,
        vendorPricePerUnit: 25,
        inHouseCostPerUnit: 1,
      }),
      process('gearCutting', { minEfficientScaleUnitsPerMonth: 5000, machineCost: 1e6, vendorPricePerUnit: 40 }),
    ],
    products: [
      product('plough', { complexity: 0.05 }),
      product('pump', { complexity: 0.2, processes: ['casting', 'boring'] }),
      product('engine', { complexity: 0.4, processes: ['casting', 'boring'], frontierYear: 2000.5 }),
      product('baler', { complexity: 0.3, processes: ['casting'], sector: 'jute mills' }),
      product('rotary', { complexity: 0.5, processes: ['gearCutting', 'casting'], frontierYear: 2001 }),
    ],
    market: { markupHalvingRivals: 400 },
    labour: { quitProbabilityPerMonth: 0.02, retireProbabilityPerMonth: 0.003 },
    entry: { spinOffProbabilityPerMonth: 0.004, spinOffMinTenureMonths: 6, spinOffMinSkill: 0.4 },
    exit: { ownerPatienceMonths: 6, ownerGiveUpProbabilityPerMonth: 0.05 },
    vendors: { demandSmoothingMonths: 3, paybackMonths: 120 },
    innovation: { productDesignCost: 3000, incrementalDesignCost: 1500, copyCost: 300, priorImitationLagMonths: 12 },
    imitation: { sameTownObservationPerMonth: 0.1, moverCarriesDesignProbability: 0.5, copyBuildMonths: 3 },
    kin: { groups: 3, helpCapitalPerFirm: 300, spinOffWeightPerHelper: 0.1 },
    shocks: {
      sectorDemandIndex: [
        {
          sector: 'jute mills',
          path: [
            { year: 2001, value: 1 },
            { year: 2002, value: 0.2 },
          ],
        },
      ],
    },
    imports: { capacityShare: [{ year: 2000, value: 0.1 }] },
    policies: [
      { kind: 'trainingCentre', towns: ['Daska'], startYear: 2000, graduatesPerYear: 60, courseSeatsPerYear: 50 },
      {
        kind: 'commonFacility',
        towns: ['Multan'],
        startYear: 2000.5,
        processes: ['gearCutting'],
        courseSeatsPerYear: 20,
      },
      { kind: 'rdExtension', towns: ['Lahore'], startYear: 2000, partnersPerYear: 12, minPartnerCapability: 0.3 },
      { kind: 'credit', startYear: 2001, endYear: 2002.5, creditLimitMonthsOfWageBill: 6, fundPerTown: 2e5 },
      { kind: 'designProtection', towns: ['Lahore'], startYear: 2001, protectionMonths: 12 },
      { kind: 'association', towns: ['Daska', 'Multan'], startYear: 2000, trustBuildingYears: 1 },
      { kind: 'tradeFair', towns: ['Lahore'], startYear: 2000, month: 3, reachHours: 2.5 },
      {
        kind: 'exportLinkage',
        towns: ['Lahore'],
        startYear: 2000.25,
        qualityThreshold: 0.4,
        foreignDemandUnitsPerMonth: 200,
      },
    ],
  });
}

const count = (result: RunResult, type: string) => result.events.filter((event) => event.type === type).length;

describe('determinism with every mechanism on', () => {
  it('1 and 3 threads give identical metrics, events, accounts, final firms and firm panel', async () => {
    const params = everyMechanism();
    const serial = await runOne({ params, seed: 11, threads: 1 });
    const threaded = await runOne({ params, seed: 11, threads: 3 });

    // Several blocks of each agent kind, so the threads really split the work.
    expect(serial.firmsEverCreated).toBeGreaterThan(BLOCK_SIZE);
    expect(serial.workersEverCreated).toBeGreaterThan(2 * BLOCK_SIZE);
    // The mechanisms actually fired in this world.
    for (const type of ['entry', 'exit', 'launch', 'copy', 'invest', 'vendor-entry', 'policy-start', 'policy-stop']) {
      expect(count(serial, type), type).toBeGreaterThan(0);
    }
    const total = (name: string) => {
      const m = serial.metricNames.indexOf(name);
      let sum = 0;
      for (let tick = 0; tick < serial.ticks; tick++)
        sum += serial.metrics[(tick * (towns.length + 1) + towns.length) * serial.metricNames.length + m];
      return sum;
    };
    for (const name of [
      'trainingGraduates',
      'exportSalesUnits',
      'ownerGiveUps',
      'importSalesUnits',
      'designRent',
      'copies',
    ]) {
      expect(total(name), name).toBeGreaterThan(0);
    }
    expect(serial.events.some((event) => event.type === 'copy' && event.originTown !== event.town)).toBe(true);
    expect(serial.accounts.kinHelpGiven).toBeGreaterThan(0);

    expect(Buffer.from(threaded.metrics.buffer).equals(Buffer.from(serial.metrics.buffer))).toBe(true);
    expect(threaded.events).toEqual(serial.events);
    expect(threaded.accounts).toEqual(serial.accounts);
    expect(threaded.finalFirms).toEqual(serial.finalFirms);
    expect(threaded.firmPanel.rows).toBe(serial.firmPanel.rows);
    expect(threaded.firmPanel.cols).toEqual(serial.firmPanel.cols);
  });
});
