/**
 * Pattern checks on the punjab scenarios (shared/MODEL.md, patterns 1-6, and check "size",
 * the cluster size of §4; the source is Caniëls & Romijn §4, cited [P]). Every check
 * reads replicated runs (seeds 1..REPS) of four variants, each run once per process and
 * shared between checks: the scenario as it stands, with design protection, without the
 * Mian Channun common facility, and without the demonstration effect.
 */
import type { RunResult } from '../../sim/runOne.js';
import { pathValueAt } from '../../sim/model/paths.js';
import { variantRuns, type VariantSpec } from './replicates.js';
import { decemberSeries, eventsOf, metricSeries } from './series.js';
import { fixed, mean, median, outcome, quantile, sum, yearOf } from './stats.js';
import type { PatternCheck } from './types.js';

const SCENARIO = 'punjab-farm-equipment';
const NO_FACILITY = 'punjab-farm-equipment-no-facility';
/** Runs per variant: 4 variants x 8 runs of ~1 s keep the file near a minute on 2 cores. */
const REPS = 8;
const FACILITY_TOWN = 'Mian Channun';

type Variant = 'baseline' | 'protection' | 'noFacility' | 'noDemonstration';
const VARIANTS: Record<Variant, VariantSpec> = {
  baseline: { scenario: SCENARIO, options: {} },
  protection: { scenario: SCENARIO, options: { policies: ['design-protection'] } },
  noFacility: { scenario: NO_FACILITY, options: {} },
  noDemonstration: { scenario: SCENARIO, options: { set: ['entry.demonstrationWeight=0'] } },
};

/** The replicate set of a variant, run once per process. */
const runs = variantRuns(VARIANTS, REPS);

/** Firms (panel rows) of `town` making `product` in December of `year`. */
function makersInDecember(result: RunResult, year: number, town: number, product: number): number {
  const p = result.firmPanel.cols;
  let makers = 0;
  for (let row = 0; row < result.firmPanel.rows; row++) {
    if (p.year[row] !== year || p.town[row] !== town) continue;
    if (Math.floor(p.productsMask[row] / 2 ** product) % 2 === 1) makers += 1;
  }
  return makers;
}

/** The first December (calendar year) in which any firm makes `product`, or undefined. */
function firstYearMade(result: RunResult, product: number): number | undefined {
  const p = result.firmPanel.cols;
  let first: number | undefined;
  for (let row = 0; row < result.firmPanel.rows; row++) {
    if (Math.floor(p.productsMask[row] / 2 ** product) % 2 !== 1) continue;
    if (first === undefined || p.year[row] < first) first = p.year[row];
  }
  return first;
}

const productIndex = (result: RunResult, name: string) => {
  const index = result.params.products.findIndex((product) => product.name === name);
  if (index < 0) throw new Error(`no product ${name} in ${SCENARIO}`);
  return index;
};

/**
 * A town's monthly demand for a process at `tick`: the mean town demand over the 12
 * months up to `tick` times the share of demand weight (docs/ODD.md §7.12) of the
 * frontier products that need the process. This is demand, not what the town's
 * firms made: an upper bound on the volume a local vendor could serve.
 */
function processDemand(result: RunResult, town: string, process: number, tick: number): number {
  const demand = metricSeries(result, 'demandUnits', town);
  const from = Math.max(0, tick - 11);
  let total = 0;
  for (let t = from; t <= tick; t++) total += demand[t];
  const townDemand = total / (tick - from + 1);
  const year = result.params.startYear + tick / 12;
  let needing = 0;
  let all = 0;
  result.params.products.forEach((product) => {
    if (product.frontierYear > year) return;
    const weight = pathValueAt(product.demandWeight, year);
    all += weight;
    if ((product.processMask & (1 << process)) !== 0) needing += weight;
  });
  return all > 0 ? (townDemand * needing) / all : 0;
}

// ---- pattern 1: imitation lag ---------------------------------------------------------

const lagCheck: PatternCheck = {
  id: '1',
  pattern: 1,
  scenario: SCENARIO,
  title: 'median months from a launch to its first local copy (all first local copies, pooled)',
  expected: "9-15 months ([P] §4.3: local copies 'usually appear one year after the public launch')",
  replications: REPS,
  async measure() {
    const lags = (await runs('baseline')).flatMap((result) =>
      eventsOf(result, 'copy')
        .filter((copy) => copy.firstLocal)
        .map((copy) => copy.lagMonths),
    );
    const statistic = median(lags);
    return outcome(
      statistic,
      `${fixed(statistic, 0)} months`,
      statistic >= 9 && statistic <= 15,
      `p10 ${fixed(quantile(lags, 0.1), 0)}, p90 ${fixed(quantile(lags, 0.9), 0)}; ${lags.length} first local copies`,
    );
  },
};

// ---- pattern 2: vendors at a critical minimum; integration falls ----------------------

interface FirstVendor {
  town: string;
  process: number;
  tick: number;
}
function firstVendorEntries(result: RunResult): FirstVendor[] {
  const seen = new Set<string>();
  const firsts: FirstVendor[] = [];
  for (const entry of eventsOf(result, 'vendor-entry')) {
    const key = `${entry.town}:${entry.process}`;
    if (seen.has(key)) continue;
    seen.add(key);
    firsts.push({ town: result.townNames[entry.town], process: entry.process, tick: entry.tick });
  }
  return firsts;
}

const vendorThresholdCheck: PatternCheck = {
  id: '2a',
  pattern: 2,
  scenario: SCENARIO,
  title:
    "share of towns' first vendors of a process that entered only once the town's demand for products needing it had reached the process's minimum efficient scale",
  expected: "at least 0.9 ([P] §4.1: vendors invest in processes 'that require a critical minimum production scale')",
  replications: REPS,
  async measure() {
    let entries = 0;
    let afterThreshold = 0;
    const ratios: number[] = [];
    const years = new Map<number, number[]>();
    for (const result of await runs('baseline')) {
      for (const first of firstVendorEntries(result)) {
        const scale = result.params.processes[first.process].minEfficientScaleUnitsPerMonth;
        const ratio = processDemand(result, first.town, first.process, first.tick) / scale;
        entries += 1;
        if (ratio >= 1) afterThreshold += 1;
        ratios.push(ratio);
        const list = years.get(first.process) ?? [];
        list.push(yearOf(result, first.tick));
        years.set(first.process, list);
      }
    }
    const statistic = afterThreshold / entries;
    const names = (await runs('baseline'))[0].params.processes.map((process) => process.name);
    const firstYears = names
      .map((name, process) => {
        const list = years.get(process);
        return `${name} ${list ? fixed(median(list), 0) : 'never'}`;
      })
      .join(', ');
    return outcome(
      statistic,
      fixed(statistic),
      statistic >= 0.9,
      `${entries} first entries (town x process); demand / scale at entry: median ${fixed(median(ratios), 1)}, min ${fixed(Math.min(...ratios), 2)}; median year of a town's first vendor: ${firstYears}`,
    );
  },
};

/** Travel hours between two towns (docs/ODD.md §2: the scenario's list, else its default). */
function hoursBetween(result: RunResult, a: string, b: string): number {
  if (a === b) return 0;
  const { travel } = result.params;
  const pair = travel.hours.find(({ between }) => between.includes(a) && between.includes(b));
  return pair ? pair.hours : travel.defaultHours;
}

const integrationFallsCheck: PatternCheck = {
  id: '2b',
  pattern: 2,
  scenario: SCENARIO,
  title:
    "share of towns (x runs) whose share of fully integrated producers is lower three years after the first vendor within reach (its own town's or one within vendors.maxTravelHours) arrived than in the December before",
  expected:
    "at least 0.9 ([P] §4.1: vendors let 'tiny units ... only perform basic machining, finishing and assembly')",
  replications: REPS,
  async measure() {
    let towns = 0;
    let fell = 0;
    let local = 0;
    const before: number[] = [];
    const after: number[] = [];
    for (const result of await runs('baseline')) {
      const firsts = firstVendorEntries(result);
      const reach = result.params.vendors.maxTravelHours;
      for (const town of result.townNames) {
        const first = firsts
          .filter((entry) => hoursBetween(result, town, entry.town) <= reach)
          .sort((a, b) => a.tick - b.tick)[0];
        if (!first) continue;
        if (first.town === town) local += 1;
        const share = decemberSeries(result, 'fullyIntegratedShare', town);
        const year = Math.floor(first.tick / 12);
        const was = share[Math.max(0, year - 1)];
        const is = share[Math.min(share.length - 1, year + 3)];
        towns += 1;
        if (is < was) fell += 1;
        before.push(was);
        after.push(is);
      }
    }
    const statistic = fell / towns;
    return outcome(
      statistic,
      fixed(statistic),
      statistic >= 0.9,
      `${towns} towns (${local} first served by a vendor of their own); mean share ${fixed(mean(before))} before, ${fixed(mean(after))} three years after`,
    );
  },
};

const integration1960sCheck: PatternCheck = {
  id: '2c',
  pattern: 2,
  scenario: SCENARIO,
  title: 'share of producers doing every process in-house in the 1960s (all towns, mean of Decembers 1962-1969)',
  expected:
    "0.2-0.55 ([P] §4.1: 'In the earliest survey of one hundred diesel pump firms in the 1960s, only thirty-six were found to be fully integrated')",
  replications: REPS,
  async measure() {
    const shares: number[] = [];
    let start = 0;
    let end = 0;
    const results = await runs('baseline');
    for (const result of results) {
      const share = decemberSeries(result, 'fullyIntegratedShare');
      for (let year = 1962; year <= 1969; year++) shares.push(share[year - result.params.startYear]);
      start += share[0] / results.length;
      end += share[share.length - 1] / results.length;
    }
    const statistic = mean(shares);
    return outcome(
      statistic,
      fixed(statistic),
      statistic >= 0.2 && statistic <= 0.55,
      `${fixed(start)} in 1960, ${fixed(end)} in 1994`,
    );
  },
};

// ---- pattern 3: spin-offs; entry feeds on itself --------------------------------------

const spinOffShareCheck: PatternCheck = {
  id: '3a',
  pattern: 3,
  scenario: SCENARIO,
  title: 'share of entrants 1960-1994 founded by former workers of cluster firms (spin-offs), pooled',
  expected:
    "above 0.5 ([P] §4.3: 'many ex-apprentices attempt to start their own workshop'), with outsiders (no parent firm) entering at 1 a town a year (assumption)",
  replications: REPS,
  async measure() {
    let entries = 0;
    let spinOffs = 0;
    for (const result of await runs('baseline')) {
      for (const entry of eventsOf(result, 'entry')) {
        entries += 1;
        if (entry.parent >= 0) spinOffs += 1;
      }
    }
    const statistic = spinOffs / entries;
    return outcome(
      statistic,
      fixed(statistic),
      statistic > 0.5 && statistic < 1,
      `${spinOffs} spin-offs, ${entries - spinOffs} outsiders`,
    );
  },
};

const lineageCheck: PatternCheck = {
  id: '3b',
  pattern: 3,
  scenario: SCENARIO,
  title:
    'share of spin-offs whose parent firm itself entered during the run (not a founding firm): 1960-1969 vs 1985-1994; statistic = the rise',
  expected:
    "a rise of at least 0.1 ([P] §4.3: 'initially started with spin-offs from the large engineering firms ... later followed by proliferation of new entrepreneurs trained within the small-scale sector itself')",
  replications: REPS,
  async measure() {
    const early = [0, 0];
    const late = [0, 0];
    for (const result of await runs('baseline')) {
      const founding = result.params.towns.reduce((n, town) => n + town.initialFirms, 0);
      for (const entry of eventsOf(result, 'entry')) {
        if (entry.parent < 0) continue;
        const year = yearOf(result, entry.tick);
        const bucket = year <= 1969 ? early : year >= 1985 ? late : undefined;
        if (!bucket) continue;
        bucket[0] += 1;
        if (entry.parent >= founding) bucket[1] += 1;
      }
    }
    const earlyShare = early[1] / early[0];
    const lateShare = late[1] / late[0];
    const statistic = lateShare - earlyShare;
    return outcome(
      statistic,
      `${fixed(earlyShare)} -> ${fixed(lateShare)}`,
      statistic >= 0.1,
      `${early[0]} spin-offs in the 1960s, ${late[0]} in 1985-1994`,
    );
  },
};

const demonstrationCheck: PatternCheck = {
  id: '3c',
  pattern: 3,
  scenario: SCENARIO,
  title:
    'spin-offs 1960-1994 with the demonstration effect (entry.demonstrationWeight 2) over spin-offs without it (0), same seeds',
  expected:
    "at least 1.1 ([P] §4.3: 'Young apprentices see many local examples of ex-trainees who have made it in business. This feeds entrepreneurial aspirations')",
  replications: REPS,
  async measure() {
    const count = (results: RunResult[]) =>
      results.reduce((n, result) => n + eventsOf(result, 'entry').filter((entry) => entry.parent >= 0).length, 0);
    const withEffect = count(await runs('baseline'));
    const without = count(await runs('noDemonstration'));
    const statistic = withEffect / without;
    return outcome(statistic, fixed(statistic), statistic >= 1.1, `${withEffect} vs ${without} spin-offs`);
  },
};

// ---- cluster size: firms per town and workers per firm, 1994 -------------------------

/** Size band of [P] §4, owner included. */
const SIZE_MIN = 5;
const SIZE_MAX = 50;

const sizeCheck: PatternCheck = {
  id: 'size',
  pattern: 3,
  scenario: SCENARIO,
  title:
    'share of firms with 5-50 workers (owner included) in December 1994, pooled over runs; detail: firms a town (mean over runs) and the head-count distribution',
  expected:
    "at least 0.6 of firms with 5-50 workers, the median firm in 5-50, and 50-60 firms a town ([P] §4: 'One cluster consists of roughly fifty to sixty firms, which employ approximately five to fifty workers each')",
  replications: REPS,
  async measure() {
    const results = await runs('baseline');
    const sizes: number[] = [];
    let firmsPerTown = 0;
    for (const result of results) {
      const year = result.params.startYear + result.params.years - 1;
      const p = result.firmPanel.cols;
      let firms = 0;
      for (let row = 0; row < result.firmPanel.rows; row++) {
        if (p.year[row] !== year) continue;
        sizes.push(p.headcount[row]);
        firms += 1;
      }
      firmsPerTown += firms / result.townNames.length / results.length;
    }
    const inBand = sizes.filter((size) => size >= SIZE_MIN && size <= SIZE_MAX).length;
    const statistic = inBand / sizes.length;
    const middle = median(sizes);
    const pass =
      statistic >= 0.6 && middle >= SIZE_MIN && middle <= SIZE_MAX && firmsPerTown >= 50 && firmsPerTown <= 60;
    return outcome(
      statistic,
      `${fixed(statistic)} of firms; ${fixed(firmsPerTown, 1)} firms a town`,
      pass,
      `${sizes.length} firm-runs; workers a firm p10 ${fixed(quantile(sizes, 0.1), 0)}, median ${fixed(middle, 0)}, p90 ${fixed(quantile(sizes, 0.9), 0)}; ${fixed(sizes.filter((size) => size < SIZE_MIN).length / sizes.length)} below 5, ${fixed(sizes.filter((size) => size > SIZE_MAX).length / sizes.length)} above 50`,
    );
  },
};

// ---- pattern 4: product variety; complex items late ------------------------------------

const varietyCheck: PatternCheck = {
  id: '4a',
  pattern: 4,
  scenario: SCENARIO,
  title: 'distinct products made in the cluster, December 1960 -> December 1994 (median over runs)',
  expected:
    "at most 8 in 1960 and at least 20 of the catalogue's 24 in 1994 ([P] §4: pumps and engines first, 'well over fifty different farm equipment items' by 1994; the catalogue keeps 24 of them)",
  replications: REPS,
  async measure() {
    const results = await runs('baseline');
    const first = median(results.map((result) => decemberSeries(result, 'productsMade')[0]));
    const last = median(
      results.map((result) => {
        const series = decemberSeries(result, 'productsMade');
        return series[series.length - 1];
      }),
    );
    const catalogue = results[0].params.products.length;
    return outcome(
      last,
      `${fixed(first, 0)} -> ${fixed(last, 0)}`,
      first <= 8 && last >= 20,
      `catalogue of ${catalogue} products`,
    );
  },
};

const TRANSMISSION_ITEMS = ['wheatThresher', 'riceThresher', 'rotaryCultivator'];
const lateComplexCheck: PatternCheck = {
  id: '4b',
  pattern: 4,
  scenario: SCENARIO,
  title:
    'years from 1960 (pumps and engines) to the first December any firm makes a thresher or rotary cultivator (median over runs)',
  expected:
    "15-34 years ([P] §4: by the 1994 survey 'several firms had also mastered more complex machinery with internal transmission mechanisms, such as rotary cultivators, wheat and rice threshers')",
  replications: REPS,
  async measure() {
    const results = await runs('baseline');
    const gaps: number[] = [];
    const rotary: number[] = [];
    for (const result of results) {
      const years = TRANSMISSION_ITEMS.map((name) => firstYearMade(result, productIndex(result, name))).filter(
        (year): year is number => year !== undefined,
      );
      gaps.push(years.length > 0 ? Math.min(...years) - result.params.startYear : Number.POSITIVE_INFINITY);
      const rotaryYear = firstYearMade(result, productIndex(result, 'rotaryCultivator'));
      if (rotaryYear !== undefined) rotary.push(rotaryYear);
    }
    const statistic = median(gaps);
    const simpleFirst = median(
      results.flatMap((result) =>
        result.params.products
          .map((product, index) => (product.complexity <= 0.2 ? firstYearMade(result, index) : undefined))
          .filter((year): year is number => year !== undefined),
      ),
    );
    return outcome(
      statistic,
      `${fixed(statistic, 0)} years`,
      statistic >= 15 && statistic <= 34,
      `simple items (complexity <= 0.2) first made median ${fixed(simpleFirst, 0)}; rotary cultivator first made median ${rotary.length > 0 ? fixed(median(rotary), 0) : 'never'} in ${rotary.length} of ${results.length} runs (prototype 1983)`,
    );
  },
};

// ---- pattern 5: appropriability and design protection ----------------------------------

const designSpend = (results: RunResult[]) =>
  results.reduce((total, result) => total + sum(metricSeries(result, 'designSpend')), 0);
const launchesOf = (results: RunResult[], kind?: 'product' | 'incremental') =>
  results.reduce(
    (n, result) => n + eventsOf(result, 'launch').filter((launch) => kind === undefined || launch.kind === kind).length,
    0,
  );

const protectionEffortCheck: PatternCheck = {
  id: '5a',
  pattern: 5,
  scenario: SCENARIO,
  title:
    'new-product launches (reverse-engineered designs, the costly kind of design work) with design protection (24 months from 1960) over without, same seeds',
  expected:
    "at least 1.1 ([P] §4.3: appropriability problems 'reduce incentives for progressive firms to invest in technological effort'; a longer lag raises them)",
  replications: REPS,
  async measure() {
    const baseline = await runs('baseline');
    const protectedRuns = await runs('protection');
    const withProtection = launchesOf(protectedRuns, 'product');
    const base = launchesOf(baseline, 'product');
    const statistic = withProtection / base;
    const spend = designSpend(protectedRuns) / designSpend(baseline);
    return outcome(
      statistic,
      fixed(statistic),
      statistic >= 1.1,
      `${withProtection} vs ${base}; all launches ${launchesOf(protectedRuns)} vs ${launchesOf(baseline)}; design and copy spending x${fixed(spend)}`,
    );
  },
};

function incrementalShare(results: RunResult[]): { share: number; launches: number } {
  let launches = 0;
  let incremental = 0;
  for (const result of results) {
    for (const launch of eventsOf(result, 'launch')) {
      launches += 1;
      if (launch.kind === 'incremental') incremental += 1;
    }
  }
  return { share: incremental / launches, launches };
}

const incrementalCheck: PatternCheck = {
  id: '5b',
  pattern: 5,
  scenario: SCENARIO,
  title:
    'share of launches that are incremental improvements (not new products), pooled; detail: with design protection',
  expected:
    "at least 0.5 ([P] §4.3: the one-year lag 'appears to be one reason why only incremental modifications are made to the designs')",
  replications: REPS,
  async measure() {
    const baseline = incrementalShare(await runs('baseline'));
    const protectedShare = incrementalShare(await runs('protection'));
    return outcome(
      baseline.share,
      fixed(baseline.share),
      baseline.share >= 0.5,
      `${baseline.launches} launches; ${fixed(protectedShare.share)} of ${protectedShare.launches} with design protection`,
    );
  },
};

// ---- pattern 6: the common facility and rotary cultivators -----------------------------

async function rotaryMakers(variant: Variant): Promise<number[]> {
  return (await runs(variant)).map((result) => {
    const town = result.townNames.indexOf(FACILITY_TOWN);
    return makersInDecember(
      result,
      result.params.startYear + result.params.years - 1,
      town,
      productIndex(result, 'rotaryCultivator'),
    );
  });
}

const facilityCheck: PatternCheck = {
  id: '6a',
  pattern: 6,
  scenario: SCENARIO,
  title:
    'share of runs in which firms of Mian Channun make rotary cultivators in December 1994 (common facility from 1985)',
  expected:
    "at least 0.9 ([P] §4.1: the facility's machine 'was capable of manufacturing bevel gears, which are needed in rotary cultivators')",
  replications: REPS,
  async measure() {
    const makers = await rotaryMakers('baseline');
    const statistic = makers.filter((n) => n > 0).length / makers.length;
    return outcome(statistic, fixed(statistic), statistic >= 0.9, `makers per run: ${makers.join(', ')}`);
  },
};

const noFacilityCheck: PatternCheck = {
  id: '6b',
  pattern: 6,
  scenario: NO_FACILITY,
  title:
    'Mian Channun firms making rotary cultivators in December 1994 without the common facility over with it (same seeds)',
  expected:
    "at most 0.25 ([P] §4.1: 'they would not have embarked on ... the manufacture of this complex piece of farm equipment without the local machining service')",
  replications: REPS,
  async measure() {
    const withFacility = sum(await rotaryMakers('baseline'));
    const makers = await rotaryMakers('noFacility');
    const without = sum(makers);
    const statistic = without / withFacility;
    return outcome(
      statistic,
      fixed(statistic),
      statistic <= 0.25,
      `${without} vs ${withFacility} firm-runs; without the facility, makers per run: ${makers.join(', ')}`,
    );
  },
};

export const PUNJAB_PATTERNS: readonly PatternCheck[] = [
  lagCheck,
  vendorThresholdCheck,
  integrationFallsCheck,
  integration1960sCheck,
  spinOffShareCheck,
  lineageCheck,
  demonstrationCheck,
  sizeCheck,
  varietyCheck,
  lateComplexCheck,
  protectionEffortCheck,
  incrementalCheck,
  facilityCheck,
  noFacilityCheck,
];
