// The one place the description file is read.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { loadSpec, SpecError } from '../loader/index.js';
import type { DiagnosticCode } from '../loader/diagnostics.js';
import { MAX_BYTES } from '../loader/limits.js';
import type { ApiModel } from '../model/model.js';
import { CONFIG_DEFAULTS } from './config.js';

export const DEFAULT_SPEC = CONFIG_DEFAULTS.spec;

export function readSpec(file: string, cwd: string): ApiModel {
  const absolute = resolve(cwd, file);
  const shown = relative(cwd, absolute) || file;
  const fail = (code: DiagnosticCode, message: string) => new SpecError([{ file: shown, line: 1, col: 1, code, path: [], message }]);
  let bytes: Uint8Array;
  try {
    // Checked before reading: a folder, a device (/dev/zero) or a huge file is refused unread.
    const stat = statSync(absolute);
    if (!stat.isFile()) throw fail('file-unreadable', `cannot read the description: it is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}`);
    if (stat.size > MAX_BYTES) throw fail('file-too-large', `file is ${stat.size} bytes, more than the ${MAX_BYTES} a description may have`);
    bytes = readFileSync(absolute);
  } catch (error) {
    if (error instanceof SpecError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw fail('file-unreadable', `cannot read the description: ${reason}`);
  }
  return loadSpec(bytes, shown);
}
