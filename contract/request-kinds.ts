// What each request of a run exercises, settled from the model before the run: the token URL
// (a request is a token request when its URL, without query, is that one, whatever prefix the
// base URL carries) and, for every item of the generated collection, its endpoint and case.
import { caseItemId, endpointItemId, pageTwoItemId, TOKEN_ENDPOINT, walksToPageTwo } from '../model/ids.js';
import type { ApiModel } from '../model/model.js';
import { fillTemplate } from '../model/urls.js';
import { settingNames, type SettingNames } from './target.js';

export interface ItemTarget {
  /** A model endpoint id, or `token`. */
  endpoint: string;
  caseId?: string;
}

/** The token URL for these values: the token host (else the base URL) + token path with its variables (organization) filled in. */
export function settledTokenUrl(model: ApiModel, values: Readonly<Record<string, string>>): string {
  return `${values.tokenBaseUrl ?? values.baseUrl ?? ''}${fillTemplate(model.auth.path, (name) => encodeURIComponent(values[name] ?? ''))}`;
}

/** Item id -> what it exercises, by the ids the Postman generator gives its items (model/ids.ts). */
export function itemTargets(model: ApiModel): Record<string, ItemTarget> {
  const targets: Record<string, ItemTarget> = { [endpointItemId(model.info.id, TOKEN_ENDPOINT)]: { endpoint: TOKEN_ENDPOINT } };
  for (const endpoint of model.resources.flatMap((r) => r.endpoints)) targets[endpointItemId(model.info.id, endpoint.id)] = { endpoint: endpoint.id };
  for (const c of model.contract.cases) {
    targets[caseItemId(model.info.id, c.id)] = { endpoint: c.target.kind === 'token' ? TOKEN_ENDPOINT : c.target.endpoint, caseId: c.id };
    // page 2 of a paging case exercises the same endpoint for the same case
    if (c.target.kind === 'endpoint' && walksToPageTwo(model, c)) targets[pageTwoItemId(model.info.id, c.id)] = { endpoint: c.target.endpoint, caseId: c.id };
  }
  return targets;
}

/** A URL without query or fragment, percent-decoded, to compare two URLs for the same resource. */
export function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${decodeURIComponent(parsed.pathname)}`;
  } catch {
    return url.split(/[?#]/)[0]!;
  }
}

/** The plan's facts about requests, for these values: its token URL and item targets. */
export function requestKinds(
  model: ApiModel,
  values: Readonly<Record<string, string>>,
): { tokenUrl: string; itemTargets: Record<string, ItemTarget>; settings: SettingNames } {
  return { tokenUrl: settledTokenUrl(model, values), itemTargets: itemTargets(model), settings: settingNames(model) };
}
