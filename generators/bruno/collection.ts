// bruno.json and collection.bru: the collection's name and its OAuth 2.0 client credentials auth.
import { VARIABLES, type ApiModel } from '../../model/model.js';
import { toJson } from '../shared/json.js';
import { fillTemplate, mustache, tokenUrl } from '../../model/urls.js';
import { bruFile, dictBlock, textBlock, type Pair } from './bru.js';
import { collectionDocs, credentialsPlacement, tokenSource } from './docs.js';

export function brunoJson(model: ApiModel): string {
  return toJson({ version: '1', name: model.info.name, type: 'collection', ignore: ['node_modules', '.git'] });
}

/** Where Bruno caches the token; one id for the whole collection, so one token serves every request. */
export function credentialsId(model: ApiModel): string {
  return model.info.id;
}

/**
 * The `auth:oauth2` pairs. `credentials_placement` is written even though the CLI defaults to Basic:
 * the .bru parser (and so the app) defaults a missing one to `body`.
 */
export function oauth2Pairs(model: ApiModel): Pair[] {
  const { auth } = model;
  return [
    { key: 'grant_type', value: 'client_credentials' },
    { key: 'access_token_url', value: tokenUrl(model, mustache) },
    { key: 'refresh_token_url', value: '' },
    { key: 'client_id', value: mustache(VARIABLES.clientId) },
    { key: 'client_secret', value: mustache(VARIABLES.clientSecret) },
    { key: 'scope', value: fillTemplate(auth.scope ?? '', mustache) },
    { key: 'credentials_placement', value: credentialsPlacement(auth) },
    { key: 'credentials_id', value: credentialsId(model) },
    { key: 'token_source', value: tokenSource(auth) },
    { key: 'token_placement', value: 'header' },
    { key: 'token_header_prefix', value: auth.tokenPrefix },
    { key: 'auto_fetch_token', value: true },
    { key: 'auto_refresh_token', value: auth.refreshToken },
  ];
}

export function collectionBru(model: ApiModel): string {
  return bruFile([
    dictBlock('auth', [{ key: 'mode', value: 'oauth2' }]),
    dictBlock('auth:oauth2', oauth2Pairs(model)),
    ...(model.auth.audience
      ? [dictBlock('auth:oauth2:additional_params:access_token_req:body', [{ key: 'audience', value: fillTemplate(model.auth.audience, mustache) }])]
      : []),
    textBlock('docs', collectionDocs(model)),
  ]);
}
