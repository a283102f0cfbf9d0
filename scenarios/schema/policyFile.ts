/**
 * A policy file (scenarios/policies/*.yaml): one or more policies that compose with
 * any scenario through `--policy`. Its entries are scenario policies whose `towns`
 * and `startYear` may be left out — every town, from the scenario's first year —
 * because a policy file does not know the scenario it will join; `--policy
 * NAME@TOWN:YEAR` places it. Town and process names are checked once composed.
 */
import { z } from 'zod';
import { calendarYear } from './common.js';
import { PolicySchema } from './policies.js';

const placeableOptions = PolicySchema.options.map((option) =>
  option.extend({
    startYear: calendarYear(
      "First calendar year in force, from January; default: the scenario's first year, or the year given with --policy NAME:YEAR",
    ).optional(),
  }),
);

export const PolicyEntrySchema = z
  .discriminatedUnion('kind', placeableOptions as unknown as [(typeof placeableOptions)[number]])
  .describe('A policy; `towns` and `startYear` may be left to the scenario or to --policy NAME@TOWN:YEAR');

export const PolicyFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of the JSON Schema, for editors'),
    description: z.string().min(1).describe('One line on what the policy (package) is, for `clustersim scenarios`'),
    policies: z.array(PolicyEntrySchema).min(1).max(64).describe('The policies this file adds to a scenario'),
  })
  .describe('A clustersim policy file: policies to add to any scenario with --policy');
