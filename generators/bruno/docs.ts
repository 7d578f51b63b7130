// The Markdown shown in Bruno's Docs tabs: collection (auth, rate limits), folder, request.
import { defaultEnvironment, VARIABLES, type ApiModel, type Auth, type Endpoint, type Parameter, type Resource } from '../../model/model.js';
import { rateLimitLine, rateLimitLines, responseLines, writeLines } from '../shared/markdown.js';
import { parameterDescription } from '../shared/parameters.js';
import { mustache, tokenUrl } from '../../model/urls.js';
import { brunoEnvironmentName } from '../../model/bruno-names.js';
import { filledNames, formFieldsNote, lifetimeProse, tokenFieldNote } from '../shared/auth-prose.js';

/** Bruno's own words for client_secret_basic and client_secret_post. */
export function credentialsPlacement(auth: Auth): 'basic_auth_header' | 'body' {
  return auth.clientAuthentication === 'basic' ? 'basic_auth_header' : 'body';
}

/** The answer fields Bruno's `token_source` can name (formats.md D1). */
export const BRUNO_TOKEN_SOURCES = ['access_token', 'id_token'] as const;

/** Where Bruno reads the token: the documented field when Bruno can name it, else `access_token` (the docs say what fails). */
export function tokenSource(auth: Auth): string {
  return (BRUNO_TOKEN_SOURCES as readonly string[]).includes(auth.token.field) ? auth.token.field : 'access_token';
}

export function collectionDocs(model: ApiModel): string {
  const { auth } = model;
  return [
    `# ${model.info.name} (${model.info.version})`,
    '',
    model.info.description.trim(),
    '',
    `Docs: ${model.info.docs}`,
    '',
    '## Authentication',
    '',
    `OAuth 2.0 client credentials, set on the collection (Auth tab) and inherited by every folder and request.`,
    `Bruno fetches the token from \`${tokenUrl(model, mustache)}\` with`,
    `\`${mustache(VARIABLES.clientId)}\` and \`${mustache(VARIABLES.clientSecret)}\` ${auth.clientAuthentication === 'basic' ? 'in an HTTP Basic header' : 'in the form body'}`,
    `(\`credentials_placement: ${credentialsPlacement(auth)}\`)${formFieldsNote(auth)}, caches it and sends it as \`Authorization: ${auth.tokenPrefix} <token>\`.`,
    `The token lives ${lifetimeProse(auth)}; ${auth.refreshToken ? 'a refresh token is issued' : 'no refresh token is issued, so Bruno fetches a new one when it expires'}.`,
    ...tokenFieldNote(auth, 'Bruno', BRUNO_TOKEN_SOURCES),
    '',
    auth.description.trim(),
    '',
    '## Credentials',
    '',
    `Pick an environment and fill in ${filledNames(auth)}.`,
    `\`${VARIABLES.clientSecret}\` is a secret variable: type its value in the environment editor (Bruno keeps it`,
    `out of the files) or pass it to the CLI: \`bru run --env ${brunoEnvironmentName(defaultEnvironment(model).id)} --env-var ${VARIABLES.clientSecret}=...\`.`,
    '',
    '## Rate limits',
    '',
    ...rateLimitLines(model),
    '',
    'A `429` answer means the limit was hit: wait (honour `Retry-After` when present) and retry.',
    'When running the whole collection, add a delay between requests (`bru run --delay 1100`).',
  ].join('\n');
}

export function folderDocs(resource: Resource): string {
  const limit = resource.rateLimit ? ['', rateLimitLine(resource.rateLimit)] : [];
  return [
    resource.description.trim(),
    '',
    `Base path: \`/${mustache(resource.pathVariable)}\` (each environment sets it; production \`${resource.basePath}\`).`,
    ...limit,
  ].join('\n');
}

/** A table row; the description (allowed values, range, default) is worded as in every output. */
function parameterRow(param: Parameter): string {
  return `| \`${param.name}\` | ${param.type} | ${param.required ? 'yes' : 'no'} | ${parameterDescription(param).replace(/\|/g, '\\|')} |`;
}

function parameterTable(title: string, params: readonly Parameter[]): string[] {
  if (params.length === 0) return [];
  return ['', `## ${title}`, '', '| Name | Type | Required | Description |', '| --- | --- | --- | --- |', ...params.map(parameterRow)];
}

export function requestDocs(endpoint: Endpoint): string {
  const requires =
    endpoint.requires.length > 0
      ? ['', `Needs ${endpoint.requires.map((name) => `\`${mustache(name)}\``).join(', ')}; the run skips this request when it is not set.`]
      : [];
  return [
    endpoint.description.trim(),
    ...writeLines(endpoint).flatMap((line) => ['', line]),
    ...requires,
    ...parameterTable('Path parameters', endpoint.pathParams),
    ...parameterTable('Query parameters', endpoint.query),
    ...(endpoint.query.some((p) => !p.required) ? ['', 'Optional query parameters are listed disabled: enable the ones you need.'] : []),
    '',
    '## Responses',
    '',
    ...responseLines(endpoint),
  ].join('\n');
}
