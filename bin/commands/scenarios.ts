/** `clustersim scenarios`: the bundled scenarios, policy files and sweep files, one line each. */
import { join, relative } from 'node:path';
import { bundledScenarioNames } from '../../scenarios/compose.js';
import { bundledPolicyDir, bundledPolicyNames, readPolicyFile } from '../../scenarios/policyFiles.js';
import { loadScenario } from '../../scenarios/load.js';
import { bundledScenarioDir, packageRoot } from '../../scenarios/paths.js';
import { UserInputError } from '../../scenarios/errors.js';
import { bundledSweepDir, bundledSweepNames, readSweepFile } from '../../analysis/experiments/sweepFile/index.js';
import { parseFlags } from '../args.js';
import { SCENARIOS_HELP } from '../help.js';
import type { CliIo } from '../io.js';

const SCENARIOS_OPTIONS = {
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function describeOrError(read: () => string): string {
  try {
    return read();
  } catch (error) {
    if (error instanceof UserInputError) return `(invalid: ${error.message})`;
    throw error;
  }
}

export async function scenariosCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, SCENARIOS_OPTIONS);
  if (values.help) {
    io.stdout(SCENARIOS_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UserInputError(
      `scenarios: expected no arguments, got ${positionals.join(' ')}; see clustersim scenarios --help`,
    );
  const scenarioNames = bundledScenarioNames();
  const policyNames = bundledPolicyNames();
  const sweepNames = bundledSweepNames();
  const width = Math.max(...[...scenarioNames, ...policyNames, ...sweepNames].map((n) => n.length)) + 2;
  const lines: string[] = [
    `Scenarios (${relative(packageRoot(), bundledScenarioDir())}/; run with clustersim run NAME):`,
  ];
  for (const name of scenarioNames) {
    const text = describeOrError(() => {
      const { params, sources } = loadScenario(join(bundledScenarioDir(), `${name}.yaml`));
      const span = `${params.startYear}-${params.startYear + params.years - 1}, ${params.towns.length} town${params.towns.length === 1 ? '' : 's'}`;
      const variant =
        sources.length > 1 ? `; varies ${relative(bundledScenarioDir(), sources[0].file).replace(/\.yaml$/, '')}` : '';
      return `${params.description} (${span}${variant})`;
    });
    lines.push(`  ${name.padEnd(width)}${text}`);
  }
  lines.push('');
  lines.push(
    `Policies (${relative(packageRoot(), bundledPolicyDir())}/; add with --policy NAME, NAME@TOWN[+TOWN...], NAME:YEAR or NAME@TOWN:YEAR):`,
  );
  for (const name of policyNames) {
    const text = describeOrError(() => {
      const layer = readPolicyFile(join(bundledPolicyDir(), `${name}.yaml`));
      return String(layer.raw.description);
    });
    lines.push(`  ${name.padEnd(width)}${text}`);
  }
  lines.push('');
  lines.push(
    `Sweeps (${relative(packageRoot(), bundledSweepDir())}/; run with clustersim sweep NAME, or clustersim sensitivity NAME --method morris|sobol):`,
  );
  for (const name of sweepNames) {
    const text = describeOrError(() => readSweepFile(join(bundledSweepDir(), `${name}.yaml`)).description ?? '');
    lines.push(`  ${name.padEnd(width)}${text}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
