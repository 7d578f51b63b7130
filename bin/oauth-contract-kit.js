#!/usr/bin/env node
// Runs the bundled CLI, dist/bundle/ (built by `npm run build`: `prepare` runs it on `npm install`
// in the repository, on `npm pack`, and when another project installs the kit from git).
import '../dist/bundle/bin.js';
