/**
 * The parameter groups of a scenario (`market`, `labour`, ..., `upgrading`): each a
 * strict object whose every field has a default, so a scenario may leave a group out.
 * Descriptions carry the units; docs/ODD.md (Parameters) gives each default's source.
 */
import { z } from 'zod';
import { constantPath, integer, number, probability, yearlyPath } from './common.js';

export const shockPaths = {
  materialPriceIndex: () =>
    yearlyPath(
      'Raw-material price index: multiplier on market.materialCostPerUnit (1 = no shock)',
      'Multiplier on the material cost of a unit',
      0.01,
      100,
    ),
  powerAvailability: () =>
    yearlyPath(
      "Share of production days with power: multiplies every firm's capacity (1 = no shortage)",
      'Share of days with power, in [0, 1]',
      0,
      1,
    ),
  demandIndex: () =>
    yearlyPath(
      "Demand index: multiplier on the town's demand (1 = no shock; a sector collapse or boom)",
      'Multiplier on demand',
      0,
      100,
    ),
};

export const importPaths = {
  priceIndex: () =>
    yearlyPath(
      'Import price relative to market.materialCostPerUnit * (1 + market.markupMax)',
      'Import price index',
      0.01,
      100,
    ),
  quality: () =>
    yearlyPath('Quality of imports as a capability-equivalent, in [0, 1]', 'Capability-equivalent of imports', 0, 1),
  capacityShare: () =>
    yearlyPath(
      "Units imports could supply in a town, as a share of the town's demand (0 = no imports)",
      'Share of demand',
      0,
      1,
    ),
};

const DEFAULT_SEASONALITY = [0.9, 0.8, 1.0, 1.3, 1.2, 1.0, 0.8, 0.7, 0.9, 1.3, 1.2, 0.9];

export const MarketSchema = z
  .strictObject({
    seasonality: z
      .array(z.number().min(0).max(10))
      .length(12)
      .default(DEFAULT_SEASONALITY)
      .describe('Demand multiplier per calendar month, January first (agricultural calendar)'),
    materialCostPerUnit: number('Material cost of one unit, money', 400, 0.01, 1e12),
    overheadPerFirmMonth: number('Fixed cost of running a workshop, money per month', 200, 0, 1e12),
    markupMax: number('Mark-up over unit cost of a firm without rivals (0.6 = 60%)', 0.6, 0, 10),
    markupHalvingRivals: number(
      'Number of rivals in the town at which the mark-up is halved (margin squeeze)',
      20,
      0.01,
      1e6,
    ),
    qualityPremium: number('Mark-up multiplier per unit of capability above the town mean', 1, 0, 10),
    priceElasticity: number("Elasticity of a firm's demand share to its price", 2, 0, 20),
    qualityElasticity: number("Elasticity of a firm's demand share to its quality", 1, 0, 20),
  })
  .prefault({})
  .describe('Market: demand split by price, quality and delivery capacity');

export const LabourSchema = z
  .strictObject({
    unitsPerWorkerMonth: number('Output of a fully skilled worker at zero capability, units per month', 1, 0.0001, 1e6),
    skillProductivityFloor: probability('Share of full output an unskilled worker reaches', 0.3),
    capabilityProductivityGain: number(
      'Extra output per unit of firm capability (0.5 = +50% at capability 1)',
      0.5,
      0,
      10,
    ),
    wageApprenticePerMonth: number('Apprentice wage, money per month', 50, 0, 1e12),
    wageJourneymanPerMonth: number('Journeyman wage (and owner draw), money per month', 150, 0, 1e12),
    learningByDoingPerMonth: probability('Share of the skill gap closed per month at full utilisation', 0.02),
    apprenticeshipMonths: integer('Months before an apprentice can become a journeyman', 24, 0, 600),
    journeymanSkill: probability('Skill an apprentice needs to become a journeyman', 0.35),
    quitProbabilityPerMonth: probability('Monthly probability that an employee quits', 0.01),
    layoffProbabilityPerMonth: probability(
      'Monthly probability that an employee of a shrinking firm is laid off',
      0.05,
    ),
    retireProbabilityPerMonth: probability('Monthly probability of leaving the labour force', 0.0028),
    hireDemandRatio: number('A firm hires when its demand share exceeds its capacity by this ratio', 1.05, 0, 100),
    layoffDemandRatio: number(
      'A firm sheds labour when its demand share falls below this share of capacity',
      0.7,
      0,
      100,
    ),
    hireReserveMonths: number('Cash a firm must hold to hire, in months of a journeyman wage', 3, 0, 1000),
    newApprenticeSkill: probability('Skill of a new apprentice', 0.1),
    moverKnowledgeShare: probability(
      "Share of the capability gap to a hired worker's previous employer that the worker brings to the hiring firm",
      0.05,
    ),
    wageCapabilityPremium: number(
      'Wage premium per unit of firm capability above the town mean (0.5 = +50% at +1), share of the wage',
      0.3,
      0,
      10,
    ),
    quitWageGapElasticity: number(
      "Rise in the monthly quit probability per unit relative wage gap below the town's mean wage",
      2,
      0,
      100,
    ),
  })
  .prefault({})
  .describe('Labour market and learning by doing');

export const CapabilitySchema = z
  .strictObject({
    effortShareOfProfit: probability('Share of positive profit spent on technological effort', 0.1),
    effortHalfSaturation: number(
      'Effort spending at which its learning effect is half its maximum, money per month',
      500,
      0.01,
      1e12,
    ),
    effortLearningPerMonth: probability('Most capability gap closed by effort in a month', 0.004),
    productionLearningPerMonth: probability(
      'Capability gap closed by production in a month at full utilisation and skill 1',
      0.002,
    ),
  })
  .prefault({})
  .describe('Technological effort and capability accumulation');

export const EntrySchema = z
  .strictObject({
    spinOffProbabilityPerMonth: probability('Monthly probability that a qualified journeyman founds a workshop', 0.002),
    spinOffMinSkill: probability('Skill a journeyman needs to found a workshop', 0.6),
    spinOffMinTenureMonths: integer('Months with the current employer before founding a workshop', 36, 0, 600),
    demonstrationWeight: number(
      'Rise in spin-off probability per unit share of successful spin-offs in the town',
      2,
      0,
      100,
    ),
    successAgeMonths: integer('Age at which a spin-off with positive cash counts as a success', 24, 0, 600),
    entryCapital: number('Capital a founder brings, money', 3000, 0, 1e12),
    inheritedCapabilityShare: probability(
      "Weight of the parent firm's capability in a spin-off's starting capability",
      0.5,
    ),
    outsiderEntriesPerTownPerYear: number(
      'Workshops founded each year in each town, on average, by founders from outside the cluster (traders, migrants)',
      0,
      0,
      1000,
    ),
    founderProduct: z
      .enum(['simplest', 'mostOrders'])
      .default('simplest')
      .describe(
        "What a new workshop makes first: 'simplest' = the simplest product it can make (the parent's, else on the frontier); 'mostOrders' = the one with the most demand per unit of producers' pull in its town",
      ),
  })
  .prefault({})
  .describe('Entry by spin-off and by outsiders');

export const TravelSchema = z
  .strictObject({
    defaultHours: number('Travel time between two towns not listed in `hours`, in hours', 4, 0, 1000),
    hours: z
      .array(
        z.strictObject({
          between: z.array(z.string().min(1)).length(2).describe('The two towns'),
          hours: z.number().min(0).max(1000).describe('Travel time between them, in hours'),
        }),
      )
      .default([])
      .describe('Travel times between pairs of towns (symmetric)'),
  })
  .prefault({})
  .describe('Travel times between towns: spillovers decay with them');

export const SpilloverSchema = z
  .strictObject({
    spilloverLearningPerMonth: probability(
      'Share of the gap to the accessible knowledge pool a firm closes per month by observation',
      0.002,
    ),
    halfDecayHours: number(
      "Travel time over which a town's contribution to the knowledge pool halves, in hours",
      1,
      0.01,
      1000,
    ),
  })
  .prefault({})
  .describe('Spontaneous knowledge spillovers between firms (cell III)');

export const FinanceSchema = z
  .strictObject({
    interestRatePerYear: number("Interest on a firm's debt, per year (0.15 = 15%)", 0.15, 0, 5),
    creditLimitMonthsOfWageBill: number(
      'Debt a firm may carry without being in distress, in months of its wage bill (0 = no formal credit)',
      0,
      0,
      1000,
    ),
    ownerDrawShareOfProfit: probability(
      "Share of the month's profit after technological effort that the owner takes home (household income)",
      0.5,
    ),
  })
  .prefault({})
  .describe('Working capital: debt, interest and credit lines');

export const ExitSchema = z
  .strictObject({
    lossMonthsToExit: integer(
      'Consecutive months in distress (debt above the credit line) after which a firm closes',
      12,
      1,
      600,
    ),
    ownerPatienceMonths: integer(
      "Months of owner income below a journeyman's wage before the owner may give up, months",
      24,
      1,
      1200,
    ),
    ownerGiveUpProbabilityPerMonth: probability(
      'Monthly probability that an owner past their patience closes the workshop',
      0.02,
    ),
  })
  .prefault({})
  .describe('Exit on persistent losses, or an owner giving up on a poor income');

export const ShocksSchema = z
  .strictObject({
    materialPriceIndex: shockPaths.materialPriceIndex().default(constantPath(1)),
    powerAvailability: shockPaths.powerAvailability().default(constantPath(1)),
    demandIndex: shockPaths.demandIndex().default(constantPath(1)),
    materialPassThrough: probability(
      'Share of a change in material cost per unit that firms pass on in their price (town demand itself does not respond to prices)',
      0.5,
    ),
    sectorDemandIndex: z
      .array(
        z.strictObject({
          sector: z.string().min(1).describe('A customer sector named by a product (products[].sector)'),
          path: yearlyPath(
            "Demand index of the sector: multiplier on the demand for the sector's products in every town",
            'Multiplier on demand',
            0,
            100,
          ),
        }),
      )
      .max(31)
      .default([])
      .describe(
        'Demand index per customer sector (a collapse of jute mills, a railway boom); a sector not listed keeps a constant 1',
      ),
  })
  .prefault({})
  .describe('Exogenous shocks, as yearly paths that apply to every town (a town may give its own)');

export const ImportsSchema = z
  .strictObject({
    priceIndex: importPaths.priceIndex().default(constantPath(1)),
    quality: importPaths.quality().default(constantPath(0.5)),
    capacityShare: importPaths.capacityShare().default(constantPath(0)),
  })
  .prefault({})
  .describe('Import competition: one pseudo-competitor per town at an exogenous price and quality');

export const VendorsSchema = z
  .strictObject({
    volumeDiscountElasticity: number(
      "Elasticity of a vendor's price to its volume relative to the minimum efficient scale (scale economies, I a)",
      0.3,
      0,
      5,
    ),
    competitionDiscountPerVendor: number(
      'Price cut per additional local vendor of the same process, share of the price (keen supplier competition, I b)',
      0.1,
      0,
      10,
    ),
    exitShareOfScale: probability(
      "A vendor leaves when its clients' volume falls below this share of the process's minimum efficient scale",
      0.6,
    ),
    demandSmoothingMonths: number(
      'Months over which vendors average the volume they see (exponential smoothing), months',
      12,
      1,
      600,
    ),
    travelCostPerUnitHour: number(
      'Extra cost of using a vendor in another town, money per product unit per hour of travel',
      2,
      0,
      1e12,
    ),
    maxTravelHours: number('Beyond this travel time a vendor in another town is out of reach, hours', 3, 0, 1000),
    paybackMonths: number(
      'A firm buys a machine when its savings repay the machine within this many months, months',
      36,
      0,
      1200,
    ),
    secondHandDiscount: probability('Share off the machine cost once a second-hand machine market exists (I d)', 0.4),
    secondHandMarketFirms: number(
      'Firms in a town at which its second-hand machine market is fully developed, firms',
      40,
      0.01,
      1e6,
    ),
    verticalProjectLearning: probability(
      'Capability a parent firm and its vendor each gain from a vertical project, share of their gap (II b)',
      0.05,
    ),
    vendorEntryCapability: probability('Capability of a newly entered vendor, in [0, 1]', 0.3),
    vendorCapabilityPriceDiscount: probability(
      'Price cut at vendor capability 1, share of the price (a vendor that mastered the component works cheaper)',
      0.3,
    ),
  })
  .prefault({})
  .describe('Specialist vendors and make-or-buy (cells I a-d, II b)');

export const InnovationSchema = z
  .strictObject({
    productDesignCost: number('Design work needed to reverse-engineer a frontier product, money', 20000, 0, 1e12),
    incrementalDesignCost: number(
      'Design work needed for an incremental improvement of a product already made, money',
      12000,
      0,
      1e12,
    ),
    copyCost: number('Cost of copying a design another firm launched, money', 800, 0, 1e12),
    noveltyMarkup: number(
      "Extra mark-up while the firm's design is not yet copied in its town (innovation rent), share of cost",
      0.3,
      0,
      10,
    ),
    noveltyPull: number("Extra pull of a fresh design on its product's demand, share", 0.5, 0, 100),
    noveltyLifeMonths: integer(
      'Months after which a design stops earning novelty even if never copied, months',
      36,
      1,
      1200,
    ),
    designShareOfProfit: probability(
      'Share of positive profit put into design work when the expected rent covers its cost',
      0.2,
    ),
    designShareOfCreditHeadroom: probability(
      'Share of the unused credit line put into design work per month (effort funded by credit)',
      0.02,
    ),
    peakSeasonExperimentShare: probability(
      'Share of design work done in a peak-season month (experiments are done in the slack season)',
      0.25,
    ),
    priorImitationLagMonths: number(
      'Expected imitation lag before any copy has been seen in the town, months',
      12,
      0,
      1200,
    ),
    lagBeliefWeight: probability(
      "Weight of each newly observed lag in the town's expected lag (exponential smoothing)",
      0.2,
    ),
    incrementalCapabilityStep: probability(
      'Capability gained by launching an incremental improvement, share of the gap to 1',
      0.01,
    ),
  })
  .prefault({})
  .describe('Technological effort on designs, weighed against the expected imitation lag (appropriability)');

export const ImitationSchema = z
  .strictObject({
    sameTownObservationPerMonth: probability(
      'Monthly probability that a firm sees a design made in its own town (co-location, III c)',
      0.15,
    ),
    userFeedbackObservationPerMonth: probability(
      'Monthly probability of hearing of a design through its users (farmers), decaying with travel time',
      0.02,
    ),
    sharedVendorObservationPerMonth: probability(
      'Extra monthly probability when the firm and the originator buy a process of the product from the same local vendors',
      0.1,
    ),
    fairObservationProbability: probability(
      'Probability that a firm at a trade fair sees a design exhibited there',
      0.5,
    ),
    moverCarriesDesignProbability: probability(
      'Probability that a worker hired from the originator brings its fresh design',
      0.5,
    ),
    copyBuildMonths: integer(
      'Months from seeing a design to selling a copy (patterns, jigs, trials), months',
      8,
      0,
      600,
    ),
    copyCapabilityMargin: probability("A copier can be this much less capable than the product's complexity", 0.05),
    copyLearningShare: probability("Share of the gap to the originator's capability a copier closes", 0.1),
  })
  .prefault({})
  .describe('How rivals learn of a design and copy it (III c, appropriability)');

export const KinSchema = z
  .strictObject({
    groups: integer('Number of kin groups in the labour force (1 = no kin structure)', 4, 1, 1000),
    largestGroupShare: probability(
      'Share of workers in the largest group; the rest are spread evenly over the others',
      0.4,
    ),
    helpCapitalPerFirm: number(
      "Capital (trade credit, machining) each established firm of the founder's kin in the town gives a founder, money",
      0,
      0,
      1e12,
    ),
    maxHelpingFirms: integer('At most this many kin firms help one founder, firms', 4, 0, 1000),
    spinOffWeightPerHelper: number('Rise in spin-off probability per helping kin firm, share', 0, 0, 100),
  })
  .prefault({})
  .describe('Kin groups (the lohar bradri) that help their own to enter');

export const UpgradingSchema = z
  .strictObject({
    processCapabilityStep: probability(
      'Capability rise over a year that counts as process upgrading without a new machine',
      0.05,
    ),
    downgradeNetWorthFall: probability('Fall in net worth over a year, as a share, that counts as downgrading', 0.25),
    machineDepreciationPerYear: probability('Share of machine value lost per year (depreciation)', 0.1),
  })
  .prefault({})
  .describe('Bookkeeping of upgrading and downgrading (Humphrey & Schmitz types)');
