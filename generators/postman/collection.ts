// The Postman v2.1 collection, laid out the way the Postman app exports it. Written directly
// rather than through the postman-collection SDK, which costs ~100 ms to load at every start;
// the tests prove the SDK reads it back and writes the same collection (tests/generators/postman).
import { defaultEnvironment, separateTokenHost, VARIABLES, type ApiModel } from '../../model/model.js';
import { capturedVariables } from '../../model/captures.js';
import { stableUuid } from '../../model/ids.js';
import { fillTemplate, mustache, resourcePathValue } from '../../model/urls.js';
import { oauth2Auth } from './auth.js';
import { collectionDescription } from './description.js';
import { collectionItems, event } from './items.js';
import { markdown } from './requests.js';
import { CACHE } from './scripts/cache.js';
import { SCRIPT_VARIABLES } from '../../model/script-variables.js';
import { pacingAnsweredScript, pacingScript } from './scripts/pacing.js';
import { recoverScript } from './scripts/recover.js';
import { tokenPrerequestScript } from './scripts/token-prerequest.js';

export const SCHEMA_URL = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export function postmanCollection(model: ApiModel): Record<string, unknown> {
  const collectionId = stableUuid(model.info.id, 'collection');
  return {
    info: { _postman_id: collectionId, name: model.info.name, description: markdown(collectionDescription(model)), schema: SCHEMA_URL },
    item: collectionItems(model),
    auth: oauth2Auth(model),
    event: [
      event(collectionId, 'prerequest', [...pacingScript(model), ...tokenPrerequestScript(model)]),
      event(collectionId, 'test', [...pacingAnsweredScript(), ...recoverScript(model)]),
    ],
    variable: collectionVariables(model),
  };
}

function collectionVariables(model: ApiModel): { key: string; value: string; type: 'string' }[] {
  const production = defaultEnvironment(model);
  const variable = (key: string, value = '') => ({ key, value, type: 'string' as const });
  return [
    variable(VARIABLES.baseUrl, fillTemplate(production.baseUrl, mustache)),
    ...(separateTokenHost(model) ? [variable(VARIABLES.tokenBaseUrl, fillTemplate(production.tokenBaseUrl, mustache))] : []),
    ...model.resources.map((r) => variable(r.pathVariable, resourcePathValue(r.basePath))),
    variable(CACHE.token),
    variable(CACHE.expiresAt),
    variable(CACHE.key),
    variable(SCRIPT_VARIABLES.pacing, 'on'),
    variable(SCRIPT_VARIABLES.pacingState),
    ...[...capturedVariables(model).keys()].map((name) => variable(name)),
  ];
}
