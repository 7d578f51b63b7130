// A description built for the server tests, independent of the shipped one: `cameras` (a plain
// list and fetch-one) and `sites` (an enum filter on a nested field, flags, an integer key, a
// staging path), plus a `status` endpoint that neither lists nor fetches one.
import { dump } from 'js-yaml';
import { loadSpec } from '../../loader/index.js';
import type { ApiModel } from '../../model/model.js';

export type Fixture = Record<string, any>;

const page = (max = 50) => [
  { name: 'limit', type: 'integer', minimum: 1, maximum: max, default: 10, description: 'Page size.' },
  { name: 'offset', type: 'integer', minimum: 0, default: 0, description: 'Items to skip.' },
];
const perSecond = { requests: 1, perSeconds: 1, per: ['ip', 'user'] };

export function fixture(): Fixture {
  return {
    format: 1,
    info: { id: 'fixture', name: 'Fixture API', version: 'v1' },
    environments: [
      { id: 'production', name: 'Production', baseUrl: 'https://api.example.com' },
      { id: 'staging', name: 'Staging', baseUrl: 'https://staging.example.com', resourcePaths: { sites: '/v2/places' } },
    ],
    auth: {
      flow: 'client_credentials',
      method: 'POST',
      path: '/token/{organization}',
      clientAuthentication: 'basic',
      lifetimeSeconds: 3600,
      refreshToken: false,
      rateLimit: { requests: 5, perSeconds: 60, per: ['ip'] },
      response: { schema: { $ref: '#/schemas/Token' } },
    },
    resources: [
      {
        id: 'cameras',
        name: 'Cameras',
        basePath: '/v1/cameras',
        rateLimit: perSecond,
        endpoints: [
          {
            id: 'listCameras',
            name: 'Get Cameras',
            method: 'GET',
            path: '',
            list: { items: 'cameras', total: 'count', limit: 'limit', offset: 'offset' },
            query: [...page(), { name: 'mode', type: 'string', enum: ['day', 'night'], description: 'Mode.' }],
            responses: [{ status: 200, description: 'Cameras.', schema: { $ref: '#/schemas/CameraList' } }],
          },
          {
            id: 'getCamera',
            name: 'Get Camera',
            method: 'GET',
            path: '/{cameraId}',
            item: { key: 'serial' },
            pathParams: [{ name: 'cameraId', type: 'string', description: 'Serial.' }],
            responses: [
              { status: 200, description: 'A camera.', schema: { $ref: '#/schemas/Camera' } },
              { status: 404, description: 'None.' },
            ],
          },
        ],
      },
      {
        id: 'sites',
        name: 'Sites',
        basePath: '/v1/sites',
        rateLimit: perSecond,
        endpoints: [
          {
            id: 'listSites',
            name: 'Get Sites',
            method: 'GET',
            path: '',
            list: { items: 'sites', total: 'total', limit: 'limit', offset: 'offset' },
            query: [
              ...page(20),
              { name: 'kind', type: 'string', enum: ['office', 'warehouse', 'store'], description: 'Kind of site.' },
              { name: 'region', type: 'string', enum: ['eu', 'us', 'apac'], field: 'address.region', description: 'Region of the address.' },
              { name: 'alarm.armed', type: 'flag', description: 'The alarm is armed (not in the schema).' },
              { name: 'isOpen', type: 'flag', description: 'Open now.' },
              { name: 'search', type: 'string', description: 'Not a filter: a string without an enum.' },
            ],
            responses: [{ status: 200, description: 'Sites.', schema: { $ref: '#/schemas/SiteList' } }],
            examples: [
              {
                name: 'A page',
                status: 200,
                body: {
                  sites: [
                    {
                      id: 7,
                      name: 'Head office',
                      kind: 'office',
                      isOpen: true,
                      openedAt: '2023-05-01T08:00:00Z',
                      address: { city: 'Lyon', region: 'eu' },
                      tags: ['hq'],
                    },
                  ],
                  total: 1,
                },
              },
            ],
          },
          {
            id: 'getSite',
            name: 'Get Site',
            method: 'GET',
            path: '/{siteId}',
            item: { key: 'id' },
            pathParams: [{ name: 'siteId', type: 'string', description: 'Site id.' }],
            responses: [
              { status: 200, description: 'A site.', schema: { $ref: '#/schemas/Site' } },
              { status: 404, description: 'None.' },
            ],
          },
        ],
      },
      {
        id: 'health',
        name: 'Health',
        basePath: '/v1/health',
        endpoints: [
          {
            id: 'getHealth',
            name: 'Get Health',
            method: 'GET',
            path: '',
            responses: [{ status: 200, description: 'Health.', schema: { $ref: '#/schemas/Health' } }],
          },
        ],
      },
    ],
    schemas: {
      Token: {
        type: 'object',
        required: ['access_token', 'token_type'],
        properties: { access_token: { type: 'string' }, token_type: { type: 'string' }, expires_in: { type: 'integer' } },
      },
      Camera: {
        type: 'object',
        required: ['serial', 'mode'],
        properties: {
          serial: { type: 'string' },
          mode: { type: 'string', enum: ['day', 'night', 'auto'] },
          uuid: { type: 'string', format: 'uuid' },
          contact: { type: 'string', format: 'email' },
          zoom: { type: 'number', minimum: 1, maximum: 4 },
        },
      },
      CameraList: { type: 'object', properties: { cameras: { type: 'array', items: { $ref: '#/schemas/Camera' } }, count: { type: 'integer' } } },
      Site: {
        type: 'object',
        required: ['id', 'name', 'kind'],
        properties: {
          id: { type: 'integer', minimum: 1 },
          name: { type: 'string', minLength: 3, maxLength: 40 },
          kind: { type: 'string', enum: ['office', 'warehouse', 'store', 'other'] },
          isOpen: { type: 'boolean' },
          openedAt: { type: 'string', format: 'date-time' },
          address: {
            type: 'object',
            required: ['city'],
            properties: { city: { type: 'string' }, region: { type: 'string' }, postcode: { type: 'string', pattern: '^[0-9]{5}$' } },
          },
          tags: { type: 'array', minItems: 1, items: { type: 'string' } },
          floors: { type: 'array', items: { type: 'object', properties: { level: { type: 'integer', minimum: -3, maximum: 60 }, label: { type: 'string' } } } },
        },
      },
      SiteList: {
        type: 'object',
        required: ['sites', 'total'],
        properties: { sites: { type: 'array', items: { $ref: '#/schemas/Site' } }, total: { type: 'integer', minimum: 0 } },
      },
      Health: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' }, checkedAt: { type: 'string', format: 'date-time' } } },
    },
    contract: { responseTimeMs: 5000, cases: [] },
  };
}

export function fixtureYaml(edit: (spec: Fixture) => void = () => {}): string {
  const spec = fixture();
  edit(spec);
  return dump(spec, { lineWidth: -1, noRefs: true });
}

export function fixtureModel(edit?: (spec: Fixture) => void): ApiModel {
  return loadSpec(Buffer.from(fixtureYaml(edit)), 'fixture.yaml');
}
