/**
 * Policies (institutions): a list of interventions, each `kind` with its own fields
 * plus the common ones (name, towns, years in force, public cost). The checks tie town
 * and process names to the scenario; town indices and process masks are derived.
 */
import { z } from 'zod';
import type { PolicyKind, PolicyParams } from '../../sim/params.js';
import { calendarYear, checkNameList, integer, maskOf, number, PATH_YEARS, probability } from './common.js';
import { MAX_PROCESSES } from './catalogue.js';

/** The fields every policy has; `kind` selects the rest. */
const common = <K extends PolicyKind>(kind: K, description: string) => ({
  kind: z.literal(kind).describe(description),
  name: z.string().min(1).default(kind).describe('A label for events and charts (defaults to the kind)'),
  towns: z
    .array(z.string().min(1))
    .max(256)
    .default([])
    .describe('Names of the towns the policy serves (empty = every town)'),
  startYear: calendarYear('First calendar year in force, from January (fractional years are months)'),
  endYear: calendarYear('Calendar year it stops, exclusive (fractional years are months); default: never').default(
    PATH_YEARS.max,
  ),
  costPerYear: number('Public cost while in force, money per year', 0, 0, 1e12),
});

const perYear = (description: string, fallback: number) => number(description, fallback, 0, 1e6);

export const TrainingCentrePolicySchema = z
  .strictObject({
    ...common('trainingCentre', 'Technical and vocational training centre'),
    graduatesPerYear: perYear("Trained journeymen it sends into the town's labour force, workers per year", 20),
    graduateSkill: probability('Trade skill of a graduate, in [0, 1]', 0.5),
    courseSeatsPerYear: perYear('Short-course places for employed workers, places per year', 0),
    courseSkillGain: probability('Skill a course adds, share of the gap to 1', 0.2),
  })
  .describe('Technical and vocational training centre ([P] §4.1; [B]: "no training")');

export const CommonFacilityPolicySchema = z
  .strictObject({
    ...common('commonFacility', 'Common facility: specialised machining for hire plus short courses'),
    processes: z
      .array(z.string().min(1))
      .min(1)
      .max(MAX_PROCESSES)
      .describe('Names of the processes (of `processes`) it offers for hire'),
    priceShareOfVendor: number("Its price as a share of a lone vendor's price at minimum efficient scale", 0.8, 0, 10),
    capacityUnitsPerMonth: number(
      'Volume it can serve, product units per month; the price rises with congestion above it',
      500,
      0,
      1e12,
    ),
    courseSeatsPerYear: perYear(
      'Course places (heat treatment, metals, jigs and fixtures) for firms, places per year',
      10,
    ),
    courseCapabilityGain: probability('Capability a course adds, share of the gap to 1', 0.05),
  })
  .describe('Common facility: machining services and short courses (Mian Channun, [P] §4.1)');

export const RdExtensionPolicySchema = z
  .strictObject({
    ...common('rdExtension', 'R&D extension service partnering firms on prototypes'),
    partnersPerYear: perYear('Firms it takes on as partners, firms per year', 2),
    minPartnerCapability: probability('Least capability a partner must have, in [0, 1]', 0.4),
    prototypeSubsidy: number('Design work the institute contributes to a partner, money', 5000, 0, 1e12),
    capabilityGain: probability("Capability the institute's in-house training adds, share of the gap to 1", 0.05),
  })
  .describe('R&D extension partnering firms on prototypes (Farm Machinery Institute in Daska, [P] §4.1)');

export const CreditPolicySchema = z
  .strictObject({
    ...common('credit', 'Collateral-free credit scheme'),
    creditLimitMonthsOfWageBill: number("Credit line per firm, in months of the firm's wage bill", 3, 0, 1000),
    interestRatePerYear: number("Interest on the scheme's loans, per year (0.1 = 10%)", 0.1, 0, 5),
    fundPerTown: number('Total credit the scheme can have out in one town, money (shared by its firms)', 1e6, 0, 1e12),
  })
  .describe('Collateral-free credit ([B] recommendations)');

export const DesignProtectionPolicySchema = z
  .strictObject({
    ...common('designProtection', 'Design protection'),
    protectionMonths: integer('Months after a launch before copies may be sold, months', 24, 0, 1200),
  })
  .describe('Design protection: copies cannot be sold before some months after a launch (appropriability)');

export const AssociationPolicySchema = z
  .strictObject({
    ...common('association', "Producers' association"),
    membershipShare: probability('Share of firms that join', 0.5),
    trustBuildingYears: number('Years for trust among members to reach 63% of full, years', 5, 0.01, 1000),
    facilitatedLearningPerMonth: probability(
      "Share of the gap to members' mean capability a member closes per month at full trust (IV)",
      0.01,
    ),
    jointProjectCostShare: probability(
      'Share of design cost members save through joint projects at full trust (II a)',
      0.5,
    ),
  })
  .describe("A producers' association: cooperation that builds trust (II a, IV; [I])");

export const TradeFairPolicySchema = z
  .strictObject({
    ...common('tradeFair', 'Annual trade fair, held in each of its towns'),
    month: integer('Calendar month it is held, 1-12', 3, 1, 12),
    reachHours: number("Firms within this travel time of the fair's town attend, hours", 3, 0, 1000),
  })
  .describe('An annual trade fair (the Horse and Cattle Show in Lahore, [P] §4.3)');

export const ExportLinkagePolicySchema = z
  .strictObject({
    ...common('exportLinkage', 'Export linkage: foreign buyers for firms above a quality threshold'),
    qualityThreshold: probability('Least capability a firm needs to sell to the foreign buyers, in [0, 1]', 0.6),
    foreignDemandUnitsPerMonth: number('Foreign demand per served town, product units per month', 50, 0, 1e12),
    priceIndex: number("Export price relative to the firm's local price", 1.2, 0.01, 100),
  })
  .describe('Export linkage: foreign buyers for firms above a quality threshold ([B])');

export const PolicySchema = z
  .discriminatedUnion('kind', [
    TrainingCentrePolicySchema,
    CommonFacilityPolicySchema,
    RdExtensionPolicySchema,
    CreditPolicySchema,
    DesignProtectionPolicySchema,
    AssociationPolicySchema,
    TradeFairPolicySchema,
    ExportLinkagePolicySchema,
  ])
  .describe('A policy (institution); `kind` says which and which fields it has');

/** Every policy kind, in the schema's order. */
export const POLICY_KINDS = PolicySchema.options.map((option) => option.shape.kind.value);

export const PoliciesSchema = z
  .array(PolicySchema)
  .max(256)
  .default([])
  .describe('Policies (institutions) in force over the run, each in its towns and years');

type Policy = z.output<typeof PolicySchema>;

/** What the policy checks read of a parsed scenario. */
interface PoliciesView {
  towns: readonly { name: string }[];
  processes: readonly { name: string }[];
  policies: readonly Policy[];
}

/** Adds an issue for every policy naming a town or process the scenario lacks, or ending before it starts. */
export function checkPolicies(scenario: PoliciesView, context: z.RefinementCtx): void {
  const townNames = scenario.towns.map((town) => town.name);
  const processNames = scenario.processes.map((process) => process.name);
  scenario.policies.forEach((policy, i) => {
    checkNameList(
      context,
      policy.towns,
      townNames,
      'a town of this scenario',
      (j) => ['policies', i, 'towns', j],
      (first) => `expected each town once (towns[${first}] of this policy names it too)`,
    );
    if (policy.endYear <= policy.startYear) {
      context.addIssue({
        code: 'custom',
        path: ['policies', i, 'endYear'],
        message: `expected a year after startYear (${policy.startYear})`,
      });
    }
    if (policy.kind !== 'commonFacility') return;
    checkNameList(
      context,
      policy.processes,
      processNames,
      'a process of this scenario',
      (j) => ['policies', i, 'processes', j],
      (first) => `expected each process once (processes[${first}] of this policy names it too)`,
    );
  });
}

/** A parsed policy as the model's parameters: town indices (every town when none is named) and process mask. */
export function toPolicyParams(
  policy: Policy,
  townNames: readonly string[],
  processNames: readonly string[],
): PolicyParams {
  const townIndices =
    policy.towns.length > 0 ? policy.towns.map((name) => townNames.indexOf(name)) : townNames.map((_, index) => index);
  const base = { ...policy, towns: [...policy.towns], townIndices };
  if (base.kind === 'commonFacility') {
    return { ...base, processes: [...base.processes], processMask: maskOf(base.processes, processNames) };
  }
  return base;
}
