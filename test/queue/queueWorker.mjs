// Test entry: `clustersim worker` from the build, until bin/cli.ts dispatches it.
import { workerCommand } from '../../dist/bin/commands/worker.js';
import { processIo } from '../../dist/bin/io.js';

process.exitCode = await workerCommand(process.argv.slice(2), processIo());
