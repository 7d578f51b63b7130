// One Postman environment file per target. The secret is declared (type `secret`) but empty:
// a person types it into the current value, CI passes it with --env-var. Entries are never
// `enabled: false` (newman would still use them).
import { separateTokenHost, VARIABLES, type ApiModel, type Environment } from '../../model/model.js';
import { stableUuid } from '../../model/ids.js';
import { fillTemplate, mustache, resourcePathValue } from '../../model/urls.js';

interface EnvironmentValue {
  key: string;
  value: string;
  type: 'default' | 'secret';
  enabled: true;
}

export function environmentFileName(model: ApiModel, env: Environment): string {
  return `${model.info.id}-${env.id}.postman_environment.json`;
}

export function postmanEnvironment(model: ApiModel, env: Environment): object {
  const value = (key: string, v: string, type: EnvironmentValue['type'] = 'default'): EnvironmentValue => ({ key, value: v, type, enabled: true });
  return {
    id: stableUuid(model.info.id, 'environment', env.id),
    name: env.name,
    values: [
      value(VARIABLES.baseUrl, fillTemplate(env.baseUrl, mustache)),
      ...(separateTokenHost(model) ? [value(VARIABLES.tokenBaseUrl, fillTemplate(env.tokenBaseUrl, mustache))] : []),
      ...Object.entries(env.values).map(([key, v]) => value(key, v)),
      value('clientSecret', '', 'secret'),
      ...model.resources.map((r) => value(r.pathVariable, resourcePathValue(env.resourcePaths[r.id]!))),
    ],
    _postman_variable_scope: 'environment',
  };
}
