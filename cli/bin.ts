// The package bin's entry: bundled by scripts/bundle.mjs into dist/bundle/bin.js.
import { processIO } from './io.js';
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2), processIO());
