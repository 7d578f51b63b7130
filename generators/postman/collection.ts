// The Postman v2.1 collection: built through the postman-collection SDK, then laid out the way
// the Postman app exports (info first, `url.raw` kept for importers that read only it).
import sdk from 'postman-collection';
import type { ApiModel } from '../model.js';
import { stableUuid } from '../shared/ids.js';
import { resourcePathValue } from '../shared/urls.js';
import { oauth2Auth } from './auth.js';
import { collectionDescription } from './description.js';
import { collectionItems, event } from './items.js';
import { markdown } from './requests.js';
import { CACHE } from './scripts/cache.js';
import { recoverScript } from './scripts/recover.js';
import { tokenPrerequestScript } from './scripts/token-prerequest.js';

export const SCHEMA_URL = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export function postmanCollection(model: ApiModel): Record<string, unknown> {
  const collectionId = stableUuid(model.info.id, 'collection');
  const definition = {
    info: { _postman_id: collectionId, name: model.info.name, description: markdown(collectionDescription(model)), schema: SCHEMA_URL },
    auth: oauth2Auth(model),
    event: [event(collectionId, 'prerequest', tokenPrerequestScript(model)), event(collectionId, 'test', recoverScript(model))],
    variable: collectionVariables(model),
    item: collectionItems(model),
  };
  const json = new sdk.Collection(definition as never).toJSON() as unknown as Record<string, unknown>;
  return layout(json, definition.info);
}

function collectionVariables(model: ApiModel): { key: string; value: string; type: 'string' }[] {
  const production = model.environments[0]!;
  const variable = (key: string, value = '') => ({ key, value, type: 'string' as const });
  return [
    variable('baseUrl', production.baseUrl),
    ...model.resources.map((r) => variable(r.pathVariable, resourcePathValue(r.basePath))),
    variable(CACHE.token),
    variable(CACHE.expiresAt),
    variable(CACHE.key),
    ...[...new Set(model.resources.flatMap((r) => r.endpoints.flatMap((e) => Object.keys(e.capture))))].map((name) => variable(name)),
  ];
}

/** info first, no SDK-internal keys, `url.raw` restored on every request and example. */
function layout(json: Record<string, unknown>, info: object): Record<string, unknown> {
  const { info: _sdkInfo, _: _internal, item, ...rest } = json;
  return { info, item: withRawUrls(item), ...rest };
}

function withRawUrls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withRawUrls);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'url' && isObject(v) ? rawFirst(v) : withRawUrls(v)]));
}

/** `raw` as the Postman app writes it: path variables stay `:name`, disabled query left out. */
function rawFirst(url: Record<string, unknown>): Record<string, unknown> {
  const { host = [], path = [], query = [] } = url as { host?: string[]; path?: string[]; query?: { key: string; value: string; disabled?: boolean }[] };
  const enabled = query.filter((q) => !q.disabled).map((q) => `${q.key}=${q.value}`);
  const raw = `${host.join('.')}${path.length > 0 ? `/${path.join('/')}` : ''}${enabled.length > 0 ? `?${enabled.join('&')}` : ''}`;
  return { raw, ...url };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
