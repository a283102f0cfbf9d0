/**
 * Reading a sweep file: YAML (with line numbers) -> shape check (schema.ts) -> the
 * base scenario loaded with the sweep's fixed policies, --set and years -> each
 * factor checked (name, parameter paths against the base scenario, levels,
 * interval, value types) -> the design checked (a grid needs levels, a Latin
 * hypercube min..max, a file design a CSV whose columns are the factors) -> keep
 * and sensitivity outputs checked against the base scenario. The first problem is
 * one UserInputError line: file:line: field.path: expected ..., got ....
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { ModelParams } from '../../../sim/params.js';
import { UserInputError } from '../../../scenarios/errors.js';
import { messages } from '../../../scenarios/messages.js';
import { didYouMean } from '../../../scenarios/didYouMean.js';
import { bundledScenarioDir } from '../../../scenarios/paths.js';
import { bundledScenarioNames } from '../../../scenarios/compose.js';
import { loadScenario } from '../../../scenarios/load.js';
import { parsePolicySpec } from '../../../scenarios/policyFiles.js';
import { parseYamlLayer, readYamlFile, type YamlLayer } from '../../../scenarios/yamlLayer.js';
import { describeValue, formatPath, type PathSegment } from '../../../scenarios/zodIssues.js';
import type { FactorValue } from '../types.js';
import type {
  DesignDefinition,
  FactorDefinition,
  KeepDefinition,
  SensitivityDefinition,
  SweepDefinition,
} from './definition.js';
import { checkShape } from './checkShape.js';
import { fieldLines, locateField } from './lines.js';
import { rangeValues } from './ranges.js';
import { resolveParameter, type LeafKind } from './parameterPaths.js';
import { readDesignFile } from './designFile.js';
import { policySpecs } from './design.js';
import { resolveKeep, resolveSensitivityOutputs } from './keep.js';
import { composerFor, relocate } from './pointParams.js';
import { scenarioComposer } from './composer.js';
import {
  MAX_DESIGN_POINTS,
  NormalisedSweepSchema,
  RESERVED_COLUMN_NAMES,
  type FactorFile,
  type SweepFile,
} from './schema.js';

/** The folder of bundled sweep files. */
export function bundledSweepDir(): string {
  return join(bundledScenarioDir(), 'sweeps');
}

/** The bundled sweep names (scenarios/sweeps/*.yaml, without the extension). */
export function bundledSweepNames(): string[] {
  const dir = bundledSweepDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** A path as given, or a bare name (`punjab-lhs`) looked up in scenarios/sweeps/. */
export function resolveSweepPath(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return nameOrPath;
  if (nameOrPath.includes('/') || nameOrPath.includes('\\')) return nameOrPath;
  const bundled = join(bundledSweepDir(), nameOrPath.endsWith('.yaml') ? nameOrPath : `${nameOrPath}.yaml`);
  return existsSync(bundled) ? bundled : nameOrPath;
}

export function readSweepFile(path: string): SweepDefinition {
  const file = resolveSweepPath(path);
  if (!existsSync(file)) {
    const names = bundledSweepNames();
    const hint = didYouMean(path.replace(/\.yaml$/, ''), names);
    throw new UserInputError(
      `${path}: sweep file not found${hint ? ` (did you mean "${hint}"?)` : ''}; expected a path to a sweep YAML file or the name of one in scenarios/sweeps/ (${names.join(', ')})`,
    );
  }
  if (statSync(file).isDirectory()) throw new UserInputError(messages.fileUnreadable(file, 'it is a directory'));
  return fromLayer(readYamlFile(file, file, 'sweep'));
}

export function parseSweepText(text: string, file: string): SweepDefinition {
  return fromLayer(parseYamlLayer(text, file, 'sweep'));
}

/** A problem at `path` of the sweep file. */
class Where {
  constructor(
    readonly file: string,
    readonly lines: Record<string, number>,
  ) {}

  fail(path: PathSegment[], expectation: string): never {
    throw new UserInputError(
      messages.invalidField(locateField(this.file, this.lines, path), formatPath(path), expectation),
    );
  }
}

/** `scenario:` relative to the sweep file's folder, else a bundled scenario name. */
function resolveScenario(sweepFile: string, target: string, where: Where): string {
  const folder = dirname(sweepFile);
  const candidates = [isAbsolute(target) ? target : join(folder, target)];
  if (!target.includes('/') && !target.includes('\\'))
    candidates.push(join(bundledScenarioDir(), target.endsWith('.yaml') ? target : `${target}.yaml`));
  if (!target.endsWith('.yaml')) candidates.push(`${candidates[0]}.yaml`);
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (found) return found;
  const names = bundledScenarioNames();
  const hint = didYouMean(target.replace(/\.yaml$/, ''), names);
  return where.fail(
    ['scenario'],
    `no scenario "${target}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected a bundled scenario (${names.join(', ')}) or a path relative to ${folder}`,
  );
}

/** A factor's name (its form is the schema's): not a column every result has, and unique. */
function checkName(factor: FactorFile, index: number, earlier: readonly FactorFile[], where: Where): void {
  const at: PathSegment[] = ['factors', index, 'name'];
  const lower = factor.name.toLowerCase();
  const reserved = RESERVED_COLUMN_NAMES.find((name) => name.toLowerCase() === lower);
  if (reserved)
    where.fail(
      at,
      `"${factor.name}" is a column of every result (${RESERVED_COLUMN_NAMES.join(', ')}); expected another name`,
    );
  const same = earlier.findIndex((other) => other.name.toLowerCase() === lower);
  if (same >= 0)
    where.fail(
      at,
      `"${factor.name}" is also the name of factors[${same}] (names are compared ignoring case); expected a unique name`,
    );
}

/** The type of a list of values, or a problem at the first value of another type. */
function valuesType(values: readonly FactorValue[]): FactorDefinition['type'] | { index: number; expected: string } {
  const typeOf = (value: FactorValue) =>
    (typeof value === 'string' ? 'string' : typeof value) as FactorDefinition['type'];
  const first = typeOf(values[0]);
  const other = values.findIndex((value) => typeOf(value) !== first);
  return other < 0 ? first : { index: other, expected: `a ${first} (as the first value)` };
}

/** Whether a value of this JavaScript type can be written to a parameter of kind `kind`. */
function fitsLeaf(value: FactorValue, kind: LeafKind): boolean {
  if (kind === 'number' || kind === 'integer') return typeof value === 'number';
  if (kind === 'boolean') return typeof value === 'boolean';
  if (kind === 'string') return typeof value === 'string';
  return true;
}

const KIND_TEXT: Record<LeafKind, string> = {
  number: 'a number',
  integer: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  other: 'a value',
};

function checkPolicySpec(spec: string, path: PathSegment[], where: Where): void {
  try {
    parsePolicySpec(spec);
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    const message = error.message.startsWith(`--policy ${spec}: `)
      ? error.message.slice(`--policy ${spec}: `.length)
      : error.message;
    where.fail(path, `${spec}: ${message}`);
  }
}

function readFactor(factor: FactorFile, index: number, base: Record<string, unknown>, where: Where): FactorDefinition {
  const at = (...rest: PathSegment[]): PathSegment[] => ['factors', index, ...rest];
  const hasInterval = factor.min !== undefined || factor.max !== undefined;
  if (factor.policies !== undefined) {
    for (const key of ['parameter', 'values', 'range', 'min', 'max', 'integer'] as const) {
      if (factor[key] !== undefined)
        where.fail(at(key), `a policy factor (policies) takes its values from its list; expected no ${key}`);
    }
    factor.policies.forEach((value, k) => {
      if (value.trim() !== 'none' && policySpecs(value).length === 0)
        where.fail(at('policies', k), `expected none or --policy specs joined by commas, got ${describeValue(value)}`);
      for (const spec of policySpecs(value)) checkPolicySpec(spec, at('policies', k), where);
    });
    return {
      name: factor.name,
      kind: 'policy',
      parameters: [],
      paths: [],
      levels: [...factor.policies],
      levelSource: 'policies',
      integer: false,
      type: 'string',
    };
  }
  if (factor.parameter === undefined)
    where.fail(at(), `expected parameter (a --set path) or policies (a policy factor) for ${factor.name}`);
  const parameters = typeof factor.parameter === 'string' ? [factor.parameter] : factor.parameter;
  const leaves = parameters.flatMap((parameter, p) => {
    const resolved = resolveParameter(base, parameter);
    const path = typeof factor.parameter === 'string' ? at('parameter') : at('parameter', p);
    if (typeof resolved === 'string') where.fail(path, resolved);
    return resolved;
  });
  if (factor.values !== undefined && factor.range !== undefined)
    where.fail(at('range'), 'expected values or range, not both');
  if (hasInterval) {
    if (factor.min === undefined) where.fail(at(), `expected min with max for ${factor.name}`);
    if (factor.max === undefined) where.fail(at(), `expected max with min for ${factor.name}`);
    if (!(factor.max > factor.min)) where.fail(at('max'), `expected a number > min (${factor.min}), got ${factor.max}`);
    const textual = leaves.find((leaf) => leaf.kind !== 'number' && leaf.kind !== 'integer' && leaf.kind !== 'other');
    if (textual)
      where.fail(at('min'), `min..max needs a numeric parameter; ${textual.path} takes ${KIND_TEXT[textual.kind]}`);
    const integral = leaves.find((leaf) => leaf.kind === 'integer');
    if (integral && factor.integer !== true)
      where.fail(at('min'), `${integral.path} takes integers; expected integer: true to round sampled values`);
  } else if (factor.integer !== undefined) {
    where.fail(at('integer'), 'integer rounds values sampled from min..max; expected min and max with it');
  }

  let levels: FactorValue[] | undefined;
  let levelSource: FactorDefinition['levelSource'];
  let type: FactorDefinition['type'] = 'number';
  if (factor.values !== undefined) {
    const typed = valuesType(factor.values);
    if (typeof typed !== 'string')
      where.fail(
        at('values', typed.index),
        `expected ${typed.expected}, got ${describeValue(factor.values[typed.index])}`,
      );
    factor.values.forEach((value, k) => {
      const leaf = leaves.find((candidate) => !fitsLeaf(value, candidate.kind));
      if (leaf)
        where.fail(
          at('values', k),
          `expected ${KIND_TEXT[leaf.kind]} (${leaf.path} takes ${KIND_TEXT[leaf.kind]}), got ${describeValue(value)}`,
        );
    });
    if (hasInterval && typed !== 'number') where.fail(at('min'), 'min..max needs numeric values');
    levels = [...factor.values];
    levelSource = 'values';
    type = typed as FactorDefinition['type'];
  } else if (factor.range !== undefined) {
    const values = rangeValues(factor.range);
    if (!Array.isArray(values)) where.fail(values.key ? at('range', values.key) : at('range'), values.expectation);
    const textual = leaves.find((leaf) => !fitsLeaf(0, leaf.kind));
    if (textual) where.fail(at('range'), `a range gives numbers; ${textual.path} takes ${KIND_TEXT[textual.kind]}`);
    levels = values;
    levelSource = 'range';
  }
  return {
    name: factor.name,
    kind: 'parameter',
    parameters,
    paths: leaves.map((leaf) => leaf.path),
    levels,
    levelSource,
    min: factor.min,
    max: factor.max,
    integer: factor.integer ?? false,
    type,
  };
}

function readDesign(
  parsed: SweepFile,
  designWritten: boolean,
  factors: FactorDefinition[],
  sweepFile: string,
  where: Where,
): DesignDefinition {
  const design = parsed.design;
  if (design.kind === 'grid') {
    if (!designWritten && factors.some((f) => !f.levels)) return { kind: 'intervals' };
    let size = 1;
    factors.forEach((factor, i) => {
      if (!factor.levels)
        where.fail(
          ['factors', i],
          `a grid takes every factor's values, range or policies; ${factor.name} has only min..max (sample it with design: { kind: lhs, samples: N })`,
        );
      size *= factor.levels.length;
    });
    if (size > MAX_DESIGN_POINTS)
      where.fail(
        ['design'],
        `a grid of at most ${MAX_DESIGN_POINTS} points, got ${size} (the product of the factors' level counts)`,
      );
    return { kind: 'grid' };
  }
  if (design.kind === 'lhs') {
    factors.forEach((factor, i) => {
      if (factor.kind === 'policy')
        where.fail(
          ['factors', i],
          `a Latin hypercube samples min..max; ${factor.name} is a policy factor (use a grid or a design file)`,
        );
      if (factor.min === undefined)
        where.fail(['factors', i], `a Latin hypercube samples min..max; expected min and max for ${factor.name}`);
    });
    return { kind: 'lhs', samples: design.samples };
  }
  const file = isAbsolute(design.file) ? design.file : join(dirname(sweepFile), design.file);
  if (!existsSync(file) || statSync(file).isDirectory())
    where.fail(
      ['design', 'file'],
      `no design file "${design.file}" (looked for ${file}); expected a CSV file relative to the sweep file`,
    );
  const { rows, types } = readDesignFile(file, file, factors);
  types.forEach((type, i) => {
    factors[i].type = type;
  });
  return { kind: 'file', given: design.file, file, rows };
}

/** Load the base scenario with the sweep's fixed policies, --set and years; errors at the sweep's lines. */
function loadBase(def: SweepDefinition): ModelParams {
  try {
    return loadScenario(def.scenario, { policies: def.policies, set: def.set, years: def.years }).params;
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    throw new UserInputError(relocate(def, { factors: {}, policies: [], set: [] }, error.message));
  }
}

function fromLayer(layer: YamlLayer): SweepDefinition {
  const lines = fieldLines(layer);
  const where = new Where(layer.file, lines);
  // `design: grid` is the mapping { kind: grid } (schema.ts): one discriminated union to check.
  const raw = { ...layer.raw };
  if (typeof raw.design === 'string') raw.design = { kind: raw.design };
  const parsed = checkShape(NormalisedSweepSchema, raw, (path, key) => locateField(layer.file, lines, path, key));

  const scenario = resolveScenario(layer.file, parsed.scenario, where);
  const keep: KeepDefinition = {
    metrics: parsed.keep.metrics === 'all' ? 'all' : [...parsed.keep.metrics],
    towns: Array.isArray(parsed.keep.towns) ? [...parsed.keep.towns] : parsed.keep.towns,
    samples: typeof parsed.keep.samples === 'string' ? parsed.keep.samples : { years: [...parsed.keep.samples.years] },
  };
  const sensitivity: SensitivityDefinition | undefined = parsed.sensitivity && {
    sobol: { ...parsed.sensitivity.sobol },
    morris: { ...parsed.sensitivity.morris },
  };
  if (sensitivity && parsed.sensitivity?.outputs)
    sensitivity.outputs = parsed.sensitivity.outputs.map((o) => ({ ...o }));
  if (sensitivity && sensitivity.morris.levels % 2 !== 0)
    where.fail(
      ['sensitivity', 'morris', 'levels'],
      `expected an even number of levels, got ${sensitivity.morris.levels}`,
    );
  const def: SweepDefinition = {
    file: layer.file,
    name: parsed.name ?? basename(layer.file).replace(/\.ya?ml$/, ''),
    description: parsed.description,
    scenario,
    policies: [...parsed.policies],
    set: [...parsed.set],
    years: parsed.years,
    replications: parsed.replications,
    masterSeed: parsed.seed,
    seedRule: parsed.seeds === 'common' ? 'common-sha256-v1' : 'per-run-sha256-v1',
    factors: [],
    design: { kind: 'grid' },
    keep,
    sensitivity,
    lines,
  };
  if (def.description === undefined) delete def.description;
  if (def.years === undefined) delete def.years;
  if (def.sensitivity === undefined) delete def.sensitivity;
  def.policies.forEach((spec, i) => checkPolicySpec(spec, ['policies', i], where));

  const baseParams = loadBase(def);
  const composer = scenarioComposer(scenario, def.policies);
  const baseDocument = composer.base;
  if (!baseDocument) throw new Error(`${scenario}: the scenario loaded but could not be composed again`);
  def.factors = parsed.factors.map((factor, i) => {
    checkName(factor, i, parsed.factors.slice(0, i), where);
    return readFactor(factor, i, baseDocument, where);
  });
  def.design = readDesign(parsed, layer.raw.design !== undefined, def.factors, layer.file, where);
  composerFor(def, composer);

  // Metrics, towns and years against the base scenario now, so a typo is found before any run
  // (unless a factor moves the horizon, when pointParams' parameters decide).
  const movesHorizon = def.factors.some((factor) => factor.paths.some((path) => /^(years|startYear)$/.test(path)));
  if (!movesHorizon) {
    resolveKeep(def, baseParams);
    if (def.sensitivity) resolveSensitivityOutputs(def, baseParams);
  }
  return def;
}
