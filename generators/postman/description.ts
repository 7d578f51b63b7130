// The Markdown a person reads in the Postman app: how auth is set up, and the limits.
import type { ApiModel, Endpoint, Resource } from '../../model/model.js';
import { rateLimitLine, rateLimitLines, responseLines } from '../shared/markdown.js';
import { environmentFileName } from './environment.js';

/** `a`, `a or b`, `a, b or c`. */
function either(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '');
}

export function collectionDescription(model: ApiModel): string {
  const files = model.environments.map((env) => `\`${environmentFileName(model, env)}\``);
  return [
    model.info.description.trim(),
    '',
    '## Set up',
    `1. Import an environment (${either(files)}) and select it.`,
    '2. Fill `organization` and `clientId`, and type `clientSecret` into its **current value** only.',
    '3. Send any request. The collection pre-request script fetches a token with HTTP Basic client',
    '   authentication, caches it in the `accessToken` collection variable with its expiry, and',
    '   fetches a new one shortly before it expires or when you switch environment, organization or',
    '   client. "Get New Access Token" in the Authorization tab works too: every OAuth 2.0 field is set.',
    '',
    '## Rate limits',
    ...rateLimitLines(model),
    '- Over a limit the API answers `429 Too Many Requests`. The collection waits for `Retry-After`',
    '  when given and retries once.',
    '',
    '## Contract checks',
    'The "Contract checks" folder holds the negative and edge cases the contract suite runs',
    '(`npm run contract`). You do not need it for everyday use.',
    ...(model.info.docs ? ['', `Documentation: ${model.info.docs}`] : []),
  ].join('\n');
}

export function endpointDescription(resource: Resource, endpoint: Endpoint): string {
  const limit = resource.rateLimit ? [rateLimitLine(resource.rateLimit)] : [];
  return [endpoint.description.trim(), '', ...limit, '', '**Responses**', ...responseLines(endpoint)].join('\n');
}
