// Every Insomnia id, derived from the spec ids: the same description always gives the same ids,
// and v4 and v5 share them. The kind segment keeps ids of different kinds from colliding.
import type { ApiModel } from '../../model/model.js';
import { stableId } from '../../model/ids.js';

export function insomniaIds(model: ApiModel) {
  const api = model.info.id;
  return {
    workspace: stableId('wrk', api),
    baseEnvironment: stableId('env', api, 'base'),
    environment: (envId: string) => stableId('env', api, 'environment', envId),
    cookieJar: stableId('jar', api),
    rootFolder: stableId('fld', api, 'root'),
    resourceFolder: (resourceId: string) => stableId('fld', api, 'resource', resourceId),
    tokenRequest: stableId('req', api, 'token'),
    request: (endpointId: string) => stableId('req', api, 'endpoint', endpointId),
  };
}

export type InsomniaIds = ReturnType<typeof insomniaIds>;

/** Items are ordered as the spec lists them; sort keys leave room for items added in the app. */
export function sortKey(index: number): number {
  return (index + 1) * 100;
}
