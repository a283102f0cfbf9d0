/**
 * Pattern-oriented validation (Grimm et al. 2005): each pattern of shared/MODEL.md
 * (1-9) is checked by one or more `PatternCheck`s, each measuring one statistic over
 * replicated runs of one scenario and comparing it with the band the source texts
 * give. The same checks feed the tests (test/patterns/) and the generated table in
 * docs/SCENARIOS.md (`npm run patterns`).
 */

export interface PatternOutcome {
  /** The measured statistic, as a number (for sorting and machine use). */
  statistic: number;
  /** The statistic as printed in the table, with its unit, e.g. "11 months" or "0.82". */
  display: string;
  /** Whether the statistic lies in the expected band. */
  pass: boolean;
  /** Optional supporting figures, e.g. "p10 9, p90 38; 235 first local copies". */
  detail?: string;
}

export interface PatternCheck {
  /** Unique id, the MODEL.md pattern number plus a letter when a pattern has several checks: "1", "2a", "2b". */
  id: string;
  /** The MODEL.md pattern number, 1-9. */
  pattern: number;
  /** Scenario name (scenarios/<name>.yaml) the check runs. */
  scenario: string;
  /** What is measured, in words: "median months from a launch to its first local copy". */
  title: string;
  /** The expected band in words, with its source: "9-15 months ([P] §4.3: 'one year')". */
  expected: string;
  /** Runs per variant (seeds 1..replications). */
  replications: number;
  measure(): Promise<PatternOutcome>;
}
