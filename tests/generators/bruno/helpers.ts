// Shared by the Bruno tests: the model, the generated files, and Bruno's own .bru parsers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bruno } from '../../../generators/bruno/index.js';
import { loadSpec } from '../../../generators/load/index.js';
import type { ApiModel, Endpoint, Resource } from '../../../generators/model.js';
import { DEFAULT_CTX, type OutputFile } from '../../../generators/types.js';

const SPEC = fileURLToPath(new URL('../../../spec/securithings.yaml', import.meta.url));

export function loadModel(): ApiModel {
  return loadSpec(readFileSync(SPEC), 'spec/securithings.yaml');
}

export interface KeyValue {
  name: string;
  value: string;
  enabled: boolean;
  type?: string;
  secret?: boolean;
}

export interface BruRequest {
  meta: { name: string; type: string; seq: string };
  http: { method: string; url: string; body: string; auth: string };
  params?: KeyValue[];
  vars?: { req?: KeyValue[]; res?: KeyValue[] };
  assertions?: KeyValue[];
  script?: { req?: string; res?: string };
  tests?: string;
  docs?: string;
}

export interface BruCollection {
  meta?: { name: string; seq: string };
  auth: { mode: string; oauth2?: Record<string, unknown> };
  docs?: string;
}

export interface BruEnvironment {
  variables: KeyValue[];
}

interface BruLang {
  bruToJsonV2(text: string): BruRequest;
  collectionBruToJson(text: string): BruCollection;
  bruToEnvJsonV2(text: string): BruEnvironment;
}

/** @usebruno/lang, the parser the Bruno app and `bru` CLI read .bru files with (CommonJS, untyped). */
export const lang = createRequire(import.meta.url)('@usebruno/lang') as BruLang;

export function generate(model: ApiModel = loadModel()): OutputFile[] {
  return bruno(model, DEFAULT_CTX);
}

export function fileAt(files: OutputFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return file.content;
}

/** The model plus a resource with a required query parameter and a path parameter without an example. */
export function extendedModel(): ApiModel {
  const model = structuredClone(loadModel());
  const base: Omit<Endpoint, 'id' | 'name'> = {
    method: 'GET',
    path: '',
    description: 'Sites.',
    pathParams: [],
    query: [],
    responses: [{ status: 200, description: 'OK.' }],
    capture: {},
    requires: [],
    examples: [],
  };
  const sites: Resource = {
    id: 'sites',
    name: 'Sites',
    description: 'Sites of the organization.',
    basePath: '/v1/sites',
    pathVariable: 'sitesPath',
    endpoints: [
      { ...base, id: 'listSites', name: 'Get Sites', query: [{ name: 'region', type: 'string', required: true, description: 'Region code.', example: 'eu' }] },
      { ...base, id: 'getSite', name: 'Get Site', path: '/{siteId}', pathParams: [{ name: 'siteId', type: 'string', required: true, description: 'The site id.' }] },
    ],
  };
  model.resources.push(sites);
  for (const env of model.environments) env.resourcePaths['sites'] = '/v1/sites';
  return model;
}
