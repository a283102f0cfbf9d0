/**
 * `clustersim validate <file...>`: check scenario, policy and sweep files without
 * running them. A scenario is composed (its `extends`, any --policy) and checked in
 * full; a policy file on its own (names of towns and processes are checked when it
 * joins a scenario: `clustersim validate <scenario> --policy <file>`); a sweep file
 * with every point of its design composed into a scenario (analysis/experiments/
 * sweepFile checkSweep). Each problem is one
 * line naming file:line, the field path and what was expected; exit code 2 when any
 * file is invalid, 0 otherwise. Warnings do not fail validation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadScenario, resolveScenarioPath } from '../../scenarios/load.js';
import { readPolicyFile } from '../../scenarios/policyFiles.js';
import { scenarioWarnings } from '../../scenarios/warnings.js';
import { UserInputError } from '../../scenarios/errors.js';
import { messages } from '../../scenarios/messages.js';
import { YAML_OPTIONS } from '../../scenarios/yamlLayer.js';
import { checkSweep, readSweepFile, resolveSweepPath } from '../../analysis/experiments/sweepFile/index.js';
import { parseFlags } from '../args.js';
import { VALIDATE_HELP } from '../help.js';
import type { CliIo } from '../io.js';

const VALIDATE_OPTIONS = {
  policy: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** "1 town", "3 towns", "1 policy", "2 policies". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const POLICY_FILE_KEYS = new Set(['$schema', 'description', 'policies']);

/**
 * Whether `file` is a policy file: it sits in a `policies` folder, or its top-level
 * keys are only those a policy file has. Unreadable or malformed text counts as a
 * scenario, whose loader reports the problem.
 */
function isPolicyFile(file: string): boolean {
  if (basename(dirname(file)) === 'policies') return true;
  try {
    const value: unknown = parseYaml(readFileSync(file, 'utf8'), YAML_OPTIONS);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const keys = Object.keys(value);
    return keys.includes('policies') && keys.every((key) => POLICY_FILE_KEYS.has(key));
  } catch {
    return false;
  }
}

/**
 * Whether `file` is a sweep file: it sits in a `sweeps` folder, or has a top-level
 * `factors` key (no scenario has one).
 */
function isSweepFile(file: string): boolean {
  if (basename(dirname(file)) === 'sweeps') return true;
  try {
    const value: unknown = parseYaml(readFileSync(file, 'utf8'), YAML_OPTIONS);
    return value !== null && typeof value === 'object' && !Array.isArray(value) && 'factors' in value;
  } catch {
    return false;
  }
}

/** `ok <file> (sweep ...)` after checking every point of the sweep's design. */
function validateSweep(file: string, shown: string, policies: readonly string[]): string {
  if (policies.length > 0)
    throw new UserInputError(
      `${shown}: --policy applies to scenarios; a sweep file lists its own (policies: or a policy factor)`,
    );
  const def = readSweepFile(file);
  const check = checkSweep(def);
  const design = {
    grid: 'grid',
    lhs: 'Latin hypercube',
    file: 'design file',
    intervals: 'no design (intervals for clustersim sensitivity)',
  }[def.design.kind];
  const sensitivity =
    check.sensitivityOutputs !== undefined
      ? `; sensitivity: ${count(check.sensitivityOutputs, 'output', 'outputs')}`
      : '';
  if (def.design.kind === 'intervals')
    return `ok ${shown} (sweep ${def.name}: ${count(def.factors.length, 'factor', 'factors')}, ${design}${sensitivity})\n`;
  return (
    `ok ${shown} (sweep ${def.name}: ${count(def.factors.length, 'factor', 'factors')}, ` +
    `${design} of ${count(check.points, 'point', 'points')} x ${count(def.replications, 'replication', 'replications')} = ` +
    `${count(check.runs, 'run', 'runs')}${sensitivity})\n`
  );
}

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, VALIDATE_OPTIONS);
  if (values.help) {
    io.stdout(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length === 0)
    throw new UserInputError(
      messages.missingArgument('validate', 'the files to check (scenario or policy YAML files)'),
    );
  const policies = values.policy ?? [];
  let invalid = 0;
  for (const given of positionals) {
    const inCwd = isAbsolute(given) ? given : join(io.cwd, given);
    const file = existsSync(inCwd) ? inCwd : resolveScenarioPath(given);
    const shown = existsSync(inCwd) ? given : file;
    try {
      const sweepFile = existsSync(inCwd) ? inCwd : resolveSweepPath(given);
      if (existsSync(sweepFile) && isSweepFile(sweepFile)) {
        const line = validateSweep(sweepFile, existsSync(inCwd) ? given : sweepFile, policies);
        if (!values.quiet) io.stdout(line);
        continue;
      }
      if (existsSync(file) && isPolicyFile(file)) {
        const layer = readPolicyFile(file, shown);
        const policyCount = (layer.raw.policies as unknown[]).length;
        if (!values.quiet) io.stdout(`ok ${shown} (policy file, ${count(policyCount, 'policy', 'policies')})\n`);
        continue;
      }
      const scenario = loadScenario(existsSync(inCwd) ? inCwd : given, { policies });
      const { params } = scenario;
      const shownScenario = existsSync(inCwd) ? given : scenario.file;
      for (const warning of scenarioWarnings(params)) io.stderr(`clustersim: warning: ${shownScenario}: ${warning}\n`);
      if (!values.quiet) {
        const composed = scenario.sources.length > 1 ? `, composed from ${scenario.sources.length} files` : '';
        io.stdout(
          `ok ${shownScenario} (scenario ${params.name}: ${count(params.towns.length, 'town', 'towns')}, ` +
            `${params.startYear}-${params.startYear + params.years - 1}, ${count(params.products.length, 'product', 'products')}, ` +
            `${count(params.policies.length, 'policy', 'policies')}${composed})\n`,
        );
      }
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      invalid++;
      io.stderr(`clustersim: error: ${error.message.replace(inCwd, given)}\n`);
    }
  }
  if (positionals.length > 1 && !values.quiet) io.stdout(`${positionals.length - invalid} valid, ${invalid} invalid\n`);
  return invalid > 0 ? 2 : 0;
}
