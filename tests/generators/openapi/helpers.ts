// Shared by the OpenAPI tests: the model, the generated document, and the consumers' own tools.
import { parse } from 'yaml';
import type { ApiModel } from '../../../model/model.js';
import { openapi } from '../../../generators/openapi/index.js';
import { DEFAULT_CTX } from '../../../generators/types.js';
import { fixtureModel } from '../../support/model.js';

export function generateText(model: ApiModel = fixtureModel()): string {
  const files = openapi(model, DEFAULT_CTX);
  if (files.length !== 1 || files[0]!.path !== `${model.info.id}.openapi.yaml`) throw new Error(`unexpected files ${files.map((f) => f.path).join(', ')}`);
  return files[0]!.content;
}

/** The document as a YAML 1.1 reader (js-yaml, most OpenAPI tools) would see it. */
export type Doc = any;

export function generateDoc(model: ApiModel = fixtureModel()): Doc {
  return parse(generateText(model), { version: '1.1' }) as Doc;
}
