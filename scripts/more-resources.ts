// Two more resources, Sites and Device Sources (each a paged list with enum filters on nested
// fields, and a fetch-one whose id the list captures), added to a description's text with its
// comments kept: the check that the kit survives a growing description.
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

type Data = Record<string, unknown>;

/** The description's text with both resources and their schemas added. */
export function withMoreResources(text: string): string {
  const doc = parseDocument(text);
  const resources = doc.get('resources') as YAMLSeq;
  const schemas = doc.get('schemas') as YAMLMap;
  for (const [id, name, singular, item] of [
    ['sites', 'Sites', 'site', 'Site'],
    ['deviceSources', 'Device Sources', 'deviceSource', 'DeviceSource'],
  ] as const) {
    resources.add(doc.createNode(resource(id, name, singular, item)));
    for (const [key, schema] of Object.entries(itemSchemas(id, item))) schemas.set(key, doc.createNode(schema));
  }
  return doc.toString({ lineWidth: 0 });
}

function resource(id: string, name: string, singular: string, item: string): Data {
  const variable = `${singular}Id`;
  return {
    id,
    name,
    description: `${name} of the organization.`,
    basePath: `/v1/${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    rateLimit: { requests: 1, perSeconds: 1, per: ['ip', 'user'] },
    endpoints: [
      {
        id: `list${name.replace(/ /g, '')}`,
        name: `Get ${name}`,
        method: 'GET',
        path: '',
        list: { items: id, total: 'total', limit: 'limit', offset: 'offset' },
        query: [
          { name: 'limit', type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'Page size.' },
          { name: 'offset', type: 'integer', minimum: 0, default: 0, description: 'Items to skip.' },
          { name: 'health', type: 'string', enum: ['ok', 'degraded'], field: 'state.health', description: 'Health.' },
          { name: 'zone', type: 'string', enum: ['north', 'south'], field: 'location.zone', description: 'Zone.' },
        ],
        responses: [{ status: 200, description: `A page of ${name.toLowerCase()}.`, schema: { $ref: `#/schemas/${item}List` } }],
        capture: { [variable]: `${id}[0].id` },
      },
      {
        id: `get${item}`,
        name: `Get ${item} By ID`,
        method: 'GET',
        path: '/{id}',
        item: { key: 'id' },
        pathParams: [{ name: 'id', type: 'string', description: `The ${singular}'s id.`, example: `{{${variable}}}` }],
        requires: [variable],
        responses: [
          { status: 200, description: `The ${singular}.`, schema: { $ref: `#/schemas/${item}` } },
          { status: 404, description: 'No such item.' },
        ],
      },
    ],
  };
}

function itemSchemas(id: string, item: string): Data {
  return {
    [item]: {
      type: 'object',
      required: ['id', 'name'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        createdAt: { type: 'string', format: 'date-time' },
        state: { type: 'object', properties: { health: { type: 'string' } } },
      },
    },
    [`${item}List`]: { type: 'object', properties: { [id]: { type: 'array', items: { $ref: `#/schemas/${item}` } }, total: { type: 'integer', minimum: 0 } } },
  };
}
