// The collection's folders: the token request, a folder per resource with the requests a person
// sends by hand (each with its positive contract checks), and the contract cases kept apart.
import { findEndpoint, hostVariables, isReadOnly, successResponse, type ApiModel, type ContractCase, type Endpoint, type Resource } from '../../model/model.js';
import { caseItemId, endpointItemId, pageTwoItemId, stableUuid, TOKEN_ENDPOINT } from '../../model/ids.js';
import { SCRIPT_VARIABLES } from '../../model/script-variables.js';
import { mustache } from '../../model/urls.js';
import { NO_AUTH, tokenAuth, type PostmanAuth } from './auth.js';
import { tokenEndpointText } from '../shared/markdown.js';
import { endpointDescription } from './description.js';
import { examplesOf } from './examples.js';
import { endpointRequest, markdown, tokenRequest, linkedRequest, type RequestDefinition } from './requests.js';
import * as check from './scripts/checks.js';
import { requiresScript, tamperScript, writeSkipScript } from './scripts/prerequest.js';
import { postmanCheck } from './scripts/named.js';
import { caseChecks, endpointChecks, pageTwoChecks } from '../shared/checks.js';
import { bodyText } from '../shared/request-body.js';
import { hasPageTwo, pageTwoName, pageTwoQuery, pageWalk, type PageWalk } from '../shared/page-walk.js';
import { OWN, pageOneStep, pageOneStore, pageTwoPrelude, pageTwoPrerequest } from '../shared/page-script.js';
import { jsLiteral } from '../shared/js-literal.js';
import { POSTMAN_SCRIPT_API } from './scripts/paging.js';
import { memo, type Memo } from '../shared/memo.js';

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
  const scripts = memo<string[]>();
  return [authFolder(model), ...model.resources.map((r) => resourceFolder(model, r, scripts)), contractFolder(model)];
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

function resourceFolder(model: ApiModel, resource: Resource, scripts: Memo<string[]>): ItemDefinition {
  return {
    id: stableUuid(model.info.id, 'folder', resource.id),
    name: resource.name,
    description: markdown(resource.description),
    item: resource.endpoints.map((endpoint) => endpointItem(model, resource, endpoint, scripts)),
  };
}

/** The test script, written once per distinct checks and captures (`scripts`: one per run): endpoints that answer alike share it. */
function endpointTests(model: ApiModel, endpoint: Endpoint, status: number, scripts: Memo<string[]>): string[] {
  const named = endpointChecks(model, endpoint);
  const script = scripts(JSON.stringify([named, endpoint.capture]), () =>
    check.testScript([...named.map((n) => postmanCheck(model, n)), check.captureVariables(endpoint.capture)], status),
  );
  return [...script];
}

function endpointItem(model: ApiModel, resource: Resource, endpoint: Endpoint, scripts: Memo<string[]>): ItemDefinition {
  const success = successResponse(endpoint);
  const id = endpointItemId(model.info.id, endpoint.id);
  const prerequest = [
    ...(isReadOnly(endpoint) ? [] : writeSkipScript(endpoint)),
    ...(endpoint.requires.length > 0 ? requiresScript(endpoint.requires, endpoint.name) : []),
  ];
  const events = [
    ...(prerequest.length > 0 ? [event(id, 'prerequest', prerequest)] : []),
    ...(success ? [event(id, 'test', endpointTests(model, endpoint, success.status, scripts))] : []),
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
    item: model.contract.cases.flatMap((c) => caseItems(model, c)),
  };
}

/** A case's item, and for a paging case its page 2. */
function caseItems(model: ApiModel, c: ContractCase): ItemDefinition[] {
  const { request, prerequest } = caseRequest(model, c);
  const walk = pageWalk(model, c);
  const checks = caseChecks(model, c).map((named) => postmanCheck(model, named));
  const answered = `pm.response.code === ${jsLiteral(c.expect.status)}`;
  const walked = walk
    ? [
        [OWN, ...pageOneStep(walk, POSTMAN_SCRIPT_API, answered)].join('\n'),
        ...checks,
        ...(hasPageTwo(walk) ? [pageOneStore(POSTMAN_SCRIPT_API).join('\n')] : []),
      ]
    : checks;
  const id = caseItemId(model.info.id, c.id);
  const first: ItemDefinition = {
    id,
    name: c.name,
    ...(c.basis ? { description: markdown(`Basis: ${c.basis}.`) } : {}),
    request,
    event: [...(prerequest.length > 0 ? [event(id, 'prerequest', prerequest)] : []), event(id, 'test', check.testScript(walked, c.expect.status))],
  };
  return hasPageTwo(walk) ? [first, pageTwoItem(model, c, walk)] : [first];
}

/** Page 2 of a paging case: the next position, cursor or link page 1 answered; skipped, saying why, when there is none to follow. */
function pageTwoItem(model: ApiModel, c: ContractCase, walk: PageWalk): ItemDefinition {
  const target = c.target as Extract<ContractCase['target'], { kind: 'endpoint' }>;
  const { resource, endpoint } = findEndpoint(model, target.endpoint)!;
  const auth = target.auth === 'none' ? NO_AUTH : undefined;
  const query = pageTwoQuery(walk, target.query, mustache(SCRIPT_VARIABLES.pageNext));
  const request = query
    ? endpointRequest(resource, endpoint, { query, pathParams: target.pathParams, ...(auth ? { auth } : {}) })
    : linkedRequest(endpoint, SCRIPT_VARIABLES.pageNext, auth);
  const id = pageTwoItemId(model.info.id, c.id);
  const checks = pageTwoChecks(model, c).map((named) => postmanCheck(model, named));
  const prelude = [OWN, ...pageTwoPrelude(POSTMAN_SCRIPT_API)].join('\n');
  const done = `${POSTMAN_SCRIPT_API.set(jsLiteral(SCRIPT_VARIABLES.pageState), "''")};`;
  return {
    id,
    name: pageTwoName(c),
    description: markdown('Page 2 of the case above, reached the way the endpoint pages; skipped, saying why, when page 1 said there is no more.'),
    request,
    event: [
      event(id, 'prerequest', pageTwoPrerequest(walk, POSTMAN_SCRIPT_API, pageTwoName(c), 'console.warn')),
      event(id, 'test', check.testScript([prelude, ...checks, done], c.expect.status)),
    ],
  };
}

function caseRequest(model: ApiModel, c: ContractCase): { request: RequestDefinition; prerequest: string[] } {
  const target = c.target;
  if (target.kind === 'token') {
    return { request: tokenRequest(model, target.credentials), prerequest: [] };
  }
  const { resource, endpoint } = findEndpoint(model, target.endpoint)!;
  const auth: PostmanAuth | undefined =
    target.auth === 'none' ? NO_AUTH : target.auth === 'tampered' ? tokenAuth(model, mustache(SCRIPT_VARIABLES.tamperedToken)) : undefined;
  const body = target.body === undefined ? {} : { body: bodyText(target.body) };
  const request = endpointRequest(resource, endpoint, { query: target.query, pathParams: target.pathParams, ...(auth ? { auth } : {}), ...body });
  return { request, prerequest: target.auth === 'tampered' ? tamperScript(SCRIPT_VARIABLES.tamperedToken) : [] };
}
