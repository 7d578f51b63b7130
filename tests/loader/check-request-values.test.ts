// Values that reach a request or a script may reference description variables (`{{deviceId}}`),
// never a credential, an internal collection variable, the process environment or a template tag.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSpec, SpecError, formatDiagnostic } from '../../loader/index.js';
import { CREDENTIAL_VARIABLES } from '../../loader/check-request-values.js';
import { VARIABLES } from '../../model/model.js';
import { capturedVariables } from '../../model/captures.js';
import { fixtureJson } from '../support/collections.js';
import { FIXTURE_SPEC, fixtureModel } from '../support/model.js';

const FIXTURE = readFileSync(FIXTURE_SPEC, 'utf8');
/** The line of the first base URL, whatever comments the fixture file starts with. */
const BASE_URL_LINE = FIXTURE.split('\n').findIndex((line) => line.includes('baseUrl: https://api.securithings.com')) + 1;

/** The fixture description with `from` replaced by `to` (once; the text must be there). */
function edited(from: string, to: string): string {
  expect(FIXTURE).toContain(from);
  return FIXTURE.replace(from, to);
}

/** The one diagnostic loading `text` gives, formatted, or `loaded`. */
function outcome(text: string): string {
  try {
    loadSpec(new TextEncoder().encode(text), 'spec.yaml');
    return 'loaded';
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    expect(error.diagnostics).toHaveLength(1);
    return formatDiagnostic(error.diagnostics[0]!);
  }
}

describe('values that reach a request', () => {
  it.each([
    [
      'a base URL',
      'baseUrl: https://api.securithings.com\n',
      'baseUrl: https://{{clientSecret}}.example.com\n',
      new RegExp(`^spec\\.yaml:${BASE_URL_LINE}:\\d+: environments\\[0\\]\\.baseUrl: .*\\[credential-variable\\]$`),
    ],
    [
      'a resource base path',
      'basePath: /v1/devices',
      'basePath: /v1/{{accessToken}}',
      /resources\[0\]\.basePath: `\{\{accessToken\}\}` names a credential.*\[credential-variable\]$/,
    ],
    [
      'an enum value',
      'enum: [online, offline, partial, unknown]\n            description: Connection',
      'enum: [online, offline, partial, "{{clientId}}"]\n            description: Connection',
      /query\[2\]\.enum\[3\]: .*\[credential-variable\]$/,
    ],
    [
      'everyItem.equals',
      'equals: offline',
      'equals: "{{ _.accessTokenKey }}"',
      /everyItem\.equals: `\{\{ _\.accessTokenKey \}\}` names a credential.*\[credential-variable\]$/,
    ],
    ['an environment value', 'organization: demo', 'organization: "{{tamperedToken}}"', /environments\[2\]\.values\.organization: .*\[credential-variable\]$/],
    [
      'a Nunjucks expression',
      'equals: offline',
      'equals: "{{ clientId + 1 }}"',
      /`\{\{ clientId \+ 1 \}\}` is an expression, not a variable reference.*\[template-tag\]$/,
    ],
    [
      'a Nunjucks comment',
      'pathParams: { id: st-contract-no-such-device }',
      'pathParams: { id: "a{# x #}" }',
      /contract\.cases\[6\]\.pathParams\.id: `\{#` starts a template tag.*\[template-tag\]$/,
    ],
    [
      'a template tag in an auth header',
      'Content-Type: application/json',
      "Content-Type: \"{% base64 'encode', 'x' %}\"",
      /auth\.headers\["Content-Type"\]: `\{%` starts a template tag.*\[template-tag\]$/,
    ],
  ])('refuses a credential or a template in %s, where it is', (_, from, to, expected) => {
    expect(outcome(edited(from, to))).toMatch(expected);
  });

  it.each(['baseUrl', 'clientSecret', 'accessToken', 'devicesPath'])('refuses a capture into %s, which an answer would then set', (name) => {
    expect(outcome(edited('deviceId: devices[0].id', `${name}: devices[0].id`).replace('requires: [deviceId]', 'requires: []'))).toMatch(
      new RegExp(
        `^spec\\.yaml:\\d+:11: resources\\[0\\]\\.endpoints\\[0\\]\\.capture\\.${name}: \`${name}\` is a variable the collection sets.*\\[reserved-variable\\]$`,
      ),
    );
  });

  it.each([
    ['a captured variable as a path parameter example (the fixture description)', 'example: "{{deviceId}}"', 'example: "{{deviceId}}"'],
    ["Insomnia's form of a reference", 'example: "{{deviceId}}"', 'example: "{{ _.deviceId }}"'],
    ['a credential in an auth header: the auth block is where credentials belong', 'Content-Type: application/json', 'X-Client: "{{clientId}}"'],
    ['quotes, braces and a dollar that are no template', 'equals: offline', 'equals: "it\'s {offline} ${x} {{"'],
  ])('accepts %s', (_, from, to) => {
    expect(outcome(edited(from, to))).toBe('loaded');
  });

  it('refuses every credential and every variable the generated collection keeps', () => {
    const collection = fixtureJson('securithings.postman_collection.json');
    const scripts = JSON.stringify(collection);
    const set = [...scripts.matchAll(/\.(?:collectionVariables|variables)\.set\(\\"(\w+)\\"/g)].map((m) => m[1]!);
    const declared = (collection.variable as { key: string }[]).map((v) => v.key);
    const model = fixtureModel();
    // the description's own variables, which requests may reference
    const described = new Set([
      ...capturedVariables(model).keys(),
      VARIABLES.baseUrl,
      ...model.auth.pathVariables,
      ...model.resources.map((r) => r.pathVariable),
    ]);
    const kept = [...set, ...declared].filter((name) => !described.has(name));
    expect(kept.length).toBeGreaterThan(5);
    expect(CREDENTIAL_VARIABLES).toEqual(expect.arrayContaining([VARIABLES.clientId, VARIABLES.clientSecret, VARIABLES.accessToken, ...kept]));
  });
});
