/**
 * From a sweep definition to its design points: a grid (every combination of the
 * factors' levels, row-major: the first factor changes slowest), a Latin
 * hypercube over min..max, or the rows of a design file. A point is factor values
 * plus the --policy specs and --set expressions they stand for; pointParams.ts
 * turns it into parameters.
 */
import { parse as parseYamlValue } from 'yaml';
import { UserInputError } from '../../../scenarios/errors.js';
import { messages } from '../../../scenarios/messages.js';
import { YAML_OPTIONS } from '../../../scenarios/yamlLayer.js';
import { scaleUnit, type Factor } from '../../sensitivity/sampling.js';
import type { FactorColumn, FactorValue } from '../types.js';
import type { DesignPoint, FactorDefinition, SweepDefinition } from './definition.js';
import { latinHypercubeUnits } from './lhs.js';
import { locateField } from './lines.js';

/** A value as the text of a --set expression: quoted where YAML would read the text as something else ("007", "true"). */
export function valueText(value: FactorValue): string {
  if (typeof value !== 'string') return String(value);
  let read: unknown;
  try {
    read = parseYamlValue(value, YAML_OPTIONS);
  } catch {
    read = undefined;
  }
  return read === value ? value : JSON.stringify(value);
}

/** A policy factor's value as --policy specs: `none` is none, else specs joined by commas. */
export function policySpecs(value: string): string[] {
  return value.trim() === 'none'
    ? []
    : value
        .split(',')
        .map((spec) => spec.trim())
        .filter((spec) => spec.length > 0);
}

/** The --set expressions factor `factor` writes for `value`. */
export function factorExpressions(factor: FactorDefinition, value: FactorValue): string[] {
  const text = valueText(value);
  return factor.paths.map((path) => `${path}=${text}`);
}

/** The point of these values (one per factor, in factor order), taken as given. */
function pointOf(def: SweepDefinition, values: readonly FactorValue[]): DesignPoint {
  const point: DesignPoint = { factors: {}, policies: [], set: [] };
  def.factors.forEach((factor, i) => {
    const value = values[i];
    point.factors[factor.name] = value;
    if (factor.kind === 'policy') point.policies.push(...policySpecs(String(value)));
    else point.set.push(...factorExpressions(factor, value));
  });
  return point;
}

/**
 * The point of sampled values (one per factor, in factor order; e.g. a row of a
 * Saltelli or Morris design): values of `integer` factors are rounded.
 */
export function pointFromValues(def: SweepDefinition, values: readonly FactorValue[]): DesignPoint {
  if (values.length !== def.factors.length)
    throw new Error(`pointFromValues: ${values.length} values for ${def.factors.length} factors`);
  return pointOf(
    def,
    values.map((value, i) => (def.factors[i].integer && typeof value === 'number' ? Math.round(value) : value)),
  );
}

/** The grid's rows of level values, row-major (the last factor changes fastest). */
function gridRows(factors: readonly FactorDefinition[]): FactorValue[][] {
  let rows: FactorValue[][] = [[]];
  for (const factor of factors) {
    const levels = factor.levels ?? [];
    rows = rows.flatMap((row) => levels.map((level) => [...row, level]));
  }
  return rows;
}

export function designPoints(def: SweepDefinition): DesignPoint[] {
  switch (def.design.kind) {
    case 'grid':
      return gridRows(def.factors).map((row) => pointOf(def, row));
    case 'lhs': {
      const factors = sensitivityFactors(def);
      return latinHypercubeUnits(def.design.samples, factors.length, def.masterSeed).map((units) =>
        pointFromValues(
          def,
          units.map((unit, i) => scaleUnit(factors[i], unit)),
        ),
      );
    }
    case 'file':
      return def.design.rows.map((row) => pointOf(def, row.values));
    case 'intervals': {
      const index = def.factors.findIndex((factor) => !factor.levels);
      throw new UserInputError(
        messages.invalidField(
          locateField(def.file, def.lines, ['factors', index]),
          `factors[${index}]`,
          `a sweep needs a design: ${def.factors[index].name} has only min..max; add design: { kind: lhs, samples: N } or give it values (as written, the file suits clustersim sensitivity)`,
        ),
      );
    }
  }
}

/** The factors as the sensitivity library samples them (min..max). Every factor needs min and max. */
export function sensitivityFactors(def: SweepDefinition): Factor[] {
  return def.factors.map((factor, i) => {
    if (factor.kind === 'policy' || factor.min === undefined || factor.max === undefined) {
      const got =
        factor.kind === 'policy'
          ? 'a policy factor'
          : factor.levelSource
            ? `${factor.levelSource} only`
            : 'no interval';
      throw new UserInputError(
        messages.invalidField(
          locateField(def.file, def.lines, ['factors', i]),
          `factors[${i}]`,
          `sampling needs min and max for every factor (a parameter with a continuous interval), got ${got} for ${factor.name}`,
        ),
      );
    }
    return { name: factor.name, min: factor.min, max: factor.max };
  });
}

/** The factors as result columns, in factor order. */
export function factorColumns(def: SweepDefinition): FactorColumn[] {
  return def.factors.map((factor) => ({ name: factor.name, type: factor.type }));
}
