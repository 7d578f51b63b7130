// The OAuth 2.0 client credentials scheme, plus the facts OpenAPI has no field for as `x-` extensions.
import { defaultEnvironment, type ApiModel, type RateLimit } from '../../model/model.js';
import { templateNames } from '../../model/urls.js';

export const OAUTH2 = 'oauth2';
export const TOKEN_BASIC = 'clientBasic';

export function rateLimitExtension(limit: RateLimit): Record<string, unknown> {
  return { requests: limit.requests, perSeconds: limit.perSeconds, per: [...limit.per] };
}

/**
 * `tokenUrl` is the default (production) environment's URL with the `{organization}` placeholder left in, written the way
 * server variables are: no single URL is right for every tenant, and percent-encoding the braces
 * would hide the placeholder without making the URL any more usable.
 */
export function tokenUrl(model: ApiModel): string {
  return `${defaultEnvironment(model).baseUrl}${model.auth.path}`;
}

function tokenUrlVariables(model: ApiModel): Record<string, { description: string }> {
  return Object.fromEntries(templateNames(model.auth.path).map((name) => [name, { description: `Your ${name} (tenant), a path segment of the token URL.` }]));
}

export function oauth2Scheme(model: ApiModel): Record<string, unknown> {
  const { auth } = model;
  return {
    type: 'oauth2',
    description: [
      auth.description.trim(),
      '',
      `\`tokenUrl\` is a template: replace \`{organization}\` with your organization. On another server the token`,
      `endpoint is \`${auth.path}\` below that server's URL (\`x-token-path\`).`,
    ].join('\n'),
    flows: { clientCredentials: { tokenUrl: tokenUrl(model), scopes: {} } },
    'x-client-authentication': auth.clientAuthentication === 'basic' ? 'client_secret_basic' : 'client_secret_post',
    'x-token-path': auth.path,
    'x-token-url-variables': tokenUrlVariables(model),
    'x-token-lifetime-seconds': auth.lifetimeSeconds,
    'x-refresh-token': auth.refreshToken,
    'x-rate-limit': rateLimitExtension(auth.rateLimit),
  };
}

export function securitySchemes(model: ApiModel): Record<string, unknown> {
  return {
    [OAUTH2]: oauth2Scheme(model),
    [TOKEN_BASIC]: {
      type: 'http',
      scheme: 'basic',
      description: 'The client id and secret as HTTP Basic, only for the token endpoint.',
    },
  };
}
