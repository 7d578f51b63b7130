// The Markdown a person reads in the Postman app: how auth is set up, and the limits.
import type { ApiModel, Endpoint, Resource } from '../model.js';
import { rateLimitText } from '../shared/rate-limits.js';


export function collectionDescription(model: ApiModel): string {
  const limits = model.resources
    .filter((r) => r.rateLimit)
    .map((r) => `- ${r.name}: ${rateLimitText(r.rateLimit!)}, each endpoint separately.`);
  return [
    model.info.description.trim(),
    '',
    '## Set up',
    '1. Import an environment (`securithings-production`, `-staging` or `-local`) and select it.',
    '2. Fill `organization` and `clientId`, and type `clientSecret` into its **current value** only.',
    '3. Send any request. The collection pre-request script fetches a token with HTTP Basic client',
    '   authentication, caches it in the `accessToken` collection variable with its expiry, and',
    '   fetches a new one shortly before it expires or when you switch environment, organization or',
    '   client. "Get New Access Token" in the Authorization tab works too: every OAuth 2.0 field is set.',
    '',
    '## Rate limits',
    `- Token endpoint: ${rateLimitText(model.auth.rateLimit)}. Reuse the cached token.`,
    ...limits,
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
  const limit = resource.rateLimit ? [`**Rate limit:** ${rateLimitText(resource.rateLimit)}.`] : [];
  const responses = endpoint.responses.map((r) => `- \`${r.status}\`: ${r.description}`);
  return [endpoint.description.trim(), '', ...limit, '', '**Responses**', ...responses].join('\n');
}
