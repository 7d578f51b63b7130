// OpenAPI 3.1, one YAML file, for tools that import OpenAPI (Swagger UI, Postman, Bruno, code generators).
import { toYaml } from '../shared/yaml.js';
import type { Generator } from '../types.js';
import { openapiDocument } from './document.js';

export const openapi: Generator = (model) => [{ path: `${model.info.id}.openapi.yaml`, content: toYaml(openapiDocument(model)) }];
