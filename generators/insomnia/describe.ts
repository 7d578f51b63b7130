// The markdown shown on the workspace, folders and requests: auth, rate limits, responses.
import type { ApiModel, Endpoint, Resource } from '../../model/model.js';
import { filledVariables, VARIABLES } from '../../model/model.js';
import { credentialsPlacement, environmentChoice, formFieldsNote, tokenFieldNote } from '../shared/auth-prose.js';
import type { Capture } from '../../model/captures.js';
import { rateLimitLine, rateLimitLines, responseLines, writeLines } from '../shared/markdown.js';
import { pathParamVariable, tokenUrl } from './template.js';

/** Insomnia's client-credentials fetch keeps only `access_token` of the answer (network/o-auth-2/get-token.ts). */
const INSOMNIA_TOKEN_FIELDS = ['access_token'] as const;

/** Captured variables, from shared/captures.ts `capturedVariables` (computed once per collection). */
export type Captures = ReadonlyMap<string, Capture<Endpoint>>;

export function workspaceDescription(model: ApiModel): string {
  const docs = model.info.docs ? `\n\nReference: ${model.info.docs}` : '';
  return `${model.info.description.trim()}${docs}\n\n${environmentHelp(model)}`;
}

function environmentHelp(model: ApiModel): string {
  const filled = filledVariables(model.auth).map((name) => `\`${name}\``);
  return [
    `**Environments.** Pick ${environmentChoice(model)}, then type your ${filled.join(', ')}`,
    `and \`${VARIABLES.clientSecret}\` into it. The secret is empty in this file and must stay out of exports.`,
  ].join('\n');
}

export function rootFolderDescription(model: ApiModel): string {
  return [
    '## Authentication',
    '',
    `Every request in this folder inherits its OAuth 2.0 client-credentials settings: Insomnia posts to`,
    `\`${tokenUrl(model)}\` with \`${VARIABLES.clientId}\` and \`${VARIABLES.clientSecret}\` ${credentialsPlacement(model.auth)}`,
    `(${model.auth.clientAuthentication === 'basic' ? '"As Basic Auth Header"' : '"In Request Body"'})${formFieldsNote(model.auth)}, caches the token and sends it as \`Authorization: ${model.auth.tokenPrefix} <token>\`.`,
    ...tokenFieldNote(model.auth, 'Insomnia', INSOMNIA_TOKEN_FIELDS),
    '',
    model.auth.description.trim(),
    '',
    '## Rate limits',
    '',
    ...rateLimitLines(model),
    '- Too many requests answer `429`.',
  ].join('\n');
}

export function tokenRequestDescription(model: ApiModel): string {
  return ['The raw token call, for reference: the folder settings fetch tokens by themselves.', '', model.auth.description.trim()].join('\n');
}

export function resourceFolderDescription(resource: Resource): string {
  const limit = resource.rateLimit ? `\n\n${rateLimitLine(resource.rateLimit)}` : '';
  return `${resource.description.trim()}${limit}`;
}

export function requestDescription(model: ApiModel, captures: Captures, resource: Resource, endpoint: Endpoint): string {
  const root = model.info.name;
  return [
    endpoint.description.trim(),
    ...writeLines(endpoint),
    ...pathParamLines(captures, endpoint),
    `**Authentication:** inherited from the *${root}* folder (OAuth 2.0 client credentials).`,
    ...(resource.rateLimit ? [rateLimitLine(resource.rateLimit)] : []),
    ['**Responses:**', ...responseLines(endpoint)].join('\n'),
  ].join('\n\n');
}

function pathParamLines(captures: Captures, endpoint: Endpoint): string[] {
  return endpoint.pathParams.map((p) => {
    const name = pathParamVariable(p);
    return `**Path parameter \`${p.name}\`:** ${p.description.trim()} Insomnia reads it from the environment variable \`${name}\`, empty until you set it${captureHint(captures, name)}.`;
  });
}

/** Where a variable's value comes from, when an endpoint captures it (`capture: {deviceId: devices[0].id}`). */
function captureHint(captures: Captures, name: string): string {
  const capture = captures.get(name);
  return capture ? ` (copy \`${capture.path}\` from a *${capture.endpoint.name}* answer)` : '';
}
