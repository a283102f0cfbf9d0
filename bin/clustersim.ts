#!/usr/bin/env node
/** Entry point of the `clustersim` command (see bin/cli.ts). */
import { main } from './cli.js';
import { processIo } from './io.js';

// `clustersim results DIR --sql ... | head`: the reader went away. That is the user's
// choice, not an error: stop quietly, as Unix tools do, instead of a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

process.exitCode = await main(process.argv.slice(2), processIo());
