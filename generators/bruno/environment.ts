// One model environment -> `environments/<id>.bru` (`bru run --env <id>`). The secret is listed, never valued.
import { separateTokenHost, VARIABLES, type ApiModel, type Environment } from '../../model/model.js';
import { fillTemplate, mustache, resourcePathValue } from '../../model/urls.js';
import { bruFile, dictBlock, listBlock, type Pair } from './bru.js';

export function environmentVars(model: ApiModel, env: Environment): Pair[] {
  return [
    { key: VARIABLES.baseUrl, value: fillTemplate(env.baseUrl, mustache) },
    ...(separateTokenHost(model) ? [{ key: VARIABLES.tokenBaseUrl, value: fillTemplate(env.tokenBaseUrl, mustache) }] : []),
    ...Object.entries(env.values).map(([key, value]) => ({ key, value })),
    // Without the leading slash, as in every other output: URLs read `{{baseUrl}}/{{devicesPath}}`.
    ...model.resources.map((resource) => ({
      key: resource.pathVariable,
      value: resourcePathValue(env.resourcePaths[resource.id]!),
    })),
  ];
}

export function environmentBru(model: ApiModel, env: Environment): string {
  return bruFile([dictBlock('vars', environmentVars(model, env)), listBlock('vars:secret', [VARIABLES.clientSecret])]);
}
