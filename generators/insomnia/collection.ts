// The collection as one format-neutral tree; v4.ts flattens it into resources, v5.ts nests it.
import type { ApiModel, Endpoint, Resource } from '../../model/model.js';
import { capturedVariables } from '../../model/captures.js';
import { basicClientAuthentication, inheritAuthentication, oauth2Authentication, type Authentication } from './auth.js';
import { requestDescription, resourceFolderDescription, rootFolderDescription, tokenRequestDescription, workspaceDescription, type Captures } from './describe.js';
import { baseEnvironment, subEnvironments, type EnvironmentNode } from './environments.js';
import { insomniaIds, sortKey, type InsomniaIds } from './ids.js';
import { queryPair, type QueryPair } from './parameters.js';
import { requestUrl, tokenUrl } from './template.js';

export interface Header {
  name: string;
  value: string;
}

export interface RequestNode {
  kind: 'request';
  id: string;
  name: string;
  description: string;
  sortKey: number;
  method: string;
  url: string;
  parameters: QueryPair[];
  headers: Header[];
  authentication: Authentication;
}

export interface FolderNode {
  kind: 'folder';
  id: string;
  name: string;
  description: string;
  sortKey: number;
  authentication: Authentication;
  children: (FolderNode | RequestNode)[];
}

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

export function buildCollection(model: ApiModel): InsomniaCollection {
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
  const children = [tokenRequest(model, ids, 0), ...model.resources.map((r, i) => resourceFolder(model, ids, captures, r, i + 1))];
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
  const headers = Object.entries(model.auth.headers).map(([name, value]) => ({ name, value }));
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
    authentication: basicClientAuthentication(),
  };
}

function resourceFolder(model: ApiModel, ids: InsomniaIds, captures: Captures, resource: Resource, index: number): FolderNode {
  return {
    kind: 'folder',
    id: ids.resourceFolder(resource.id),
    name: resource.name,
    description: resourceFolderDescription(resource),
    sortKey: sortKey(index),
    authentication: inheritAuthentication(),
    children: resource.endpoints.map((e, i) => endpointRequest(model, ids, captures, resource, e, i)),
  };
}

function endpointRequest(model: ApiModel, ids: InsomniaIds, captures: Captures, resource: Resource, endpoint: Endpoint, index: number): RequestNode {
  return {
    kind: 'request',
    id: ids.request(endpoint.id),
    name: endpoint.name,
    description: requestDescription(model, captures, resource, endpoint),
    sortKey: sortKey(index),
    method: endpoint.method,
    url: requestUrl(resource, endpoint),
    parameters: endpoint.query.map(queryPair),
    headers: [ACCEPT_JSON],
    authentication: inheritAuthentication(),
  };
}
