// The collection as one format-neutral tree; v4.ts flattens it into resources, v5.ts nests it.
import { VARIABLES, type ApiModel, type Endpoint, type Resource } from '../../model/model.js';
import { FORM_CONTENT_TYPE, tokenFormFields, tokenHeaders } from '../../model/token-form.js';
import { capturedVariables } from '../../model/captures.js';
import { inheritAuthentication, oauth2Authentication, tokenCallAuthentication } from './auth.js';
import type { FolderNode, FormBody, Header, RequestNode } from './nodes.js';
import {
  requestDescription,
  resourceFolderDescription,
  rootFolderDescription,
  tokenRequestDescription,
  workspaceDescription,
  type Captures,
} from './describe.js';
import { baseEnvironment, subEnvironments, type EnvironmentNode } from './environments.js';
import { insomniaIds, sortKey, type InsomniaIds } from './ids.js';
import { queryPairs } from './parameters.js';
import { requestUrl, tokenUrl, variable } from './template.js';
import { contractFolder } from './contract.js';
import { afterResponseScript, insomniaTests } from './checks.js';
import { tokenScriptTests } from '../shared/script-tests.js';
import { contentTypeCheck, endpointChecks, jsonCheck, schemaCheck, statusCheck, timeCheck } from '../shared/checks.js';
import { requestHeaders } from '../shared/request-headers.js';
import { documentedBodyText } from '../shared/request-body.js';
import { jsonBody } from './body.js';
import { writeSkipScript } from './write-skip.js';
import { memo, type Memo } from '../shared/memo.js';

export type { FolderNode, RequestNode } from './nodes.js';

export interface InsomniaCollection {
  workspace: { id: string; name: string; description: string };
  baseEnvironment: EnvironmentNode;
  subEnvironments: EnvironmentNode[];
  cookieJar: { id: string; name: string };
  root: FolderNode;
}

export const COOKIE_JAR_NAME = 'Default Jar';
export const TOKEN_REQUEST_NAME = 'Get access token';
const ACCEPT_JSON: Header = { name: 'Accept', value: 'application/json' };

// The v4 and v5 files are the same tree written two ways, so generating both builds it once. Safe
// because a model is never changed after loading and neither writer changes the tree.
const built = new WeakMap<ApiModel, InsomniaCollection>();

export function buildCollection(model: ApiModel): InsomniaCollection {
  let collection = built.get(model);
  if (collection === undefined) built.set(model, (collection = collectionOf(model)));
  return collection;
}

function collectionOf(model: ApiModel): InsomniaCollection {
  const ids = insomniaIds(model);
  return {
    workspace: { id: ids.workspace, name: model.info.name, description: workspaceDescription(model) },
    baseEnvironment: baseEnvironment(model, ids),
    subEnvironments: subEnvironments(model, ids),
    cookieJar: { id: ids.cookieJar, name: COOKIE_JAR_NAME },
    root: rootFolder(model, ids),
  };
}

/** A workspace has no auth of its own, so the oauth2 block sits on a top folder every request inherits. */
function rootFolder(model: ApiModel, ids: InsomniaIds): FolderNode {
  const captures = capturedVariables(model);
  const scripts = memo<string | undefined>();
  const children = [
    tokenRequest(model, ids, 0),
    ...model.resources.map((r, i) => resourceFolder(model, ids, captures, scripts, r, i + 1)),
    ...contractFolder(model, model.resources.length + 1),
  ];
  return {
    kind: 'folder',
    id: ids.rootFolder,
    name: model.info.name,
    description: rootFolderDescription(model),
    sortKey: sortKey(0),
    authentication: oauth2Authentication(model),
    children,
  };
}

function tokenRequest(model: ApiModel, ids: InsomniaIds, index: number): RequestNode {
  const headers = tokenHeaders(model.auth).map(([name, value]) => ({ name, value }));
  const body = tokenFormBody(model);
  return {
    kind: 'request',
    id: ids.tokenRequest,
    name: TOKEN_REQUEST_NAME,
    description: tokenRequestDescription(model),
    sortKey: sortKey(index),
    method: model.auth.method,
    url: tokenUrl(model),
    parameters: [],
    headers: [ACCEPT_JSON, ...headers.filter((h) => h.name.toLowerCase() !== 'accept')],
    ...(body ? { body } : {}),
    authentication: tokenCallAuthentication(model),
    afterResponse: tokenScript(model),
  };
}

/** The token answer's checks, named and ordered as in the Postman collection's `Auth/Get access token`. */
function tokenScript(model: ApiModel): string {
  const checks = [statusCheck(200), jsonCheck(), contentTypeCheck(), schemaCheck(model.auth.responseSchema), timeCheck(model.contract.responseTimeMs)];
  return afterResponseScript(200, insomniaTests(model, checks, tokenScriptTests(model.auth, 'insomnia.expect')));
}

/** Written once per distinct list of checks: endpoints that answer alike share the script. */
function endpointScript(model: ApiModel, scripts: Memo<string | undefined>, endpoint: Endpoint): { afterResponse?: string } {
  const checks = endpointChecks(model, endpoint);
  const afterResponse = scripts(JSON.stringify(checks), () => {
    const status = checks.find((c) => c.kind === 'status');
    return status?.kind === 'status' ? afterResponseScript(status.status, insomniaTests(model, checks)) : undefined;
  });
  return afterResponse === undefined ? {} : { afterResponse };
}

/** grant_type (scope, audience) and, under client_secret_post, the client id and secret as variables. */
function tokenFormBody(model: ApiModel): FormBody | undefined {
  if (model.auth.body !== 'form') return undefined;
  const fields = tokenFormFields(model.auth, { id: variable(VARIABLES.clientId), secret: variable(VARIABLES.clientSecret) }, variable);
  return { mimeType: FORM_CONTENT_TYPE, params: fields.map(([name, value]) => ({ name, value })) };
}

function resourceFolder(
  model: ApiModel,
  ids: InsomniaIds,
  captures: Captures,
  scripts: Memo<string | undefined>,
  resource: Resource,
  index: number,
): FolderNode {
  return {
    kind: 'folder',
    id: ids.resourceFolder(resource.id),
    name: resource.name,
    description: resourceFolderDescription(resource),
    sortKey: sortKey(index),
    authentication: inheritAuthentication(),
    children: resource.endpoints.map((e, i) => endpointRequest(model, ids, captures, scripts, resource, e, i)),
  };
}

function endpointRequest(
  model: ApiModel,
  ids: InsomniaIds,
  captures: Captures,
  scripts: Memo<string | undefined>,
  resource: Resource,
  endpoint: Endpoint,
  index: number,
): RequestNode {
  const json = jsonBody(documentedBodyText(endpoint));
  return {
    kind: 'request',
    id: ids.request(endpoint.id),
    name: endpoint.name,
    description: requestDescription(model, captures, resource, endpoint),
    sortKey: sortKey(index),
    method: endpoint.method,
    url: requestUrl(resource, endpoint),
    parameters: endpoint.query.flatMap(queryPairs),
    headers: [ACCEPT_JSON, ...requestHeaders(endpoint, variable).map(([name, value]) => ({ name, value })), ...json.headers],
    ...(json.body ? { body: json.body } : {}),
    authentication: inheritAuthentication(),
    ...writeSkipScript(endpoint),
    ...endpointScript(model, scripts, endpoint),
  };
}
