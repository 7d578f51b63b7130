// Markdown pieces every generator's descriptions share, so each fact is worded once.
import { isReadOnly, JSON_CONTENT_TYPE, type ApiModel, type Auth, type Endpoint, type RateLimit } from '../../model/model.js';
import { rateLimitText } from '../../model/rate-limits.js';

/** `**Rate limit:** 1 request per second per IP and per user.` */
export function rateLimitLine(limit: RateLimit): string {
  return `**Rate limit:** ${rateLimitText(limit)}.`;
}

/** The token endpoint's description, then its rate limit when one is documented. */
export function tokenEndpointText(auth: Pick<Auth, 'description' | 'rateLimit'>): string {
  return [auth.description.trim(), ...(auth.rateLimit ? [rateLimitLine(auth.rateLimit)] : [])].join('\n\n');
}

/** One bullet for the token endpoint, then one for each rate-limited resource. */
export function rateLimitLines(model: ApiModel): string[] {
  return [
    `- Token endpoint: ${model.auth.rateLimit ? rateLimitText(model.auth.rateLimit) : 'no rate limit documented'}.`,
    ...model.resources.flatMap((r) => (r.rateLimit ? [`- ${r.name}: ${rateLimitText(r.rateLimit)}, each endpoint separately.`] : [])),
  ];
}

/** What a documented request sends in its body, and that a contract run does not send a write: none for a plain read. */
export function writeLines(endpoint: Endpoint): string[] {
  const body = endpoint.requestBody;
  return [
    ...(body
      ? [
          `**Request body** (\`${JSON_CONTENT_TYPE}\`, ${body.required ? 'required' : 'optional'}): matches \`${body.schema}\`.${body.description.trim() ? ` ${body.description.trim()}` : ''}`,
        ]
      : []),
    ...(isReadOnly(endpoint) ? [] : ['A contract run does not send this request (it may change data): only the contract cases that name this endpoint do.']),
  ];
}

/** One bullet per documented response: ``- `200`: The devices.`` */
export function responseLines(endpoint: Endpoint): string[] {
  return endpoint.responses.map((r) => `- \`${r.status}\`: ${r.description.trim()}`);
}
