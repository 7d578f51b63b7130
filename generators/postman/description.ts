// The Markdown a person reads in the Postman app: how auth is set up, and the limits.
import type { ApiModel, Auth, Endpoint, Resource } from '../../model/model.js';
import { either, filledNames, formFieldsNote } from '../shared/auth-prose.js';
import { rateLimitLine, rateLimitLines, responseLines, writeLines } from '../shared/markdown.js';
import { environmentFileName } from './environment.js';

export function collectionDescription(model: ApiModel): string {
  const files = model.environments.map((env) => `\`${environmentFileName(model, env)}\``);
  return [
    model.info.description.trim(),
    '',
    '## Set up',
    `1. Import an environment (${either(files)}) and select it.`,
    `2. Fill ${filledNames(model.auth)}, and type \`clientSecret\` into its **current value** only.`,
    ...fetchLines(model.auth),
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

/** Step 3: how the script fetches the token (worded for HTTP Basic or client_secret_post) and when it fetches anew. */
function fetchLines(auth: Auth): string[] {
  if (auth.clientAuthentication === 'basic' && auth.body === 'none') {
    return [
      '3. Send any request. The collection pre-request script fetches a token with HTTP Basic client',
      '   authentication, caches it in the `accessToken` collection variable with its expiry, and',
      `   fetches a new one shortly before it expires or when you switch ${['environment', ...auth.pathVariables].join(', ')} or`,
      '   client. "Get New Access Token" in the Authorization tab works too: every OAuth 2.0 field is set.',
    ];
  }
  const how = auth.clientAuthentication === 'basic' ? 'HTTP Basic client authentication' : 'the client id and secret in the form body (client_secret_post)';
  return [
    `3. Send any request. The collection pre-request script fetches a token with ${how}${formFieldsNote(auth)},`,
    '   caches it in the `accessToken` collection variable with its expiry, and fetches a new one shortly',
    `   before it expires or when you switch ${either(['environment', ...auth.pathVariables, 'client'])}. "Get New Access Token" in the Authorization`,
    '   tab works too: every OAuth 2.0 field is set.',
  ];
}

export function endpointDescription(resource: Resource, endpoint: Endpoint): string {
  const limit = resource.rateLimit ? [rateLimitLine(resource.rateLimit)] : [];
  const write = writeLines(endpoint).flatMap((line) => ['', line]);
  return [endpoint.description.trim(), ...write, '', ...limit, '', '**Responses**', ...responseLines(endpoint)].join('\n');
}
