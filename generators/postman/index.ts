import type { Generator } from '../types.js';
import { toJson } from '../shared/json.js';
import { postmanCollection } from './collection.js';
import { environmentFileName, postmanEnvironment } from './environment.js';

export const postman: Generator = (model) => [
  { path: `${model.info.id}.postman_collection.json`, content: toJson(postmanCollection(model)) },
  ...model.environments.map((env) => ({ path: environmentFileName(model, env), content: toJson(postmanEnvironment(model, env)) })),
];
