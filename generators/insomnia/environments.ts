// Environment data, identical in v4 and v5: one base environment, one sub-environment per spec
// environment. No secret ever has a value here: `clientSecret` is always the empty string.
import type { ApiModel, Environment } from '../../model/model.js';
import { separateTokenHost, VARIABLES } from '../../model/model.js';
import { fillTemplate, resourcePathValue } from '../../model/urls.js';
import { sortKey, type InsomniaIds } from './ids.js';
import { pathParamVariable, variable } from './template.js';

export type EnvironmentData = Record<string, string>;

export interface EnvironmentNode {
  id: string;
  name: string;
  data: EnvironmentData;
  sortKey: number;
}

export const BASE_ENVIRONMENT_NAME = 'Base Environment';

/** Shared data: each resource's default path (no leading slash: URLs write `/{{ _.devicesPath }}`) and the path-parameter variables (empty until set). */
export function baseEnvironment(model: ApiModel, ids: InsomniaIds): EnvironmentNode {
  const paths = model.resources.map((r) => [r.pathVariable, resourcePathValue(r.basePath)]);
  const pathParams = model.resources.flatMap((r) => r.endpoints.flatMap((e) => e.pathParams.map((p) => [pathParamVariable(p), ''])));
  return { id: ids.baseEnvironment, name: BASE_ENVIRONMENT_NAME, data: Object.fromEntries([...paths, ...pathParams]), sortKey: 0 };
}

export function subEnvironments(model: ApiModel, ids: InsomniaIds): EnvironmentNode[] {
  return model.environments.map((env, index) => ({
    id: ids.environment(env.id),
    name: env.name,
    data: subEnvironmentData(model, env),
    sortKey: sortKey(index),
  }));
}

function subEnvironmentData(model: ApiModel, env: Environment): EnvironmentData {
  const paths = model.resources.map((r) => [r.pathVariable, resourcePathValue(env.resourcePaths[r.id]!)] as const);
  return {
    [VARIABLES.baseUrl]: fillTemplate(env.baseUrl, variable),
    ...(separateTokenHost(model) ? { [VARIABLES.tokenBaseUrl]: fillTemplate(env.tokenBaseUrl, variable) } : {}),
    ...env.values,
    // Never a value: the secret is typed into the app and stays out of every file.
    [VARIABLES.clientSecret]: '',
    ...Object.fromEntries(paths),
  };
}
