// Shared by the OpenAPI tests: the model, the generated document, and the consumers' own tools.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadSpec } from '../../../generators/load/index.js';
import type { ApiModel } from '../../../generators/model.js';
import { openapi } from '../../../generators/openapi/index.js';
import { DEFAULT_CTX } from '../../../generators/types.js';

const SPEC = fileURLToPath(new URL('../../../spec/securithings.yaml', import.meta.url));

export function loadModel(): ApiModel {
  return loadSpec(readFileSync(SPEC), 'spec/securithings.yaml');
}

export function generateText(model: ApiModel = loadModel()): string {
  const files = openapi(model, DEFAULT_CTX);
  if (files.length !== 1 || files[0]!.path !== `${model.info.id}.openapi.yaml`) throw new Error(`unexpected files ${files.map((f) => f.path).join(', ')}`);
  return files[0]!.content;
}

/** The document as a YAML 1.1 reader (js-yaml, most OpenAPI tools) would see it. */
export type Doc = any;

export function generateDoc(model: ApiModel = loadModel()): Doc {
  return parse(generateText(model), { version: '1.1' }) as Doc;
}
