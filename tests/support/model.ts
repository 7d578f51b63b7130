// The tests' own description (a frozen SecuriThings description, not the shipped one, which may
// grow), and small builders around it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSpec, SpecError } from '../../loader/index.js';
import type { ApiModel, Endpoint, Resource } from '../../model/model.js';
import { walksToPageTwo } from '../../model/ids.js';
import { pageTwoName } from '../../generators/shared/page-walk.js';

export const FIXTURE_SPEC = fileURLToPath(new URL('../fixtures/descriptions/securithings.yaml', import.meta.url));

export function fixtureModel(): ApiModel {
  return loadSpec(readFileSync(FIXTURE_SPEC), FIXTURE_SPEC);
}

/** A deep copy of the fixture model, changed by `edit`, for what-if cases. */
export function modelWith(edit: (model: ApiModel) => void): ApiModel {
  const model = structuredClone(fixtureModel());
  edit(model);
  return model;
}

/** A GET endpoint at the resource's base path with one 200 answer and nothing else; `part` overrides any field. */
export function endpoint(part: Partial<Endpoint> & Pick<Endpoint, 'id' | 'name'>): Endpoint {
  return {
    method: 'GET',
    path: '',
    description: `${part.name}.`,
    headers: {},
    pathParams: [],
    query: [],
    responses: [{ status: 200, description: 'OK.' }],
    capture: {},
    requires: [],
    examples: [],
    ...part,
  };
}

/** A second resource: Get Sites with a required query parameter (`region`, example `eu`), Get Site with a path parameter (`siteId`) that has no example. */
export function sitesResource(): Resource {
  return {
    id: 'sites',
    name: 'Sites',
    description: 'Sites of the organization.',
    basePath: '/v1/sites',
    pathVariable: 'sitesPath',
    endpoints: [
      endpoint({ id: 'listSites', name: 'Get Sites', query: [{ name: 'region', type: 'string', required: true, description: 'Region code.', example: 'eu' }] }),
      endpoint({
        id: 'getSite',
        name: 'Get Site',
        path: '/{siteId}',
        pathParams: [{ name: 'siteId', type: 'string', required: true, description: 'The site id.' }],
      }),
    ],
  };
}

/**
 * An edit for `modelWith`: appends `sitesResource()`, served at its base path on every environment
 * except those `pathOn` names (environment id -> path).
 */
export function withSites(model: ApiModel, pathOn: Record<string, string> = {}): void {
  const sites = sitesResource();
  model.resources.push(sites);
  for (const env of model.environments) env.resourcePaths[sites.id] = pathOn[env.id] ?? sites.basePath;
}

/** For `describe.each`: the fixture model and the one `withSites` extends, each with its label. */
export const FIXTURE_AND_WITH_SITES: [label: string, make: () => ApiModel][] = [
  ['the SecuriThings description', fixtureModel],
  ['the description with an extra resource', () => modelWith(withSites)],
];

/** A description's text loaded as `edited.yaml`. */
export const loadText = (text: string): ApiModel => loadSpec(new TextEncoder().encode(text), 'edited.yaml');

/** Each diagnostic loading the text gives, as `line:col code: message`; none when it loads. */
export function problemsOf(text: string): string[] {
  try {
    loadText(text);
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}: ${d.message}`);
    throw error;
  }
  return [];
}

/** The contract folder's item names in every client: each case, and after a paging case that walks, its page 2. */
export function contractItemNames(model: ApiModel): string[] {
  return model.contract.cases.flatMap((c) => (walksToPageTwo(model, c) ? [c.name, pageTwoName(c)] : [c.name]));
}
