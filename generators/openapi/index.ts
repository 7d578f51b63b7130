// OpenAPI 3.1, one YAML file, for tools that import OpenAPI (Swagger UI, Postman, Bruno, code generators).
import { stringify } from 'yaml';
import type { Generator } from '../types.js';
import { openapiDocument } from './document.js';

/**
 * Written for YAML 1.1 readers too (js-yaml, which most OpenAPI tools use): strings such as
 * `2024-12-31T23:59:59Z` or `yes` get quotes, so no reader turns them into dates or booleans.
 */
export function toYaml(value: unknown): string {
  return stringify(value, { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0 });
}

export const openapi: Generator = (model) => [{ path: `${model.info.id}.openapi.yaml`, content: toYaml(openapiDocument(model)) }];
