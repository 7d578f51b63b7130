// The Markdown shown in Bruno's Docs tabs: collection (auth, rate limits), folder, request.
import { VARIABLES, type ApiModel, type Endpoint, type Parameter, type Resource } from '../model.js';
import { rateLimitText } from '../shared/rate-limits.js';


export function collectionDocs(model: ApiModel): string {
  const { auth } = model;
  const limits = model.resources
    .filter((resource) => resource.rateLimit)
    .map((resource) => `- ${resource.name}: ${rateLimitText(resource.rateLimit!)}.`);
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
    `Bruno fetches the token from \`{{${VARIABLES.baseUrl}}}${auth.path.replace(/\{(\w+)\}/g, '{{$1}}')}\` with`,
    `\`{{${VARIABLES.clientId}}}\` and \`{{${VARIABLES.clientSecret}}}\` in an HTTP Basic header`,
    '(`credentials_placement: basic_auth_header`), caches it and sends it as `Authorization: Bearer <token>`.',
    `The token lives ${auth.lifetimeSeconds} seconds; ${auth.refreshToken ? 'a refresh token is issued' : 'no refresh token is issued, so Bruno fetches a new one when it expires'}.`,
    '',
    auth.description.trim(),
    '',
    '## Credentials',
    '',
    `Pick an environment and fill in \`${VARIABLES.organization}\` and \`${VARIABLES.clientId}\`.`,
    `\`${VARIABLES.clientSecret}\` is a secret variable: type its value in the environment editor (Bruno keeps it`,
    `out of the files) or pass it to the CLI: \`bru run --env production --env-var ${VARIABLES.clientSecret}=...\`.`,
    '',
    '## Rate limits',
    '',
    `- Token endpoint: ${rateLimitText(auth.rateLimit)}.`,
    ...limits,
    '',
    'A `429` answer means the limit was hit: wait (honour `Retry-After` when present) and retry.',
    'When running the whole collection, add a delay between requests (`bru run --delay 1100`).',
  ].join('\n');
}

export function folderDocs(resource: Resource): string {
  const limit = resource.rateLimit ? ['', `**Rate limit:** ${rateLimitText(resource.rateLimit)}.`] : [];
  return [
    resource.description.trim(),
    '',
    `Base path: \`/{{${resource.pathVariable}}}\` (each environment sets it; production \`${resource.basePath}\`).`,
    ...limit,
  ].join('\n');
}

function parameterRow(param: Parameter): string {
  const values = param.type === 'flag' ? '`1` yes, `0` no' : param.enum ? param.enum.map((v) => `\`${v}\``).join(', ') : param.type;
  const bounds = [
    param.minimum !== undefined ? `min ${param.minimum}` : undefined,
    param.maximum !== undefined ? `max ${param.maximum}` : undefined,
    param.default !== undefined ? `default ${param.default}` : undefined,
  ].filter(Boolean);
  const detail = bounds.length > 0 ? ` (${bounds.join(', ')})` : '';
  return `| \`${param.name}\` | ${param.required ? 'yes' : 'no'} | ${values}${detail} | ${param.description.replace(/\|/g, '\\|')} |`;
}

function parameterTable(title: string, params: readonly Parameter[]): string[] {
  if (params.length === 0) return [];
  return ['', `## ${title}`, '', '| Name | Required | Values | Description |', '| --- | --- | --- | --- |', ...params.map(parameterRow)];
}

export function requestDocs(endpoint: Endpoint): string {
  const responses = endpoint.responses.map((r) => `- \`${r.status}\`: ${r.description.trim()}`);
  const requires =
    endpoint.requires.length > 0
      ? ['', `Needs ${endpoint.requires.map((name) => `\`{{${name}}}\``).join(', ')}; the run skips this request when it is not set.`]
      : [];
  return [
    endpoint.description.trim(),
    ...requires,
    ...parameterTable('Path parameters', endpoint.pathParams),
    ...parameterTable('Query parameters', endpoint.query),
    ...(endpoint.query.some((p) => !p.required) ? ['', 'Optional query parameters are listed disabled: enable the ones you need.'] : []),
    '',
    '## Responses',
    '',
    ...responses,
  ].join('\n');
}
