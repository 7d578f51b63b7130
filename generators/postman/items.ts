// The collection's folders: the token request, a folder per resource with the requests a person
// sends by hand (each with its positive contract checks), and the contract cases kept apart.
import { findEndpoint, hostVariables, isReadOnly, successResponse, type ApiModel, type ContractCase, type Endpoint, type Resource } from '../../model/model.js';
import { caseItemId, endpointItemId, stableUuid, TOKEN_ENDPOINT } from '../../model/ids.js';
import { SCRIPT_VARIABLES } from '../../model/script-variables.js';
import { mustache } from '../../model/urls.js';
import { bearerAuth, NO_AUTH, type PostmanAuth } from './auth.js';
import { tokenEndpointText } from '../shared/markdown.js';
import { endpointDescription } from './description.js';
import { examplesOf } from './examples.js';
import { endpointRequest, markdown, tokenRequest, type RequestDefinition } from './requests.js';
import * as check from './scripts/checks.js';
import { requiresScript, tamperScript, writeSkipScript } from './scripts/prerequest.js';
import { postmanCheck } from './scripts/named.js';
import { caseChecks, endpointChecks } from '../shared/checks.js';
import { bodyText } from '../shared/request-body.js';

export interface ItemDefinition {
  id: string;
  name: string;
  description?: { content: string; type: 'text/markdown' };
  request?: RequestDefinition;
  response?: unknown[];
  event?: ReturnType<typeof event>[];
  item?: ItemDefinition[];
}

/** A script event; the SDK would give a script without an id a random one. */
export const event = (owner: string, listen: 'prerequest' | 'test', exec: string[]) => ({
  listen,
  script: { id: stableUuid(owner, listen), type: 'text/javascript' as const, exec },
});

export function collectionItems(model: ApiModel): ItemDefinition[] {
  return [authFolder(model), ...model.resources.map((r) => resourceFolder(model, r)), contractFolder(model)];
}

function authFolder(model: ApiModel): ItemDefinition {
  const request = tokenRequest(model, 'valid');
  const checks = [
    check.statusCheck(200),
    check.jsonCheck(true),
    check.schemaCheck(model.auth.responseSchema, model.schemas[model.auth.responseSchema]!),
    check.tokenChecks(model.auth),
    check.timeCheck(model.contract.responseTimeMs),
    check.cacheToken(model.auth, hostVariables(model)),
  ];
  const tokenItemId = endpointItemId(model.info.id, TOKEN_ENDPOINT);
  return {
    id: stableUuid(model.info.id, 'folder', 'auth'),
    name: 'Auth',
    description: markdown(tokenEndpointText(model.auth)),
    item: [
      {
        id: tokenItemId,
        name: 'Get access token',
        description: markdown(`${model.auth.description.trim()}\n\nThe answer's token is cached for the other requests, so sending this by hand is optional.`),
        request,
        event: [event(tokenItemId, 'test', check.testScript(checks, 200))],
      },
    ],
  };
}

function resourceFolder(model: ApiModel, resource: Resource): ItemDefinition {
  return {
    id: stableUuid(model.info.id, 'folder', resource.id),
    name: resource.name,
    description: markdown(resource.description),
    item: resource.endpoints.map((endpoint) => endpointItem(model, resource, endpoint)),
  };
}

function endpointItem(model: ApiModel, resource: Resource, endpoint: Endpoint): ItemDefinition {
  const success = successResponse(endpoint);
  const checks = success ? [...endpointChecks(model, endpoint).map((named) => postmanCheck(model, named)), check.captureVariables(endpoint.capture)] : [];
  const id = endpointItemId(model.info.id, endpoint.id);
  const prerequest = [
    ...(isReadOnly(endpoint) ? [] : writeSkipScript(endpoint)),
    ...(endpoint.requires.length > 0 ? requiresScript(endpoint.requires, endpoint.name) : []),
  ];
  const events = [
    ...(prerequest.length > 0 ? [event(id, 'prerequest', prerequest)] : []),
    ...(checks.length > 0 ? [event(id, 'test', check.testScript(checks, success!.status))] : []),
  ];
  return {
    id,
    name: endpoint.name,
    description: markdown(endpointDescription(resource, endpoint)),
    request: endpointRequest(resource, endpoint),
    response: examplesOf(resource, endpoint),
    ...(events.length > 0 ? { event: events } : {}),
  };
}

function contractFolder(model: ApiModel): ItemDefinition {
  return {
    id: stableUuid(model.info.id, 'folder', 'contract'),
    name: 'Contract checks',
    description: markdown('Negative and edge cases of the documented contract, run by `npm run contract`. Each says what it checks and on what basis.'),
    item: model.contract.cases.map((c) => caseItem(model, c)),
  };
}

function caseItem(model: ApiModel, c: ContractCase): ItemDefinition {
  const { request, prerequest } = caseRequest(model, c);
  const checks = caseChecks(model, c).map((named) => postmanCheck(model, named));
  const id = caseItemId(model.info.id, c.id);
  return {
    id,
    name: c.name,
    ...(c.basis ? { description: markdown(`Basis: ${c.basis}.`) } : {}),
    request,
    event: [...(prerequest.length > 0 ? [event(id, 'prerequest', prerequest)] : []), event(id, 'test', check.testScript(checks, c.expect.status))],
  };
}

function caseRequest(model: ApiModel, c: ContractCase): { request: RequestDefinition; prerequest: string[] } {
  const target = c.target;
  if (target.kind === 'token') {
    return { request: tokenRequest(model, target.credentials), prerequest: [] };
  }
  const { resource, endpoint } = findEndpoint(model, target.endpoint)!;
  const auth: PostmanAuth | undefined =
    target.auth === 'none' ? NO_AUTH : target.auth === 'tampered' ? bearerAuth(mustache(SCRIPT_VARIABLES.tamperedToken)) : undefined;
  const body = target.body === undefined ? {} : { body: bodyText(target.body) };
  const request = endpointRequest(resource, endpoint, { query: target.query, pathParams: target.pathParams, ...(auth ? { auth } : {}), ...body });
  return { request, prerequest: target.auth === 'tampered' ? tamperScript(SCRIPT_VARIABLES.tamperedToken) : [] };
}
