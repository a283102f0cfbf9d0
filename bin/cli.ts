/**
 * The clustersim command line: dispatch to a command, turn bad input into one line
 * on stderr with exit code 2 (stack only with --debug), anything else into exit 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../scenarios/errors.js';
import { messages } from '../scenarios/messages.js';
import { didYouMean } from '../scenarios/didYouMean.js';
import { packageRoot } from '../scenarios/paths.js';
import { MAIN_HELP } from './help.js';
import type { CliIo } from './io.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { scenariosCommand } from './commands/scenarios.js';
import { resultsCommand } from './commands/results.js';
import { compareCommand } from './commands/compare.js';
import { sweepCommand } from './commands/sweep.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { workerCommand } from './commands/worker.js';
import { statusCommand } from './commands/status.js';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  run: runCommand,
  validate: validateCommand,
  scenarios: scenariosCommand,
  results: resultsCommand,
  sweep: sweepCommand,
  compare: compareCommand,
  sensitivity: sensitivityCommand,
  worker: workerCommand,
  status: statusCommand,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(MAIN_HELP);
      return 0;
    }
    if (command === '--version') {
      const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
      io.stdout(`${pkg.version}\n`);
      return 0;
    }
    const handler = COMMANDS[command];
    if (!handler) {
      if (command.startsWith('-'))
        throw new UserInputError(messages.unknownFlag(command, didYouMean(command, ['--help', '--version'])));
      throw new UserInputError(messages.unknownCommand(command, didYouMean(command, Object.keys(COMMANDS))));
    }
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UserInputError) {
      io.stderr(`clustersim: error: ${error.message}\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return 2;
    }
    const text = error instanceof Error ? error.message : String(error);
    io.stderr(
      `clustersim: internal error: ${text.split('\n')[0]}${debug ? '' : ' (run again with --debug for the stack trace)'}\n`,
    );
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 1;
  }
}
