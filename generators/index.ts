// Every output format, by name; each is a pure function of the model.
import type { ApiModel } from '../model/model.js';
import { bruno } from './bruno/index.js';
import { insomniaV4 } from './insomnia/v4.js';
import { insomniaV5 } from './insomnia/v5.js';
import { openapi } from './openapi/index.js';
import { postman } from './postman/index.js';
import type { GenerateContext, Generator, OutputFile } from './types.js';

export const GENERATORS: Record<string, Generator> = {
  postman,
  'insomnia-v4': insomniaV4,
  'insomnia-v5': insomniaV5,
  bruno,
  openapi,
};

export const FORMATS = Object.keys(GENERATORS);

/** The files of the named formats (every format by default), sorted by path. */
export function generateAll(model: ApiModel, ctx: GenerateContext, formats: readonly string[] = FORMATS): OutputFile[] {
  const files = formats.flatMap((format) => GENERATORS[format]!(model, ctx));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
