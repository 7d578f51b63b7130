#!/usr/bin/env node
// Runs the compiled CLI (built by `npm run build`, which `npm install` runs through `prepare`).
import { run } from '../dist/generators/cli/main.js';
import { processIO } from '../dist/generators/cli/io.js';

process.exitCode = await run(process.argv.slice(2), processIO());
