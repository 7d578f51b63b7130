// The JSON a request sends, written once for every client: serialised data, never spliced text.
import { JSON_CONTENT_TYPE, documentedBody, type Endpoint } from '../../model/model.js';

/** The body as the clients carry it: JSON, two-space indented. */
export function bodyText(body: unknown): string {
  return JSON.stringify(body, null, 2);
}

/** The body a documented request sends: the endpoint's example (else `{}`), or undefined when it takes none. */
export function documentedBodyText(endpoint: Endpoint): string | undefined {
  return endpoint.requestBody ? bodyText(documentedBody(endpoint.requestBody)) : undefined;
}

/** The `Content-Type` header a request with a body sends. */
export const CONTENT_TYPE_JSON: [name: string, value: string] = ['Content-Type', JSON_CONTENT_TYPE];
