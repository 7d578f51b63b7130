// The generated Postman files through other tools' own importers.
import { convert } from 'insomnia-importers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCollections } from '../../support/collections.js';

const collectionText = readFileSync(join(fixtureCollections(), 'securithings.postman_collection.json'), 'utf8');
const collection = JSON.parse(collectionText);
type Item = { name: string; item?: Item[] };
const leafNames = (items: Item[]): string[] => items.flatMap((i) => (i.item ? leafNames(i.item) : [i.name]));

describe('insomnia-importers (Postman importer)', () => {
  it('detects the collection as Postman and keeps every request with its method and URL', async () => {
    const result = await convert(collectionText);
    expect(result.type.id).toBe('postman');
    const resources = result.data.resources as unknown as { _type: string; name: string }[];
    const requests = resources.filter((r) => r._type === 'request');
    expect(requests.map((r) => r.name)).toEqual(leafNames(collection.item));
    const byName = Object.fromEntries(requests.map((r) => [r.name, r]));
    expect(byName['Get Devices']).toMatchObject({ method: 'GET', url: '{{baseUrl}}/{{devicesPath}}' });
    expect(byName['Get access token']).toMatchObject({ method: 'POST', url: '{{baseUrl}}/token/{{organization}}' });
  });

  it('imports each environment with its secret declared and empty', async () => {
    for (const env of ['production', 'staging', 'local']) {
      const result = await convert(readFileSync(join(fixtureCollections(), `securithings-${env}.postman_environment.json`), 'utf8'));
      expect(result.type.id).toBe('postman-environment');
      const [environment] = result.data.resources as unknown as { data: Record<string, string> }[];
      expect(Object.keys(environment!.data)).toEqual(['baseUrl', 'organization', 'clientId', 'clientSecret', 'devicesPath']);
      expect(environment!.data.clientSecret).toBe('');
    }
  });
});
