/**
 * A design point's parameters: the base scenario with the sweep's policies and
 * --set expressions, then the point's, then the horizon — exactly
 * `loadScenario(def.scenario, { policies, set, years }).params`, composed fast
 * (composer.ts) and asked of loadScenario only when something is wrong. Then the
 * loader's error, which names a flag (`--set labour.x=7: labour.x: expected a
 * number <= 1, got 7`) or a file, is moved to the line of the sweep file (or the
 * design file) that wrote it:
 *   scenarios/sweeps/x.yaml:14: factors[0].values[2] (labour.x=7): labour.x: expected a number <= 1, got 7
 */
import type { ModelParams } from '../../../sim/params.js';
import { loadScenario } from '../../../scenarios/load.js';
import { parsePolicySpec } from '../../../scenarios/policyFiles.js';
import { UserInputError } from '../../../scenarios/errors.js';
import { formatPath, type PathSegment } from '../../../scenarios/zodIssues.js';
import type { FactorValue } from '../types.js';
import type { DesignPoint, SweepDefinition } from './definition.js';
import { factorExpressions, policySpecs } from './design.js';
import { locateField } from './lines.js';
import { scenarioComposer, type ScenarioComposer } from './composer.js';

const composers = new WeakMap<SweepDefinition, ScenarioComposer>();

/** The definition's composer: made once per definition (read.ts hands over the one it made). */
export function composerFor(def: SweepDefinition, made?: ScenarioComposer): ScenarioComposer {
  let composer = composers.get(def);
  if (!composer) {
    composer = made ?? scenarioComposer(def.scenario, def.policies);
    composers.set(def, composer);
  }
  return composer;
}

export function pointParams(def: SweepDefinition, point: DesignPoint): ModelParams {
  const set = [...def.set, ...point.set];
  const composed = composerFor(def).compose(point.policies, set, def.years);
  if (composed) return composed;
  const policies = [...def.policies, ...point.policies];
  try {
    return loadScenario(def.scenario, { policies, set, years: def.years }).params;
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    throw new UserInputError(relocate(def, point, error.message));
  }
}

/** Where a point's value of factor `index` was written: a design-file row, a value, a range, min or max. */
function originOf(def: SweepDefinition, point: DesignPoint, index: number): { location: string; field: string } {
  const factor = def.factors[index];
  const value = point.factors[factor.name];
  if (def.design.kind === 'file') {
    const row = def.design.rows.find((r) => def.factors.every((f, i) => r.values[i] === point.factors[f.name]));
    if (row) return { location: `${def.design.file}:${row.line}`, field: factor.name };
  }
  let path: PathSegment[] = ['factors', index];
  const level = factor.levels?.indexOf(value) ?? -1;
  if (level >= 0 && factor.levelSource === 'range') path = [...path, 'range'];
  else if (level >= 0 && factor.levelSource) path = [...path, factor.levelSource, level];
  else if (factor.min !== undefined && factor.max !== undefined && typeof value === 'number')
    path = [...path, value <= (factor.min + factor.max) / 2 ? 'min' : 'max'];
  return { location: locateField(def.file, def.lines, path), field: formatPath(path) };
}

interface Culprit {
  location: string;
  field: string;
  /** The expression or spec, shown in parentheses. */
  what: string;
  /** The loader's message without its `--set x: ` prefix. */
  rest: string;
}

function findCulprit(def: SweepDefinition, point: DesignPoint, message: string): Culprit | undefined {
  const fixed = (path: PathSegment[], what: string, rest: string): Culprit => ({
    location: locateField(def.file, def.lines, path),
    field: formatPath(path),
    what,
    rest,
  });
  const factorEntries = def.factors.map((factor, index) => ({ factor, index, value: point.factors[factor.name] }));
  const specsOf = (value: FactorValue) => policySpecs(String(value));

  for (const [flag, fixedList, expand] of [
    ['--set', def.set, 'set'],
    ['--policy', def.policies, 'policies'],
  ] as const) {
    const candidates = [
      ...fixedList.map((text, i) => ({ text, culprit: (rest: string) => fixed([expand, i], text, rest) })),
      ...factorEntries.flatMap(({ factor, index, value }) => {
        const texts =
          flag === '--set'
            ? factor.kind === 'parameter'
              ? factorExpressions(factor, value)
              : []
            : factor.kind === 'policy'
              ? specsOf(value)
              : [];
        return texts.map((text) => ({
          text,
          culprit: (rest: string) => ({ ...originOf(def, point, index), what: text, rest }),
        }));
      }),
    ];
    // A flag's own message: `--set EXPR: rest`.
    for (const { text, culprit } of candidates) {
      const prefix = `${flag} ${text}: `;
      if (message.startsWith(prefix)) return culprit(message.slice(prefix.length));
    }
    // A message from a policy file (`common-facility.yaml:12: ...`): the spec that brought the file.
    if (flag === '--policy') {
      for (const { text, culprit } of candidates) {
        let file: string;
        try {
          file = parsePolicySpec(text).file;
        } catch {
          continue;
        }
        if (message.startsWith(`${file}:`)) return culprit(message);
      }
    }
  }
  const years = `--years ${def.years}: `;
  if (def.years !== undefined && message.startsWith(years))
    return fixed(['years'], `${def.years}`, message.slice(years.length));
  return undefined;
}

/** The loader's message at the sweep file's line (or the design file's row) that wrote the culprit. */
export function relocate(def: SweepDefinition, point: DesignPoint, message: string): string {
  const culprit = findCulprit(def, point, message);
  if (!culprit) {
    return `${locateField(def.file, def.lines, ['scenario'])}: scenario (${def.scenario}): ${message}`;
  }
  return `${culprit.location}: ${culprit.field} (${culprit.what}): ${culprit.rest}`;
}
