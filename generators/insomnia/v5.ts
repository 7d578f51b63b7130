// Insomnia v5 (YAML, Insomnia 11+): one nested document; folders hold `children`, requests have a
// `method`, and every item carries a unique `meta.id` (formats.md C4).
import type { ApiModel } from '../../model/model.js';
import { toYaml } from '../shared/yaml.js';
import type { GenerateContext, Generator, OutputFile } from '../types.js';
import { buildCollection, type FolderNode, type RequestNode } from './collection.js';
import type { EnvironmentNode } from './environments.js';

export const V5_TYPE = 'collection.insomnia.rest/5.0';
export const V5_SCHEMA_VERSION = '5.1';

/** What Insomnia applies when `settings` is absent, written out so the file says what it does. */
const REQUEST_SETTINGS = { renderRequestBody: true, encodeUrl: true, followRedirects: 'global', cookies: { send: true, store: true }, rebuildPath: true };

export const insomniaV5: Generator = (model: ApiModel, _ctx: GenerateContext): OutputFile[] => [
  { path: `${model.info.id}.insomnia.yaml`, content: toYaml(insomniaV5Document(model)) },
];

export function insomniaV5Document(model: ApiModel) {
  const c = buildCollection(model);
  return {
    type: V5_TYPE,
    schema_version: V5_SCHEMA_VERSION,
    name: c.workspace.name,
    meta: { id: c.workspace.id, description: c.workspace.description },
    collection: [folder(c.root)],
    cookieJar: { name: c.cookieJar.name, meta: { id: c.cookieJar.id } },
    environments: { ...environment(c.baseEnvironment), subEnvironments: c.subEnvironments.map(environment) },
  };
}

function meta(node: { id: string; description: string; sortKey: number }) {
  return { id: node.id, sortKey: node.sortKey, description: node.description };
}

/** Inheriting items carry no `authentication` key, as Insomnia's own exporter writes them. */
function authentication(node: FolderNode | RequestNode) {
  return 'type' in node.authentication ? { authentication: node.authentication } : {};
}

function folder(node: FolderNode): Record<string, unknown> {
  return {
    name: node.name,
    meta: meta(node),
    ...authentication(node),
    children: node.children.map((child) => (child.kind === 'folder' ? folder(child) : request(child))),
  };
}

function request(node: RequestNode): Record<string, unknown> {
  const parameters = node.parameters.length > 0 ? { parameters: node.parameters } : {};
  const body = node.body ? { body: node.body } : {};
  return {
    url: node.url,
    name: node.name,
    meta: meta(node),
    method: node.method,
    ...body,
    ...parameters,
    headers: node.headers,
    ...authentication(node),
    ...(node.afterResponse || node.preRequest
      ? { scripts: { ...(node.preRequest ? { preRequest: node.preRequest } : {}), ...(node.afterResponse ? { afterResponse: node.afterResponse } : {}) } }
      : {}),
    settings: REQUEST_SETTINGS,
  };
}

function environment(env: EnvironmentNode) {
  return { name: env.name, meta: { id: env.id, sortKey: env.sortKey }, data: env.data };
}
