// What the format schema cannot say about `auth`: the token path's variables are names every
// output can declare, client_secret_post has a body to travel in, headers are ones HTTP can carry
// (a line break would end the header, and the line in a .bru file), a lifetime range is one, the
// token answer's schema does not require access_token when the token is documented elsewhere, and
// the environments' public values name variables that exist.
import { VARIABLES } from '../model/model.js';
import { DEFAULT_TOKEN_FIELD } from '../model/token-answer.js';
import { contentTypeHeader, FORM_CONTENT_TYPE } from '../model/token-form.js';
import { templateNames } from '../model/urls.js';
import { pathVariableOf, specVariables } from './build-model.js';
import { CREDENTIAL_VARIABLES } from './check-request-values.js';
import type { NodePath, Report } from './diagnostics.js';
import type { RawSpec } from './raw.js';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
/** RFC 9110 section 5.6.2: a field name is a token. */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** RFC 9110 section 5.5: no CR, LF or NUL in a field value. */
const FIELD_VALUE_FORBIDDEN = /[\r\n\0]/;

export function checkAuth(spec: RawSpec, report: Report): void {
  checkPathVariables(spec, report);
  const { auth } = spec;
  const body = auth.body ?? 'none';
  if (auth.clientAuthentication === 'post' && body !== 'form') {
    report('invalid-value', ['auth', 'clientAuthentication'], 'client_secret_post sends client_id and client_secret in the form body: set `body: form`');
  }
  for (const key of ['scope', 'audience'] as const) {
    if (auth[key] !== undefined && body !== 'form') report('invalid-value', ['auth', key], `\`${key}\` travels in the form body: set \`body: form\``, 'key');
  }
  checkHeaders(auth.headers ?? {}, report);
  checkLifetime(auth.lifetimeSeconds, report);
  checkTokenField(spec, report);
  const contentType = contentTypeHeader(auth.headers ?? {});
  if (body === 'form' && contentType && contentType[1].split(';')[0]!.trim().toLowerCase() !== FORM_CONTENT_TYPE) {
    report('invalid-value', ['auth', 'headers', contentType[0]], `a form body is sent as ${FORM_CONTENT_TYPE}: drop this header or set it to that`);
  }
  checkEnvironmentValues(spec, report);
}

/** A range names at least one end, and its ends in order. */
function checkLifetime(lifetime: RawSpec['auth']['lifetimeSeconds'], report: Report): void {
  if (typeof lifetime !== 'object') return;
  const path: NodePath = ['auth', 'lifetimeSeconds'];
  if (lifetime.min === undefined && lifetime.max === undefined)
    report(
      'invalid-value',
      path,
      `an empty range says nothing: write \`{ min: 3000, max: 3600 }\` (either end may be left out), a fixed \`3600\`, or leave \`lifetimeSeconds\` out when the docs do not say`,
    );
  else if (lifetime.min !== undefined && lifetime.max !== undefined && lifetime.min > lifetime.max)
    report('invalid-value', [...path, 'max'], `\`max\` (${lifetime.max}) is below \`min\` (${lifetime.min}): the longest documented lifetime comes second`);
}

/** A token documented in another field than access_token: the answer's schema must not require access_token. */
function checkTokenField(spec: RawSpec, report: Report): void {
  const field = spec.auth.token?.field ?? DEFAULT_TOKEN_FIELD;
  const name = spec.auth.response.schema.$ref.replace(/^#\/schemas\//, '');
  const required = spec.schemas[name]?.['required'];
  if (field === DEFAULT_TOKEN_FIELD || !Array.isArray(required) || !required.includes(DEFAULT_TOKEN_FIELD)) return;
  report(
    'invalid-value',
    ['auth', 'token', 'field'],
    `the token is documented in \`${field}\`, but schema \`${name}\` requires \`${DEFAULT_TOKEN_FIELD}\`: require \`${field}\` there instead`,
  );
}

function checkHeaders(headers: Record<string, string>, report: Report, at: NodePath = ['auth', 'headers']): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!FIELD_NAME.test(name))
      report(
        'invalid-value',
        [...at, name],
        `header name \`${JSON.stringify(name).slice(1, -1)}\` is not an HTTP field name (letters, digits and !#$%&'*+.^_\`|~-)`,
        'key',
      );
    else if (FIELD_VALUE_FORBIDDEN.test(value)) report('invalid-value', [...at, name], 'a header value may not hold a line break or NUL (HTTP forbids them)');
  }
}

/** A data request's headers: checked as the token request's, and never `Authorization`, which carries the token. */
export function checkRequestHeaders(spec: RawSpec, report: Report): void {
  spec.resources.forEach((r, i) => {
    const places: [NodePath, Record<string, string> | undefined][] = [
      [['resources', i, 'headers'], r.headers],
      ...r.endpoints.map((e, j): [NodePath, Record<string, string> | undefined] => [['resources', i, 'endpoints', j, 'headers'], e.headers]),
    ];
    for (const [at, headers] of places) {
      checkHeaders(headers ?? {}, report, at);
      for (const name of Object.keys(headers ?? {}))
        if (name.toLowerCase() === 'authorization')
          report('invalid-value', [...at, name], '`Authorization` carries the access token on data requests; the description may not set it', 'key');
    }
  });
}

/** Names every output can declare, none of them one the outputs already use: in the token path, the hosts, the audience and the scope. */
function checkPathVariables(spec: RawSpec, report: Report): void {
  const taken = new Set<string>([
    VARIABLES.baseUrl,
    VARIABLES.tokenBaseUrl,
    ...CREDENTIAL_VARIABLES.filter((name) => name !== VARIABLES.clientId),
    ...spec.resources.map((r) => pathVariableOf(r.id)),
  ]);
  for (const [path, template] of variablePlaces(spec)) {
    for (const name of templateNames(template)) {
      if (!IDENTIFIER.test(name)) report('invalid-value', path, `variable \`{${name}}\` must be a name of letters and digits, starting with a letter`);
      else if (taken.has(name)) report('invalid-value', path, `variable \`{${name}}\` is a name the outputs already use for something else`);
    }
  }
}

/** Where a description may write `{variable}`: the token path, every environment's hosts, the audience and the scope. */
function variablePlaces(spec: RawSpec): [NodePath, string][] {
  const hosts = spec.environments.flatMap((e, i): [NodePath, string | undefined][] => [
    [['environments', i, 'baseUrl'], e.baseUrl],
    [['environments', i, 'tokenBaseUrl'], e.tokenBaseUrl],
  ]);
  const places: [NodePath, string | undefined][] = [
    [['auth', 'path'], spec.auth.path],
    ...hosts,
    [['auth', 'audience'], spec.auth.audience],
    [['auth', 'scope'], spec.auth.scope],
    ...spec.resources.flatMap((r, i) => [
      ...Object.entries(r.headers ?? {}).map(([name, value]): [NodePath, string] => [['resources', i, 'headers', name], value]),
      ...r.endpoints.flatMap((e, j) =>
        Object.entries(e.headers ?? {}).map(([name, value]): [NodePath, string] => [['resources', i, 'endpoints', j, 'headers', name], value]),
      ),
    ]),
  ];
  // `{{name}}` is a client's own template, judged by check-request-values.ts
  return places.filter((p): p is [NodePath, string] => p[1] !== undefined && (p[0][1] === 'path' || !p[1].includes('{{')));
}

function checkEnvironmentValues(spec: RawSpec, report: Report): void {
  const known = [...specVariables(spec), VARIABLES.clientId];
  spec.environments.forEach((env, i) => {
    for (const name of Object.keys(env.values ?? {})) {
      const path: NodePath = ['environments', i, 'values', name];
      if (!known.includes(name))
        report(
          'unknown-key',
          path,
          `\`${name}\` is neither clientId nor a variable of the token path, a host, the audience or the scope; known: ${known.join(', ')}`,
          'key',
        );
    }
  });
}
