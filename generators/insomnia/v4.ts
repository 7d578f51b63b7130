// Insomnia export format 4 (JSON), written directly: a flat list of resources linked by parentId
// (formats.md C1). Imports into every Insomnia since 2018, including 11.x.
import type { ApiModel } from '../../model/model.js';
import { toJson } from '../shared/json.js';
import type { GenerateContext, Generator, OutputFile } from '../types.js';
import { buildCollection, type FolderNode, type InsomniaCollection, type RequestNode } from './collection.js';
import type { EnvironmentNode } from './environments.js';

/**
 * Fixed, not the clock: a timestamp would change the file on every run and break `generate --check`.
 * Insomnia only displays the date; nothing reads it on import.
 */
export const EXPORT_DATE = '2000-01-01T00:00:00.000Z';

type Resource = Record<string, unknown> & { _id: string; _type: string; parentId: string | null };

export const insomniaV4: Generator = (model: ApiModel, ctx: GenerateContext): OutputFile[] => [
  { path: `${model.info.id}.insomnia.json`, content: toJson(insomniaV4Export(model, ctx)) },
];

export function insomniaV4Export(model: ApiModel, ctx: GenerateContext) {
  const collection = buildCollection(model);
  return {
    _type: 'export',
    __export_format: 4,
    __export_date: EXPORT_DATE,
    __export_source: `${ctx.generator.name}:v${ctx.generator.version}`,
    resources: resources(collection),
  };
}

function resources(c: InsomniaCollection): Resource[] {
  const workspace: Resource = {
    _id: c.workspace.id,
    _type: 'workspace',
    parentId: null,
    name: c.workspace.name,
    description: c.workspace.description,
    scope: 'collection',
  };
  const jar: Resource = { _id: c.cookieJar.id, _type: 'cookie_jar', parentId: c.workspace.id, name: c.cookieJar.name, cookies: [] };
  return [
    workspace,
    environment(c.baseEnvironment, c.workspace.id),
    ...c.subEnvironments.map((env) => environment(env, c.baseEnvironment.id)),
    jar,
    ...folderResources(c.root, c.workspace.id),
  ];
}

function environment(env: EnvironmentNode, parentId: string): Resource {
  return {
    _id: env.id,
    _type: 'environment',
    parentId,
    name: env.name,
    data: env.data,
    dataPropertyOrder: null,
    color: null,
    isPrivate: false,
    metaSortKey: env.sortKey,
  };
}

/** The folder, then its children (parents always come before what they hold). */
function folderResources(folder: FolderNode, parentId: string): Resource[] {
  const self: Resource = {
    _id: folder.id,
    _type: 'request_group',
    parentId,
    name: folder.name,
    description: folder.description,
    environment: {},
    environmentPropertyOrder: null,
    metaSortKey: folder.sortKey,
    authentication: folder.authentication,
  };
  const children = folder.children.flatMap((child) => (child.kind === 'folder' ? folderResources(child, folder.id) : [request(child, folder.id)]));
  return [self, ...children];
}

function request(req: RequestNode, parentId: string): Resource {
  return {
    _id: req.id,
    _type: 'request',
    parentId,
    name: req.name,
    description: req.description,
    method: req.method,
    url: req.url,
    body: req.body ?? {},
    parameters: req.parameters,
    headers: req.headers,
    authentication: req.authentication,
    ...(req.preRequest ? { preRequestScript: req.preRequest } : {}),
    ...(req.afterResponse ? { afterResponseScript: req.afterResponse } : {}),
    metaSortKey: req.sortKey,
    isPrivate: false,
    settingStoreCookies: true,
    settingSendCookies: true,
    settingDisableRenderRequestBody: false,
    settingEncodeUrl: true,
    settingRebuildPath: true,
    settingFollowRedirects: 'global',
  };
}
