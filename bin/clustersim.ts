#!/usr/bin/env node
/** Entry point of the `clustersim` command (see bin/cli.ts). */
import { main } from './cli.js';
import { processIo } from './io.js';

process.exitCode = await main(process.argv.slice(2), processIo());
