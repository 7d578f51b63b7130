// The bad-spec corpus: malformed descriptions, each with the one diagnostic it must give. Most are
// the valid base description (tests/fixtures/descriptions/corpus-base.yaml) with one edit
// (PATCHED, below); inputs that are no variation of it are files of their own under
// tests/fixtures/bad-specs/ (their expectations are in tests/loader/corpus.test.ts).
//
// A patched case's diagnostic must sit on the first `at` inside `within`, which defaults to the
// text the edit put in. Positions are found in the built document, not written down, so a change
// to the base moves no case. How to add a case: see tests/loader/corpus.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiagnosticCode } from '../../loader/diagnostics.js';
import { applyEdit, onlyOccurrence, positionOf, type Edit } from './text-edit.js';

export const BAD_SPECS_DIR = fileURLToPath(new URL('../fixtures/bad-specs/', import.meta.url));
export const CORPUS_BASE = fileURLToPath(new URL('../fixtures/descriptions/corpus-base.yaml', import.meta.url));

export interface PatchedCase {
  /** The name the document is loaded (and its diagnostic printed) under. */
  file: string;
  /** What is wrong, in words; the document's first line is `# Mistake: <mistake>`. */
  mistake: string;
  edit: Edit;
  /** Write the document as Latin-1 instead of UTF-8 (for bytes that are not UTF-8). */
  encoding?: 'latin1';
  code: DiagnosticCode;
  /** The text the diagnostic points at. */
  at: string;
  /** Unique text of the built document that holds `at`, when it is not in the text the edit put in. */
  within?: string;
  /** Part of the diagnostic's message. */
  message: string;
}

/** `deep:` and below it a chain of `depth` nested `x:` keys, under `total` of the base's DeviceList. */
function deepChain(depth: number): string {
  const links = Array.from({ length: depth }, (_, i) => `${' '.repeat(8 + 2 * i)}x:`);
  return ['      deep:', ...links, `${' '.repeat(8 + 2 * depth)}y: 1`].join('\n');
}

/** The `n`th (1-based) `x:` line of deepChain's chain, with its newline so that it is unique. */
const chainLink = (n: number) => `\n${' '.repeat(8 + 2 * (n - 1))}x:`;

// biome-ignore format: a table, aligned by hand
export const PATCHED: readonly PatchedCase[] = [
  { file: 'auth-post-without-form.yaml', mistake: 'client_secret_post without a form body for the credentials to travel in.',
    edit: { replace: 'path: /token/{organization}\n  clientAuthentication: basic', with: 'path: /oauth2/token\n  clientAuthentication: post' },
    code: 'invalid-value', at: 'post', message: 'client_secret_post sends client_id and client_secret in the form body: set `body: form`' },
  { file: 'bad-method.yaml', mistake: 'an HTTP method that does not exist.',
    edit: { after: 'id: getDevice', replace: 'method: GET', with: 'method: FETCH' },
    code: 'invalid-value', at: 'FETCH', message: 'must be one of GET, POST' },
  { file: 'case-neither-token-nor-endpoint.yaml', mistake: 'a case with neither token nor endpoint.',
    edit: { remove: 'token: { credentials: wrong-secret }' },
    code: 'invalid-case', at: 'id', within: '- id: tokenWrongSecret', message: 'a case needs `token`' },
  { file: 'case-query-not-in-enum.yaml', mistake: 'a case query value outside the parameter enum.',
    edit: { after: 'id: listLimitOne', replace: 'query: { limit: 1 }', with: 'query: { status: broken }' },
    code: 'invalid-value', at: 'broken', message: '`status` must be one of online, offline' },
  { file: 'case-query-out-of-range.yaml', mistake: 'a case query value above the parameter maximum.',
    edit: { after: 'id: listLimitOne', replace: 'query: { limit: 1 }', with: 'query: { limit: 5000 }' },
    code: 'invalid-value', at: '5000', message: '`limit` must be at most 1000' },
  { file: 'case-token-and-endpoint.yaml', mistake: 'a case with both token and endpoint.',
    edit: { after: 'token: { credentials: wrong-secret }', insert: '      endpoint: listDevices' },
    code: 'invalid-case', at: 'endpoint', message: 'not both' },
  { file: 'case-unknown-endpoint.yaml', mistake: 'a case naming an endpoint that does not exist.',
    edit: { after: 'id: getUnknownDevice', replace: 'endpoint: getDevice', with: 'endpoint: getDevise' },
    code: 'unknown-endpoint', at: 'getDevise', message: '`getDevise` (did you mean `getDevice`?)' },
  { file: 'case-unknown-query-parameter.yaml', mistake: 'a case query naming a parameter the endpoint does not have.',
    edit: { after: 'id: listLimitOne', replace: 'query: { limit: 1 }', with: 'query: { limt: 1 }' },
    code: 'unknown-parameter', at: 'limt', message: '`limt` (did you mean `limit`?)' },
  { file: 'case-page-not-a-list.yaml', mistake: 'a paging case on an endpoint that does not say how it lists.',
    edit: { after: 'id: listLimitOne', replace: 'expect: { status: 200, schema: true }', with: 'expect: { status: 200, schema: true, page: { limit: 1 } }' },
    code: 'invalid-case', at: 'page', message: '`page` walks the pages of a list endpoint, and `listDevices` has no `list`' },
  { file: 'credential-variable-case-path-param.yaml', mistake: 'a contract case sends the client secret as a path parameter (it would land in the URL).',
    edit: { replace: 'pathParams: { id: no-such-device }', with: 'pathParams: { id: "{{clientSecret}}" }' },
    code: 'credential-variable', at: '"{{clientSecret}}"', message: '`{{clientSecret}}` names a credential or a variable the collection keeps; only the auth block may use credentials' },
  { file: 'credential-variable-parameter-example.yaml', mistake: 'a parameter example names the cached access token.',
    edit: { replace: 'example: "{{deviceId}}"', with: 'example: "{{ accessToken }}"' },
    code: 'credential-variable', at: '"{{ accessToken }}"', message: '`{{ accessToken }}` names a credential' },
  { file: 'credential-variable-process-env.yaml', mistake: "an example's query value reads the process environment through Bruno's {{process.env.NAME}}.",
    edit: { after: 'name: A page of devices', replace: 'query: { limit: 1 }', with: 'query: { limit: "{{process.env.SECURITHINGS_CLIENT_SECRET}}" }' },
    code: 'credential-variable', at: '"{{process.env.', message: '`{{process.env.SECURITHINGS_CLIENT_SECRET}}` reads the environment of the process running the client' },
  // 70 levels below DeviceList's `total`; the 62nd `x:` is where the nesting passes 64 levels.
  { file: 'deep-nesting.yaml', mistake: 'nesting deeper than 64 levels.',
    edit: { after: 'total: { type: integer, minimum: 0 }', insert: deepChain(70) },
    code: 'too-deep', at: 'x:', within: chainLink(62), message: 'deeper than 64 levels' },
  { file: 'duplicate-case-id.yaml', mistake: 'two cases with the same id.',
    edit: { replace: '- id: getUnknownDevice', with: '- id: listLimitOne' },
    code: 'duplicate-id', at: 'listLimitOne', message: 'case id `listLimitOne` is already used (first at contract.cases[1])' },
  { file: 'duplicate-endpoint-id.yaml', mistake: 'two endpoints with the same id.',
    edit: { after: 'description: No such device.', insert: '      - { id: listDevices, name: Delete Device, method: DELETE, path: "/{id}", pathParams: [{ name: id, type: string }], responses: [{ status: 204, description: Deleted. }] }' },
    code: 'duplicate-id', at: 'listDevices', message: 'endpoint id `listDevices` is already used (first at resources[0].endpoints[0])' },
  { file: 'duplicate-environment-id.yaml', mistake: 'two environments with the same id.',
    edit: { replace: '- id: local', with: '- id: production' },
    code: 'duplicate-id', at: 'production', message: 'environment id `production` is already used' },
  { file: 'duplicate-query-parameter.yaml', mistake: 'two query parameters with the same name.',
    edit: { replace: '- { name: status,', with: '- { name: limit,' },
    code: 'duplicate-id', at: 'limit', message: 'query parameter name `limit` is already used' },
  { file: 'environment-value-unknown.yaml', mistake: 'a public environment value for a variable the token path does not have.',
    edit: { after: 'baseUrl: http://127.0.0.1:4010', insert: '    values: { tenant: demo }' },
    code: 'unknown-key', at: 'tenant', message: '`tenant` is neither clientId nor a variable of the token path, a host, the audience or the scope; known: organization, clientId' },
  { file: 'example-status-undocumented.yaml', mistake: 'an example for a status the endpoint does not document.',
    edit: { after: 'name: A page of devices', replace: 'status: 200', with: 'status: 201' },
    code: 'invalid-example', at: '201', message: 'the endpoint documents no 201 response; documented: 200' },
  { file: 'example-violates-schema.yaml', mistake: 'an example body that its schema rejects.',
    edit: { replace: 'total: 42', with: 'total: many' },
    code: 'invalid-example', at: 'many', message: 'example does not match its schema: /total must be integer' },
  { file: 'format-2.yaml', mistake: 'a format version this loader does not read.',
    edit: { replace: 'format: 1', with: 'format: 2' },
    code: 'invalid-value', at: '2', message: 'version 2 is not supported' },
  { file: 'list-bare-array-object-answer.yaml', mistake: 'a list without `items` whose answer is an object, not a bare array.',
    edit: { after: '- id: listDevices', insert: '        list: { limit: limit }' },
    code: 'invalid-value', at: 'list', message: 'a list without `items` answers a bare JSON array' },
  { file: 'list-first-page-without-page.yaml', mistake: '`firstPage` on a list that is not paged by page number.',
    edit: { after: '- id: listDevices', insert: '        list: { items: devices, total: total, limit: limit, firstPage: 0 }' },
    code: 'invalid-value', at: 'firstPage', message: 'it goes with `page`' },
  { file: 'list-next-cursor-without-cursor.yaml', mistake: 'a next-cursor property without the query parameter that sends the cursor back.',
    edit: { after: '- id: listDevices', insert: '        list: { items: devices, total: total, nextCursor: meta.next }' },
    code: 'invalid-value', at: 'nextCursor', message: 'go together: add `cursor`' },
  { file: 'list-next-link-not-in-answer.yaml', mistake: 'a next-link property the answer does not have.',
    edit: { after: '- id: listDevices', insert: '        list: { items: devices, total: total, nextLink: meta.next }' },
    code: 'invalid-value', at: 'meta.next', message: 'no string property `meta.next`' },
  { file: 'list-two-paging-styles.yaml', mistake: 'a list paged both by offset and by page number.',
    edit: { after: '- id: listDevices', insert: '        list: { items: devices, limit: limit, offset: limit, page: limit }' },
    code: 'invalid-value', at: 'page', message: 'a list pages one way, but this one names `offset` and `page`: keep one of `offset`' },
  { file: 'missing-key-auth-path.yaml', mistake: 'a required key left out of auth.',
    edit: { remove: 'path: /token/{organization}' },
    code: 'missing-key', at: 'auth:', within: 'auth:', message: 'missing required key `path`' },
  { file: 'missing-key-endpoint-responses.yaml', mistake: 'an endpoint without responses.',
    edit: { after: 'id: getDevice', remove: `responses:
          - status: 200
            description: The device.
            schema: { $ref: "#/schemas/Device" }
          - status: 404
            description: No such device.` },
    code: 'missing-key', at: 'id', within: '- id: getDevice', message: 'missing required key `responses`' },
  { file: 'non-utf8.yaml', mistake: 'a Latin-1 byte in a UTF-8 file.',
    edit: { replace: 'name: Devices', with: 'name: Devices caf\u00e9' }, encoding: 'latin1',
    code: 'invalid-encoding', at: '\uFFFD', message: 'is not valid UTF-8' },
  { file: 'ref-dangling.yaml', mistake: 'a $ref to a schema that does not exist.',
    edit: { after: 'id: getDevice', replace: '"#/schemas/Device"', with: '"#/schemas/Devise"' },
    code: 'dangling-ref', at: '"#/schemas/Devise"', message: '`#/schemas/Devise` points at no schema' },
  { file: 'ref-definitions-form.yaml', mistake: 'a $ref in the #/definitions/ form.',
    edit: { replace: 'items: { $ref: "#/schemas/Device" }', with: 'items: { $ref: "#/definitions/Device" }' },
    code: 'unsupported-ref', at: '"#/definitions/Device"', message: '`#/definitions/Device` is not supported' },
  { file: 'ref-other-file.yaml', mistake: 'a $ref into another file.',
    edit: { replace: 'items: { $ref: "#/schemas/Device" }', with: 'items: { $ref: "other.yaml#/x" }' },
    code: 'unsupported-ref', at: '"other.yaml#/x"', message: '`other.yaml#/x` is not supported' },
  { file: 'ref-response-unsupported.yaml', mistake: 'a response $ref that is not #/schemas/<Name>.',
    edit: { after: 'id: getDevice', replace: '"#/schemas/Device"', with: '"#/definitions/Device"' },
    code: 'unsupported-ref', at: '"#/definitions/Device"', message: '`#/definitions/Device` is not supported' },
  { file: 'schema-bad-pattern.yaml', mistake: 'a schema pattern that is not a regular expression.',
    edit: { replace: 'token_type: { type: string }', with: 'token_type: { type: string, pattern: "[a-z" }' },
    code: 'invalid-schema', at: '"[a-z"', message: '`[a-z` is not a valid regular expression: Unterminated character class' },
  { file: 'schema-slow-pattern.yaml', mistake: 'a schema pattern that backtracks catastrophically.',
    edit: { replace: 'token_type: { type: string }', with: 'token_type: { type: string, pattern: "^([A-Za-z]+_?)+$" }' },
    code: 'invalid-schema', at: '"^([A-Za-z]+_?)+$"', message: '`^([A-Za-z]+_?)+$` can take exponential time (over 100 ms on a 41-character string), so one answer could keep the checks busy for hours: a repeated part can match the same text in more than one way. Make each repetition start with what the part before it cannot match, e.g. `^[0-9]+(\\.[0-9]+)*$` rather than `^([0-9]+\\.?)+$`' },
  { file: 'file-name-clash-endpoint-case.yaml', mistake: 'two endpoints of one resource whose names differ only in case: one Bruno file on macOS and Windows.',
    edit: { after: 'description: No such device.', insert: '      - { id: deleteDevice, name: get devices, method: DELETE, path: "/{id}", pathParams: [{ name: id, type: string }], responses: [{ status: 204, description: Deleted. }] }' },
    code: 'file-name-clash', at: 'get devices', message: 'endpoint name "get devices" and "Get Devices" (resources[0].endpoints[0].name) would both be the Bruno file "get devices.bru"' },
  { file: 'schema-defs.yaml', mistake: 'a draft 2019-09 $defs in a schema.',
    edit: { after: 'DeviceList:\n    type: object', insert: '    $defs: {}' },
    code: 'not-draft-07', at: '$defs', message: '`$defs` is not a draft-07 keyword' },
  { file: 'schema-dependent-required.yaml', mistake: 'a draft 2019-09 dependentRequired in a schema.',
    edit: { after: 'required: [access_token, token_type]', insert: '    dependentRequired: { scope: [access_token] }' },
    code: 'not-draft-07', at: 'dependentRequired', message: '`dependentRequired` is not a draft-07 keyword' },
  { file: 'schema-minimum-string.yaml', mistake: 'a schema whose minimum is a string.',
    edit: { replace: 'minimum: 0', with: 'minimum: "x"' },
    code: 'invalid-schema', at: '"x"', message: 'must be number, not "x"' },
  { file: 'schema-other-dialect.yaml', mistake: 'a schema that declares the 2020-12 dialect.',
    edit: { after: '  Device:', insert: '    $schema: https://json-schema.org/draft/2020-12/schema' },
    code: 'not-draft-07', at: 'https://json-schema.org', message: '`$schema` names another dialect; descriptions use draft-07' },
  { file: 'schema-prefix-items.yaml', mistake: 'a draft 2020-12 prefixItems in a schema.',
    edit: { replace: 'items: { $ref: "#/schemas/Device" }', with: 'prefixItems: [{ $ref: "#/schemas/Device" }]' },
    code: 'not-draft-07', at: 'prefixItems', message: '`prefixItems` is not a draft-07 keyword' },
  { file: 'schema-required-undefined-property.yaml', mistake: 'a required property that is never defined (Ajv strict mode).',
    edit: { replace: 'token_type: { type: string }', with: 'token_type: { type: object, required: [kind] }' },
    code: 'invalid-schema', at: '{ type: object', message: 'required property "kind" is not defined' },
  { file: 'schema-type-strng.yaml', mistake: 'a schema with a misspelt type.',
    edit: { replace: 'token_type: { type: string }', with: 'token_type: { type: strng }' },
    code: 'invalid-schema', at: 'strng', message: '"strng" is not one of array, boolean, integer, null, number, object, string (did you mean `string`?)' },
  { file: 'schema-unevaluated-properties.yaml', mistake: 'a draft 2019-09 unevaluatedProperties in a schema.',
    edit: { after: '  Device:\n    type: object', insert: '    unevaluatedProperties: false' },
    code: 'not-draft-07', at: 'unevaluatedProperties', message: '`unevaluatedProperties` is not a draft-07 keyword' },
  { file: 'schema-unknown-format.yaml', mistake: 'a schema with a format draft-07 does not know.',
    edit: { replace: 'format: date-time', with: 'format: datetime' },
    code: 'invalid-schema', at: 'datetime', message: 'unknown format `datetime` (did you mean `date-time`?)' },
  { file: 'schema-unknown-keyword.yaml', mistake: 'a schema with a keyword no draft defines.',
    edit: { replace: 'token_type: { type: string }', with: 'token_type: { type: string, nullable: true }' },
    code: 'invalid-schema', at: 'nullable', message: 'unknown schema keyword `nullable`' },
  { file: 'template-tag-case-query.yaml', mistake: 'a case query value holds an Insomnia (Nunjucks) template tag, which Insomnia would run.',
    edit: { after: 'id: listLimitOne', replace: 'query: { limit: 1 }', with: `query: { status: "{% response 'body', 'req_1', '$.x' %}" }` },
    code: 'template-tag', at: '"{% response', message: '`{%` starts a template tag, which Insomnia would run' },
  { file: 'token-path-reserved-variable.yaml', mistake: 'a token path variable named like a variable the outputs already use (the secret).',
    edit: { replace: 'path: /token/{organization}', with: 'path: /token/{clientSecret}' },
    code: 'invalid-value', at: '/token/{clientSecret}', message: '`{clientSecret}` is a name the outputs already use' },
  { file: 'undefined-path-param.yaml', mistake: 'a path template naming a parameter that is not defined.',
    edit: { replace: 'path: /{id}', with: 'path: /{id}/{part}' },
    code: 'undefined-path-param', at: '/{id}/{part}', message: '`{part}` has no definition in pathParams' },
  { file: 'unknown-key-in-endpoint.yaml', mistake: 'a key the format does not know, inside an endpoint.',
    edit: { after: 'path: /{id}', insert: '        deprecated: true' },
    code: 'unknown-key', at: 'deprecated', message: 'unknown key `deprecated`' },
  { file: 'unknown-key-top-level.yaml', mistake: 'a key the format does not know, at the top level.',
    edit: { after: 'format: 1', insert: '\nservers: []' },
    code: 'unknown-key', at: 'servers', message: 'unknown key `servers`' },
  { file: 'unknown-key-typo-base-path.yaml', mistake: 'a misspelt key (did you mean).',
    edit: { replace: 'basePath:', with: 'basePth:' },
    code: 'unknown-key', at: 'basePth', message: 'unknown key `basePth` (did you mean `basePath`?)' },
  { file: 'unused-path-param.yaml', mistake: 'a path parameter the path does not use.',
    edit: { after: 'example: "{{deviceId}}" }', insert: '          - { name: part, type: string }' },
    code: 'unused-path-param', at: 'part', message: 'path parameter `part` does not appear in path `/{id}`' },
  { file: 'wrong-type-environments-mapping.yaml', mistake: 'a mapping where a list is expected.',
    edit: { replace: `
  - id: production
    name: SecuriThings Production
    baseUrl: https://api.securithings.com
  - id: local
    name: SecuriThings Local reference server
    baseUrl: http://127.0.0.1:4010`, with: `
  id: production
  name: SecuriThings Production
  baseUrl: https://api.securithings.com` },
    code: 'wrong-type', at: 'id', message: 'must be a list, not a mapping' },
  { file: 'wrong-type-lifetime-string.yaml', mistake: 'a number written as a string.',
    edit: { replace: 'lifetimeSeconds: 3600', with: 'lifetimeSeconds: "3600"' },
    code: 'wrong-type', at: '"3600"', message: 'must be an integer or a mapping, not a string: write a number of seconds (`3600`)' },
  { file: 'wrong-type-refresh-token.yaml', mistake: 'a boolean written as yes-as-a-string.',
    edit: { replace: 'refreshToken: false', with: 'refreshToken: "no"' },
    code: 'wrong-type', at: '"no"', message: 'must be a boolean, not a string' },
  { file: 'yaml-alias-without-anchor.yaml', mistake: 'an alias whose anchor is never defined.',
    edit: { replace: 'refreshToken: false', with: 'refreshToken: *no' },
    code: 'yaml-syntax', at: '*no', message: 'alias `*no` has no anchor `&no`' },
  { file: 'yaml-bad-indentation.yaml', mistake: 'a key indented deeper than its siblings.',
    edit: { replace: '  version: v1', with: '    version: v1' },
    code: 'yaml-syntax', at: 'version', message: 'indented deeper than the key above it' },
  { file: 'yaml-collection-key.yaml', mistake: 'a list used as a mapping key.',
    edit: { after: 'format: 1', insert: '\n? [info, extra]\n: true' },
    code: 'yaml-syntax', at: '[info, extra]', message: 'a key must be a plain value, not a list or a mapping' },
  { file: 'yaml-duplicate-key.yaml', mistake: 'the same key twice in one mapping.',
    edit: { after: 'version: v1', insert: '  version: v2' },
    code: 'yaml-syntax', at: 'version', message: 'duplicate key `version`' },
  { file: 'yaml-tab-indentation.yaml', mistake: 'a tab used for indentation.',
    edit: { replace: '  name: SecuriThings API', with: '\tname: SecuriThings API' },
    code: 'yaml-syntax', at: '\tname', message: 'a tab is used for indentation' },
  { file: 'yaml-two-documents.yaml', mistake: 'two YAML documents in one file.',
    edit: { after: 'expect: { status: 404, json: true }', insert: '---\nformat: 1' },
    code: 'yaml-syntax', at: '---', message: 'a second YAML document starts here' },
  { file: 'yaml-unclosed-flow-mapping.yaml', mistake: 'a flow mapping that is never closed.',
    edit: { replace: 'rateLimit: { requests: 5, perSeconds: 60, per: [ip] }', with: 'rateLimit: { requests: 5, perSeconds: 60, per: [ip]' },
    code: 'yaml-syntax', at: '{ requests', message: 'flow mapping `{` is never closed' },
  { file: 'yaml-unclosed-flow-sequence.yaml', mistake: 'a flow sequence that is never closed.',
    edit: { replace: 'requires: [deviceId]', with: 'requires: [deviceId' },
    code: 'yaml-syntax', at: '[deviceId', message: 'flow sequence `[` is never closed' },
  { file: 'yaml-unclosed-quote.yaml', mistake: 'a double-quoted string that is never closed.',
    edit: { replace: 'path: ""', with: 'path: "' },
    code: 'yaml-syntax', at: '"', message: 'double-quoted string is never closed' },
];

export interface BuiltCase {
  bytes: Uint8Array;
  /** Where the diagnostic must be: the first `at` inside `within` (or inside the edit's new text). */
  line: number;
  col: number;
}

/** The base description without its first line (the comment each case replaces). */
function baseBody(): string {
  const base = readFileSync(CORPUS_BASE, 'utf8');
  return base.slice(base.indexOf('\n') + 1);
}

export function buildCase(c: PatchedCase): BuiltCase {
  try {
    return build(c);
  } catch (error) {
    throw new Error(`${c.file}: ${(error as Error).message}`);
  }
}

function build(c: PatchedCase): BuiltCase {
  const header = `# Mistake: ${c.mistake}\n`;
  const edited = applyEdit(baseBody(), c.edit);
  const bytes = encode(header + edited.text, c.encoding);
  // Positions are searched in the text as the loader decodes it (a bad byte reads as U+FFFD).
  const decoded = new TextDecoder().decode(bytes);
  const [from, length] =
    c.within === undefined ? [header.length + edited.start, edited.added.length] : [onlyOccurrence(decoded, c.within, header.length), c.within.length];
  const at = decoded.indexOf(c.at, from);
  if (at < 0 || at + c.at.length > from + length) {
    const hint = length === 0 ? ' (the edit only removes text: give `within`)' : '';
    throw new Error(`${JSON.stringify(c.at)} is not inside ${JSON.stringify(decoded.slice(from, from + length))}${hint}`);
  }
  return { bytes, ...positionOf(decoded, at) };
}

function encode(text: string, encoding: PatchedCase['encoding']): Uint8Array {
  return encoding === 'latin1' ? Uint8Array.from(Buffer.from(text, 'latin1')) : new TextEncoder().encode(text);
}

/** The file names of the cases that are files of their own. */
export function badSpecFiles(): string[] {
  return readdirSync(BAD_SPECS_DIR).sort();
}

/** Every bad spec, the files of their own and the built patches, as name and bytes. */
export function badSpecs(): { file: string; bytes: Uint8Array }[] {
  return [
    ...badSpecFiles().map((file) => ({ file, bytes: Uint8Array.from(readFileSync(join(BAD_SPECS_DIR, file))) })),
    ...PATCHED.map((c) => ({ file: c.file, bytes: buildCase(c).bytes })),
  ].sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** The bytes of the bad spec named `file`. */
export function badSpec(file: string): Uint8Array {
  const found = badSpecs().find((s) => s.file === file);
  if (!found) throw new Error(`no bad spec ${file}`);
  return found.bytes;
}
