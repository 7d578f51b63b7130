// Which endpoint and contract case a request record belongs to. The runner names them
// (`endpoint`, `caseId`); when it does not, they are read from the method and URL path against the
// description's templates on every environment, and from the item name.
import type { ApiModel, ContractCase } from '../../model/model.js';
import type { RequestRecord } from '../events.js';
import { TOKEN_ENDPOINT } from '../../model/ids.js';

export interface Template {
  id: string;
  method: string;
  segments: string[];
}

const segments = (path: string) => path.split('/').filter((s) => s !== '');

/** Every endpoint's path templates (one per distinct resource path over the environments), the token endpoint's first. */
export function templates(model: ApiModel): Template[] {
  const token: Template = { id: TOKEN_ENDPOINT, method: model.auth.method, segments: segments(model.auth.path) };
  const data = model.resources.flatMap((r) => {
    const bases = new Set([r.basePath, ...model.environments.map((e) => e.resourcePaths[r.id] ?? r.basePath)]);
    return r.endpoints.flatMap((e) => [...bases].map((base) => ({ id: e.id, method: e.method, segments: segments(base + e.path) })));
  });
  return [token, ...data];
}

function pathOf(url: string): string[] {
  try {
    return segments(new URL(url).pathname).map((s) => decodeURIComponent(s));
  } catch {
    return [];
  }
}

/** Matches the path's tail, so a base URL with a path of its own (`https://host/api`) still matches. */
function fits(template: Template, method: string, path: string[]): boolean {
  if (template.method !== method.toUpperCase() || path.length < template.segments.length) return false;
  const tail = path.slice(path.length - template.segments.length);
  return template.segments.every((t, i) => t.startsWith('{') || t === tail[i]);
}

export function endpointOf(model: ApiModel, record: RequestRecord, known = templates(model)): string | undefined {
  if (record.endpoint) return record.endpoint;
  if (record.tokenRequest) return TOKEN_ENDPOINT;
  return endpointAt(record.method, record.url, known);
}

/** The endpoint a method and absolute URL reach, by the templates. */
export function endpointAt(method: string, url: string, known: readonly Template[]): string | undefined {
  const path = pathOf(url);
  // the longest template first: `/v1/devices/{id}` before `/v1/devices`
  return [...known].sort((a, b) => b.segments.length - a.segments.length).find((t) => fits(t, method, path))?.id;
}

/** The contract case an item runs: the runner's `caseId`, else the case whose name ends the item's path. */
export function caseOf(model: ApiModel, record: RequestRecord): ContractCase | undefined {
  const id = record.caseId;
  if (id) return model.contract.cases.find((c) => c.id === id);
  return model.contract.cases.find((c) => record.item === c.name || record.item.endsWith(` / ${c.name}`));
}
