// Every output format, by name. The CLI runs them all; each is a pure function of the model.
import type { ApiModel } from './model.js';
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

export function generateAll(model: ApiModel, ctx: GenerateContext): OutputFile[] {
  const files = Object.values(GENERATORS).flatMap((generate) => generate(model, ctx));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
