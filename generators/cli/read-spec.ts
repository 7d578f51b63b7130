// The one place the description file is read.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { loadSpec, SpecError } from '../load/index.js';
import type { ApiModel } from '../model.js';

export const DEFAULT_SPEC = 'spec/securithings.yaml';

export function readSpec(file: string, cwd: string): ApiModel {
  const absolute = resolve(cwd, file);
  const shown = relative(cwd, absolute) || file;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new SpecError([{ file: shown, line: 1, col: 1, code: 'file-unreadable', path: [], message: `cannot read the description: ${reason}` }]);
  }
  return loadSpec(bytes, shown);
}
