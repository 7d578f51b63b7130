// The one place an OpenAPI document (and the local files its `$ref`s name) is read: each file
// checked before reading (a folder, a device or an oversized file is refused unread), then parsed
// with the loader's YAML reader and its limits (depth, alias copies). Referenced files must lie in
// the document's folder or below it.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { readYaml } from '../loader/read-yaml.js';
import { MAX_BYTES } from '../loader/limits.js';
import { Documents, ImportError, type ImportProblem } from '../importer/index.js';
import type { ImportProblemCode } from '../importer/problems.js';

export function openApiDocuments(file: string, cwd: string): Documents {
  const main = relative(cwd, resolve(cwd, file)) || file;
  const folder = dirname(resolve(cwd, main));
  const join_ = (from: string, ref: string): string | undefined => {
    const target = resolve(cwd, dirname(from), ref);
    const inside = relative(folder, target);
    if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return undefined;
    return normalize(relative(cwd, target));
  };
  return new Documents(main, (name) => readOne(name, cwd), join_);
}

function readOne(shown: string, cwd: string) {
  const fail = (code: ImportProblemCode, message: string, position = { line: 1, col: 1 }) =>
    new ImportError([{ file: shown, ...position, path: [], code, message } satisfies ImportProblem]);
  const absolute = join(cwd, shown);
  let bytes: Uint8Array;
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) return fail('file-unreadable', `cannot read the document: it is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}`);
    if (stat.size > MAX_BYTES) return fail('file-too-large', `the document is ${stat.size} bytes, more than the ${MAX_BYTES} import reads`);
    bytes = readFileSync(absolute);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail('file-unreadable', `cannot read the document: ${reason}`);
  }
  if (new TextDecoder().decode(bytes).trim() === '') return fail('not-openapi', 'the document is empty; expected OpenAPI 3.x or Swagger 2.0 as YAML or JSON');
  const read = readYaml(bytes, shown);
  if ('data' in read) return read;
  const code: ImportProblemCode =
    read.code === 'yaml-alias-bomb' || read.code === 'too-deep' || read.code === 'file-too-large'
      ? read.code
      : read.code === 'invalid-encoding'
        ? 'file-unreadable'
        : 'yaml-syntax';
  return fail(code, read.message.replace('a description may have', 'import reads'), { line: read.line, col: read.col });
}
