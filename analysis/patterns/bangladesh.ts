/**
 * Pattern checks on the Bangladesh scenarios (shared/MODEL.md, patterns 7-9; the source is
 * Hoque's study of Railway Market (Bogra), Bonogram and Tipu Sultan Road (Dhaka), cited
 * [B]). Every check reads replicated runs (seeds 1..REPS) of five variants, each run
 * once per process and shared between checks: Railway Market as it stands, with the
 * upgrading package (training centre, collateral-free credit, export linkage: the
 * policy files of scenarios/policies/), and without its shocks; Bonogram as it stands,
 * and without the collapse of its jute-mill customers.
 *
 * Capital is net worth (cash - debt + book value of machines, docs/ODD.md §7.18). A
 * firm's starting capital is what it started with: for a founding firm its cash and the
 * machines it was endowed with at the start of the run, for an entrant the capital its
 * founder brought plus kin help (the machines it buys are matched by that cash or by
 * debt). The model has no inflation, so [B]'s nominal figures (Sumon Engineering's BDT
 * 18,000 in 1985 to BDT 20 lakh in 2012) are read as ratios.
 */
import type { RunResult } from '../../sim/runOne.js';
import { createWorld } from '../../sim/world.js';
import { initialiseWorld } from '../../sim/model/initialise.js';
import { HEADER } from '../../sim/state/header.js';
import { variantRuns, type VariantSpec } from './replicates.js';
import { eventsOf, finalValue } from './series.js';
import { fixed, lastYear, mean, median, outcome, sum, yearOf } from './stats.js';
import type { PatternCheck } from './types.js';

const BOGRA = 'bogra-railway-market';
const BONOGRAM = 'dhaka-bonogram';
/** Runs per variant: 5 variants x 10 runs of about half a second each. */
const REPS = 10;
/** The upgrading package [B] recommends (Conclusions): training, collateral-free credit, export access. */
const PACKAGE = ['training-centre', 'collateral-free-credit', 'export-linkage'];
/** Founding era of pattern 7: firms trading in the first year or founded in the first six (1985-1990). */
const FOUNDING_ERA_YEARS = 6;
/** Pattern 9: the December before the jute mills' collapse (dhaka-bonogram's sector path). */
const JUTE_COLLAPSE_FROM = 2001;
const JUTE_SECTOR = 'jute';

type Variant = 'bogra' | 'bograPackage' | 'bograNoShocks' | 'bonogram' | 'bonogramNoCollapse';
const VARIANTS: Record<Variant, VariantSpec> = {
  bogra: { scenario: BOGRA, options: {} },
  bograPackage: { scenario: BOGRA, options: { policies: PACKAGE } },
  bograNoShocks: { scenario: 'bogra-railway-market-no-shocks', options: {} },
  bonogram: { scenario: BONOGRAM, options: {} },
  bonogramNoCollapse: { scenario: 'dhaka-bonogram-no-jute-collapse', options: {} },
};

/** The replicate set of a variant, run once per process. */
const runs = variantRuns(VARIANTS, REPS);

// ---- small helpers -------------------------------------------------------------------

/** Net worth by firm id in December of `year` (firms trading then). */
function netWorthIn(result: RunResult, year: number): Map<number, number> {
  const p = result.firmPanel.cols;
  const out = new Map<number, number>();
  for (let row = 0; row < result.firmPanel.rows; row++) if (p.year[row] === year) out.set(p.firm[row], p.netWorth[row]);
  return out;
}

/**
 * Starting capital of every firm founded in the first `years` years, by id: founding
 * firms' cash plus their machine endowment (the initial world rebuilt from the seed),
 * entrants' brought capital plus kin help.
 */
function startingCapital(result: RunResult, years: number): Map<number, number> {
  const out = new Map<number, number>();
  const world = createWorld(result.params, result.seed);
  initialiseWorld(world);
  const founders = world.header[HEADER.firmCount];
  const f = world.firms.cols;
  for (let id = 0; id < founders; id++) out.set(id, f.cash[id] + f.machineValue[id]);
  const { entryCapital } = result.params.entry;
  const help = result.params.kin.helpCapitalPerFirm;
  for (const entry of eventsOf(result, 'entry')) {
    if (yearOf(result, entry.tick) >= result.params.startYear + years) continue;
    out.set(entry.firm, entryCapital + entry.kinHelpers * help);
  }
  return out;
}

interface CapitalPaths {
  firms: number;
  tenfold: number;
  exited: number;
  shrank: number;
  /** Final / starting capital of the survivors. */
  multiples: number[];
}

/** Pattern 7's founding-era firms: how many multiplied their capital tenfold, shrank it, or closed. */
function capitalPaths(result: RunResult): CapitalPaths {
  const start = startingCapital(result, FOUNDING_ERA_YEARS);
  const final = netWorthIn(result, lastYear(result));
  const exits = new Set(eventsOf(result, 'exit').map((exit) => exit.firm));
  const paths: CapitalPaths = { firms: start.size, tenfold: 0, exited: 0, shrank: 0, multiples: [] };
  for (const [firm, capital] of start) {
    const worth = final.get(firm);
    if (exits.has(firm) || worth === undefined) {
      paths.exited += 1;
      continue;
    }
    const multiple = worth / capital;
    paths.multiples.push(multiple);
    if (multiple >= 10) paths.tenfold += 1;
    if (multiple < 1) paths.shrank += 1;
  }
  return paths;
}

function pooledCapitalPaths(results: readonly RunResult[]): CapitalPaths {
  const all = results.map(capitalPaths);
  return {
    firms: sum(all.map((p) => p.firms)),
    tenfold: sum(all.map((p) => p.tenfold)),
    exited: sum(all.map((p) => p.exited)),
    shrank: sum(all.map((p) => p.shrank)),
    multiples: all.flatMap((p) => p.multiples),
  };
}

/** Firm-years (panel rows) and how many of them carry each upgrading flag. */
interface UpgradingCounts {
  firmYears: number;
  product: number;
  process: number;
  functional: number;
  interSectoral: number;
  marketingLinkages: number;
}
function upgradingCounts(results: readonly RunResult[]): UpgradingCounts {
  const counts: UpgradingCounts = {
    firmYears: 0,
    product: 0,
    process: 0,
    functional: 0,
    interSectoral: 0,
    marketingLinkages: 0,
  };
  for (const result of results) {
    const p = result.firmPanel.cols;
    for (let row = 0; row < result.firmPanel.rows; row++) {
      counts.firmYears += 1;
      counts.product += p.upgradedProduct[row];
      counts.process += p.upgradedProcess[row];
      counts.functional += p.upgradedFunctional[row];
      counts.interSectoral += p.upgradedInterSectoral[row];
      counts.marketingLinkages += p.upgradedMarketingLinkages[row];
    }
  }
  return counts;
}

/** Share of the firms trading in the last December that ever upgraded functionally or in marketing linkages. */
function beyondProductShare(result: RunResult): number {
  const p = result.firmPanel.cols;
  const last = lastYear(result);
  const upgraded = new Set<number>();
  const trading = new Set<number>();
  for (let row = 0; row < result.firmPanel.rows; row++) {
    if (p.upgradedFunctional[row] === 1 || p.upgradedMarketingLinkages[row] === 1) upgraded.add(p.firm[row]);
    if (p.year[row] === last) trading.add(p.firm[row]);
  }
  if (trading.size === 0) return 0;
  let count = 0;
  for (const firm of trading) if (upgraded.has(firm)) count += 1;
  return count / trading.size;
}

/** Bit mask of the products of `sector`. */
function sectorProducts(result: RunResult, sector: string): number {
  let mask = 0;
  result.params.products.forEach((product, index) => {
    if (product.sector === sector) mask |= 1 << index;
  });
  if (mask === 0) throw new Error(`no product of sector ${sector} in ${result.params.name}`);
  return mask;
}

interface CohortFate {
  firms: number;
  downgraded: number;
}

/** Pattern 9's cohort: workshops with at least one hired worker (an owner working alone churns whatever its customers do). */
const MIN_HEADCOUNT = 2;

/**
 * Pattern 9: the workshops with hired workers trading in December `from`, split by
 * whether they then made a product of `sector`; each downgraded if it closed by the
 * last December or sold less then than in December `from` (the Dhaka calendar is flat).
 */
function sectorFates(result: RunResult, sector: string, from: number): { serving: CohortFate; others: CohortFate } {
  const mask = sectorProducts(result, sector);
  const p = result.firmPanel.cols;
  const last = lastYear(result);
  const finalSales = new Map<number, number>();
  for (let row = 0; row < result.firmPanel.rows; row++)
    if (p.year[row] === last) finalSales.set(p.firm[row], p.salesUnits[row]);
  const serving: CohortFate = { firms: 0, downgraded: 0 };
  const others: CohortFate = { firms: 0, downgraded: 0 };
  for (let row = 0; row < result.firmPanel.rows; row++) {
    if (p.year[row] !== from || p.headcount[row] < MIN_HEADCOUNT) continue;
    const cohort = (p.productsMask[row] >>> 0) & mask ? serving : others;
    cohort.firms += 1;
    const sales = finalSales.get(p.firm[row]);
    if (sales === undefined || sales < p.salesUnits[row]) cohort.downgraded += 1;
  }
  return { serving, others };
}

function pooledFates(results: readonly RunResult[]): { serving: CohortFate; others: CohortFate } {
  const all = results.map((result) => sectorFates(result, JUTE_SECTOR, JUTE_COLLAPSE_FROM));
  const pool = (pick: (f: { serving: CohortFate; others: CohortFate }) => CohortFate): CohortFate => ({
    firms: sum(all.map((f) => pick(f).firms)),
    downgraded: sum(all.map((f) => pick(f).downgraded)),
  });
  return { serving: pool((f) => f.serving), others: pool((f) => f.others) };
}
const share = (fate: CohortFate) => (fate.firms > 0 ? fate.downgraded / fate.firms : Number.NaN);

// ---- pattern 7: upgraded and downgraded firms side by side ----------------------------

const tenfoldCheck: PatternCheck = {
  id: '7a',
  pattern: 7,
  scenario: BOGRA,
  title: 'share of founding-era firms (1985-1990) whose capital in 2012 is ten times their starting capital or more',
  expected:
    "0.1-0.5: upgraded firms, but a minority ([B] Cluster 1: Sumon Engineering BDT 18,000 in 1985 to BDT 20 lakh in 2012; 'the light engineering firms are struggling to survive')",
  replications: REPS,
  async measure() {
    const paths = pooledCapitalPaths(await runs('bogra'));
    const statistic = paths.tenfold / paths.firms;
    return outcome(
      statistic,
      fixed(statistic),
      statistic >= 0.1 && statistic <= 0.5,
      `${paths.tenfold} of ${paths.firms} firms; survivors' median multiple ${fixed(median(paths.multiples), 0)}`,
    );
  },
};

const downgradedCheck: PatternCheck = {
  id: '7b',
  pattern: 7,
  scenario: BOGRA,
  title: 'share of founding-era firms (1985-1990) closed by 2012 or with less capital than they started with',
  expected:
    "0.3-0.9: downgraded firms common ([B] Cluster 1: Khalek 'may quit business at any time'; Cluster 3: Fancy's capital 'reduced to BDT.3 lac'; Abstract: 'struggling to survive')",
  replications: REPS,
  async measure() {
    const paths = pooledCapitalPaths(await runs('bogra'));
    const statistic = (paths.exited + paths.shrank) / paths.firms;
    return outcome(
      statistic,
      fixed(statistic),
      statistic >= 0.3 && statistic <= 0.9,
      `${paths.exited} closed and ${paths.shrank} shrank of ${paths.firms} firms`,
    );
  },
};

const processCheck: PatternCheck = {
  id: '7c',
  pattern: 7,
  scenario: BOGRA,
  title: 'share of firm-years with process upgrading (a machine bought, or capability up 0.05 in the year), no policy',
  expected:
    "at most 0.05 ([B] Overall: 'there has no notable process upgrading in the industry'; Table 2: 'conventional indigenous technologies')",
  replications: REPS,
  async measure() {
    const counts = upgradingCounts(await runs('bogra'));
    const statistic = counts.process / counts.firmYears;
    return outcome(
      statistic,
      fixed(statistic, 3),
      statistic <= 0.05,
      `${counts.process} of ${counts.firmYears} firm-years; product upgrading ${fixed(counts.product / counts.firmYears)}`,
    );
  },
};

const functionalCheck: PatternCheck = {
  id: '7d',
  pattern: 7,
  scenario: BOGRA,
  title: 'functional and marketing-linkage upgrades per 1,000 firm-years, no policy',
  expected:
    "at most 5 ([B] Table 2: functional 'Light engineering clusters are static in nature'; marketing linkages 'GVC has no existence in the light engineering clusters')",
  replications: REPS,
  async measure() {
    const counts = upgradingCounts(await runs('bogra'));
    const statistic = (1000 * (counts.functional + counts.marketingLinkages)) / counts.firmYears;
    return outcome(
      statistic,
      fixed(statistic, 1),
      statistic <= 5,
      `${counts.functional} functional, ${counts.marketingLinkages} marketing-linkage of ${counts.firmYears} firm-years`,
    );
  },
};

// ---- pattern 8: shocks keep the cluster static; the package moves it -----------------

const shocksCheck: PatternCheck = {
  id: '8a',
  pattern: 8,
  scenario: BOGRA,
  title:
    'cluster sales in 2012 without the shocks over sales with them (same seeds; bogra-railway-market-no-shocks: no input-price rise, power cut or imports)',
  expected:
    "at least 1.15: the shocks hold the cluster back ([B] Cluster 1: 'high prices of hard coke and pig iron ... shortage of power supply ... competition with foreign products')",
  replications: REPS,
  async measure() {
    const base = await runs('bogra');
    const free = await runs('bograNoShocks');
    const ratios = base.map((result, i) => finalValue(free[i], 'salesUnits') / finalValue(result, 'salesUnits'));
    const firms = (results: readonly RunResult[]) => mean(results.map((r) => finalValue(r, 'firms')));
    const statistic = mean(ratios);
    return outcome(
      statistic,
      `${fixed(statistic)}x`,
      statistic >= 1.15,
      `lower in ${ratios.filter((r) => r > 1).length} of ${ratios.length} seeds; workshops ${fixed(firms(base), 0)} with, ${fixed(firms(free), 0)} without`,
    );
  },
};

const packageUpgradingCheck: PatternCheck = {
  id: '8b',
  pattern: 8,
  scenario: BOGRA,
  title:
    'share of the firms trading in 2012 that ever upgraded functionally or in marketing linkages: with the package (training centre, collateral-free credit, export linkage) minus without',
  expected:
    "at least 0.2, from about 0 without ([B] Overall: 'the industry has almost static state'; Conclusions: training, loans 'without any collateral', 'access to the international market')",
  replications: REPS,
  async measure() {
    const base = (await runs('bogra')).map(beyondProductShare);
    const withPackage = (await runs('bograPackage')).map(beyondProductShare);
    const statistic = mean(withPackage) - mean(base);
    return outcome(
      statistic,
      fixed(statistic),
      statistic >= 0.2 && mean(base) <= 0.05,
      `${fixed(mean(withPackage))} with the package, ${fixed(mean(base))} without`,
    );
  },
};

const packageCapabilityCheck: PatternCheck = {
  id: '8c',
  pattern: 8,
  scenario: BOGRA,
  title: 'mean capability of the firms trading in 2012: with the package minus without (same seeds)',
  expected:
    "above 0, and in more than half the seeds (direction only: [B] Conclusions, 'sufficient training facilities can make them competent')",
  replications: REPS,
  async measure() {
    const base = await runs('bogra');
    const withPackage = await runs('bograPackage');
    const gains = base.map(
      (result, i) => finalValue(withPackage[i], 'meanCapability') - finalValue(result, 'meanCapability'),
    );
    const statistic = mean(gains);
    const wins = gains.filter((gain) => gain > 0).length;
    return outcome(
      statistic,
      `+${fixed(statistic, 3)}`,
      statistic > 0 && wins > gains.length / 2,
      `higher in ${wins} of ${gains.length} seeds; ${fixed(mean(base.map((r) => finalValue(r, 'meanCapability'))))} without`,
    );
  },
};

// ---- pattern 9: a customer sector's collapse downgrades its suppliers -----------------

const juteCheck: PatternCheck = {
  id: '9a',
  pattern: 9,
  scenario: BONOGRAM,
  title: `share of the workshops with hired workers in ${JUTE_COLLAPSE_FROM} that closed or sold less by 2012: those making jute-mill items minus the others`,
  expected:
    "at least 0.1 ([B] Cluster 2, Saddam Engineering: 'the firm's products demand has reduced extremely as the current situation of the jute industry is not good')",
  replications: REPS,
  async measure() {
    const { serving, others } = pooledFates(await runs('bonogram'));
    const statistic = share(serving) - share(others);
    return outcome(
      statistic,
      fixed(statistic),
      statistic >= 0.1,
      `${fixed(share(serving))} of ${serving.firms} jute suppliers, ${fixed(share(others))} of ${others.firms} others`,
    );
  },
};

const juteCounterfactualCheck: PatternCheck = {
  id: '9b',
  pattern: 9,
  scenario: BONOGRAM,
  title: `share of the jute-mill suppliers with hired workers in ${JUTE_COLLAPSE_FROM} that closed or sold less by 2012: with the collapse minus without (dhaka-bonogram-no-jute-collapse, same seeds)`,
  expected: "at least 0.1 ([B] Cluster 2: Saddam Engineering 'is struggling to survive in business')",
  replications: REPS,
  async measure() {
    const collapse = pooledFates(await runs('bonogram')).serving;
    const held = pooledFates(await runs('bonogramNoCollapse')).serving;
    const statistic = share(collapse) - share(held);
    return outcome(
      statistic,
      fixed(statistic),
      statistic >= 0.1,
      `${fixed(share(collapse))} of ${collapse.firms} with the collapse, ${fixed(share(held))} of ${held.firms} without`,
    );
  },
};

export const BANGLADESH_PATTERNS: readonly PatternCheck[] = [
  tenfoldCheck,
  downgradedCheck,
  processCheck,
  functionalCheck,
  shocksCheck,
  packageUpgradingCheck,
  packageCapabilityCheck,
  juteCheck,
  juteCounterfactualCheck,
];
