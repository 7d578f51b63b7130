// Plain-JS copies of bench modules that run as their own `node` process (no tsx loader in the
// measurement), and the preload that marks when a process's HTTP server saw its first and last request.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Transpiles bench/<name>.ts into `dir`/<name>.js (ESM); returns the folder. */
export function transpileBench(dir: string, names: string[]): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const name of names) {
    const source = readFileSync(fileURLToPath(new URL(`./${name}.ts`, import.meta.url)), 'utf8');
    const output = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(join(dir, `${name}.js`), output.outputText);
  }
  writeFileSync(join(dir, 'marks.mjs'), MARKS_PRELOAD);
  return dir;
}

/**
 * Loaded with `node --import`: records (ms since process start) the first server-side request,
 * the last finished response, and the exit, into the file named by BENCH_MARKS_FILE.
 */
const MARKS_PRELOAD = `import dc from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
const marks = { firstRequest: -1, lastResponse: -1, requests: 0, exit: -1 };
dc.subscribe('http.server.request.start', () => { if (marks.firstRequest < 0) marks.firstRequest = performance.now(); marks.requests += 1; });
dc.subscribe('http.server.response.finish', () => { marks.lastResponse = performance.now(); });
process.on('exit', () => { marks.exit = performance.now(); if (process.env.BENCH_MARKS_FILE) writeFileSync(process.env.BENCH_MARKS_FILE, JSON.stringify(marks)); });
`;

export interface ProcessMarks {
  firstRequest: number;
  lastResponse: number;
  requests: number;
  exit: number;
}
