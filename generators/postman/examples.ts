// Saved example responses, as the Postman app stores them (with the request they answer).
import type { Endpoint, Resource } from '../../model/model.js';
import { stableUuid } from '../../model/ids.js';
import { endpointRequest } from './requests.js';

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 429: 'Too Many Requests' };

export function examplesOf(resource: Resource, endpoint: Endpoint): unknown[] {
  return endpoint.examples.map((example) => ({
    id: stableUuid('example', endpoint.id, example.name),
    name: example.name,
    originalRequest: endpointRequest(resource, endpoint, { query: example.query, pathParams: example.pathParams }),
    status: STATUS_TEXT[example.status] ?? String(example.status),
    code: example.status,
    _postman_previewlanguage: 'json',
    header: [{ key: 'Content-Type', value: 'application/json' }],
    cookie: [],
    body: JSON.stringify(example.body, null, 2),
  }));
}
