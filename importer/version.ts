// Which OpenAPI a document is: Swagger 2.0, OpenAPI 3.0 or 3.1; anything else is refused.
import { isObject, type Documents } from './documents.js';

export type OpenApiVersion = '2.0' | '3.0' | '3.1';

export function versionOf(docs: Documents): OpenApiVersion {
  const root = docs.root;
  const at = { file: docs.main, path: [] };
  if (!isObject(root)) throw docs.problem(at, 'not-openapi', 'not an OpenAPI document: expected a mapping with `openapi: 3.x` or `swagger: "2.0"`');
  if (root.swagger !== undefined) {
    if (String(root.swagger) === '2.0') return '2.0';
    throw docs.problem({ ...at, path: ['swagger'] }, 'not-openapi', `Swagger ${JSON.stringify(root.swagger)} is not supported; expected "2.0"`);
  }
  const openapi = typeof root.openapi === 'string' ? root.openapi : '';
  if (/^3\.0(\.\d+)?$/.test(openapi)) return '3.0';
  if (/^3\.1(\.\d+)?$/.test(openapi)) return '3.1';
  if (root.openapi !== undefined)
    throw docs.problem({ ...at, path: ['openapi'] }, 'not-openapi', `OpenAPI ${JSON.stringify(root.openapi)} is not supported; expected 3.0.x or 3.1.x`);
  throw docs.problem(at, 'not-openapi', 'not an OpenAPI document: it has neither `openapi: 3.x` nor `swagger: "2.0"`');
}
