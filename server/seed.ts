// The demo tenants and their data: every resource's items, made from the description (see items.ts).
import type { ApiModel } from '../model/model.js';
import { seedItems, type AdditiveFields, type Item } from './items.js';
import type { Tenant } from './types.js';

/** Public demo credentials, valid only on this local server. Organization and client id match the spec's `local` environment. */
export const DEMO: { organization: 'demo'; clientId: 'demo-client'; clientSecret: string } = Object.freeze({
  organization: 'demo',
  clientId: 'demo-client',
  clientSecret: 'demo-secret-valid-only-on-the-local-reference-server',
});

/** A second tenant: its secret holds colons, so clients prove they split Basic credentials at the first colon. */
export const OTHER = {
  organization: 'acme',
  clientId: 'acme-client',
  clientSecret: 'acme:secret:with:colons',
} as const;

/** Items per resource of a tenant that does not say. */
export const DEFAULT_ITEMS = 25;

export function demoTenants(): Tenant[] {
  return [
    { ...DEMO, items: 25 },
    { ...OTHER, items: 12 },
  ];
}

/** A tenant's items, by resource id. */
export type TenantData = ReadonlyMap<string, readonly Item[]>;

/** Every tenant's items of every resource; the same model and tenants give the same data. */
export function seedData(model: ApiModel, tenants: readonly Tenant[], additiveFields: AdditiveFields = false): Map<Tenant, TenantData> {
  return new Map(
    tenants.map((tenant, tenantIndex) => {
      const options = { organization: tenant.organization, tenantIndex, count: tenant.items ?? DEFAULT_ITEMS, additiveFields };
      return [tenant, new Map(model.resources.map((resource) => [resource.id, seedItems(model, resource, options)]))];
    }),
  );
}
