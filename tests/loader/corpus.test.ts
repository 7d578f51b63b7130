// The bad-spec corpus: every malformed description under tests/fixtures/bad-specs/ and the one
// diagnostic it must give, exactly where the mistake is. `at` is the source text the position
// points at, so a wrong column shows as text, not as a number.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec, SpecError, formatDiagnostic, type Diagnostic } from '../../loader/index.js';
import type { DiagnosticCode } from '../../loader/diagnostics.js';
import { MAX_BYTES } from '../../loader/limits.js';
import { FIXTURE_SPEC, fixtureModel } from '../support/model.js';

const CORPUS_DIR = fileURLToPath(new URL('../fixtures/bad-specs/', import.meta.url));

type Row = [file: string, code: DiagnosticCode, line: number, col: number, at: string, message: string];

// prettier-ignore
const CORPUS: Row[] = [
  ['auth-post-without-form.yaml',         'invalid-value',        21, 25, 'post',                       'client_secret_post sends client_id and client_secret in the form body: set `body: form`'],
  ['bad-method.yaml',                     'invalid-value',        56, 17, 'FETCH',                      'must be one of GET, POST'],
  ['case-neither-token-nor-endpoint.yaml', 'invalid-case',         92, 7, 'id',                         'a case needs `token`'],
  ['case-query-not-in-enum.yaml',         'invalid-value',        99, 24, 'broken',                     '`status` must be one of online, offline'],
  ['case-query-out-of-range.yaml',        'invalid-value',        99, 23, '5000',                       '`limit` must be at most 1000'],
  ['case-token-and-endpoint.yaml',        'invalid-case',         95, 7, 'endpoint',                   'not both'],
  ['case-unknown-endpoint.yaml',          'unknown-endpoint',     103, 17, 'getDevise',                  '`getDevise` (did you mean `getDevice`?)'],
  ['case-unknown-query-parameter.yaml',   'unknown-parameter',    99, 16, 'limt',                       '`limt` (did you mean `limit`?)'],
  ['credential-variable-case-path-param.yaml', 'credential-variable', 104, 25, '"{{clientSecret}}"',      '`{{clientSecret}}` names a credential or a variable the collection keeps; only the auth block may use credentials'],
  ['credential-variable-parameter-example.yaml', 'credential-variable', 59, 48, '"{{ accessToken }}"',   '`{{ accessToken }}` names a credential'],
  ['credential-variable-process-env.yaml', 'credential-variable',  49, 29, '"{{process.env.',            '`{{process.env.SECURITHINGS_CLIENT_SECRET}}` reads the environment of the process running the client'],
  ['deep-nesting.yaml',                   'too-deep',             150, 131, 'x:',                         'deeper than 64 levels'],
  ['duplicate-case-id.yaml',              'duplicate-id',         101, 11, 'listLimitOne',               'case id `listLimitOne` is already used (first at contract.cases[1])'],
  ['duplicate-endpoint-id.yaml',          'duplicate-id',         67, 15, 'listDevices',                'endpoint id `listDevices` is already used (first at resources[0].endpoints[0])'],
  ['duplicate-environment-id.yaml',       'duplicate-id',         13, 9, 'production',                 'environment id `production` is already used'],
  ['duplicate-query-parameter.yaml',      'duplicate-id',         39, 21, 'limit',                      'query parameter name `limit` is already used'],
  ['empty.yaml',                          'empty-file',           1, 1, '',                           'the file is empty'],
  ['example-status-undocumented.yaml',     'invalid-example',      48, 21, '201',                        'the endpoint documents no 201 response; documented: 200'],
  ['example-violates-schema.yaml',        'invalid-example',      53, 22, 'many',                       'example does not match its schema: /total must be integer'],
  ['format-2.yaml',                       'invalid-value',        2, 9, '2',                          'version 2 is not supported'],
  ['missing-key-auth-path.yaml',          'missing-key',          17, 1, 'auth:',                      'missing required key `path`'],
  ['missing-key-endpoint-responses.yaml', 'missing-key',          54, 9, 'id',                         'missing required key `responses`'],
  ['non-utf8.yaml',                       'invalid-encoding',     30, 22, '\uFFFD',                     'is not valid UTF-8'],
  ['only-comment.yaml',                   'empty-file',           1, 1, '# Nothing but a comment.',   'only comments'],
  ['ref-dangling.yaml',                   'dangling-ref',         64, 29, '"#/schemas/Devise"',         '`#/schemas/Devise` points at no schema'],
  ['ref-definitions-form.yaml',           'unsupported-ref',      86, 24, '"#/definitions/Device"',     '`#/definitions/Device` is not supported'],
  ['ref-other-file.yaml',                 'unsupported-ref',      86, 24, '"other.yaml#/x"',            '`other.yaml#/x` is not supported'],
  ['ref-response-unsupported.yaml',       'unsupported-ref',      64, 29, '"#/definitions/Device"',     '`#/definitions/Device` is not supported'],
  ['scalar-document.yaml',                'wrong-type',           2, 1, 'just some text',             'must be a YAML mapping that starts with `format: 1`, not a string'],
  ['schema-bad-pattern.yaml',              'invalid-schema',       74, 44, '"[a-z"',                     '`[a-z` is not a valid regular expression: Unterminated character class'],
  ['schema-defs.yaml',                    'not-draft-07',         83, 5, '$defs',                      '`$defs` is not a draft-07 keyword'],
  ['schema-dependent-required.yaml',      'not-draft-07',         72, 5, 'dependentRequired',          '`dependentRequired` is not a draft-07 keyword'],
  ['schema-minimum-string.yaml',          'invalid-schema',       87, 40, '"x"',                        'must be number, not "x"'],
  ['schema-other-dialect.yaml',            'not-draft-07',         76, 14, 'https://json-schema.org',    '`$schema` names another dialect; descriptions use draft-07'],
  ['schema-prefix-items.yaml',            'not-draft-07',         86, 9, 'prefixItems',                '`prefixItems` is not a draft-07 keyword'],
  ['schema-required-undefined-property.yaml', 'invalid-schema',     74, 19, '{ type: object',             'required property "kind" is not defined'],
  ['schema-type-strng.yaml',              'invalid-schema',       74, 27, 'strng',                      '"strng" is not one of array, boolean, integer, null, number, object, string (did you mean `string`?)'],
  ['schema-unevaluated-properties.yaml',  'not-draft-07',         77, 5, 'unevaluatedProperties',      '`unevaluatedProperties` is not a draft-07 keyword'],
  ['schema-unknown-format.yaml',          'invalid-schema',       80, 41, 'datetime',                   'unknown format `datetime` (did you mean `date-time`?)'],
  ['schema-unknown-keyword.yaml',         'invalid-schema',       74, 35, 'nullable',                   'unknown schema keyword `nullable`'],
  ['template-tag-case-query.yaml',        'template-tag',         99, 24, '"{% response',               '`{%` starts a template tag, which Insomnia would run'],
  ['token-path-reserved-variable.yaml',   'invalid-value',        20, 9, '/token/{clientSecret}',      '`{clientSecret}` is a name the outputs already use'],
  ['environment-value-unknown.yaml',      'unknown-key',          16, 15, 'tenant',                     '`tenant` is neither clientId nor a variable of the token path; known: organization, clientId'],
  ['top-level-list.yaml',                 'wrong-type',           2, 1, '- format',                   'must be a YAML mapping that starts with `format: 1`, not a list'],
  ['undefined-path-param.yaml',           'undefined-path-param', 57, 15, '/{id}/{part}',               '`{part}` has no definition in pathParams'],
  ['unknown-key-in-endpoint.yaml',        'unknown-key',          58, 9, 'deprecated',                 'unknown key `deprecated`'],
  ['unknown-key-top-level.yaml',          'unknown-key',          4, 1, 'servers',                    'unknown key `servers`'],
  ['unknown-key-typo-base-path.yaml',     'unknown-key',          31, 5, 'basePth',                    'unknown key `basePth` (did you mean `basePath`?)'],
  ['unused-path-param.yaml',              'unused-path-param',    60, 21, 'part',                       'path parameter `part` does not appear in path `/{id}`'],
  ['wrong-type-environments-mapping.yaml', 'wrong-type',           10, 3, 'id',                         'must be a list, not a mapping'],
  ['wrong-type-lifetime-string.yaml',     'wrong-type',           22, 20, '"3600"',                     'must be an integer, not a string'],
  ['wrong-type-refresh-token.yaml',       'wrong-type',           23, 17, '"no"',                       'must be a boolean, not a string'],
  ['yaml-alias-bomb.yaml',                'yaml-alias-bomb',      6, 8, '*c',                         'alias bomb'],
  ['yaml-alias-without-anchor.yaml',      'yaml-syntax',          23, 17, '*no',                        'alias `*no` has no anchor `&no`'],
  ['yaml-bad-indentation.yaml',           'yaml-syntax',          7, 5, 'version',                    'indented deeper than the key above it'],
  ['yaml-collection-key.yaml',             'yaml-syntax',          4, 3, '[info, extra]',              'a key must be a plain value, not a list or a mapping'],
  ['yaml-duplicate-key.yaml',             'yaml-syntax',          8, 3, 'version',                    'duplicate key `version`'],
  ['yaml-tab-indentation.yaml',           'yaml-syntax',          6, 1, '\tname',                    'a tab is used for indentation'],
  ['yaml-two-documents.yaml',             'yaml-syntax',          106, 1, '---',                        'a second YAML document starts here'],
  ['yaml-unclosed-flow-mapping.yaml',     'yaml-syntax',          24, 14, '{ requests',                 'flow mapping `{` is never closed'],
  ['yaml-unclosed-flow-sequence.yaml',    'yaml-syntax',          60, 19, '[deviceId',                  'flow sequence `[` is never closed'],
  ['yaml-unclosed-quote.yaml',            'yaml-syntax',          36, 15, '"',                          'double-quoted string is never closed'],
];

/** The diagnostics loading `bytes` gives; fails the test if it loads or throws anything else. */
function diagnosticsOf(bytes: Uint8Array, file: string): readonly Diagnostic[] {
  try {
    loadSpec(bytes, file);
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostics;
    throw error;
  }
  throw new Error(`${file} loaded without a diagnostic`);
}

function textAt(bytes: Uint8Array, line: number, col: number): string {
  const lines = new TextDecoder().decode(bytes).split('\n');
  return (lines[line - 1] ?? '').slice(col - 1);
}

describe('the fixture description', () => {
  it('loads without a diagnostic', () => {
    expect(fixtureModel).not.toThrow();
  });
});

describe('bad-spec corpus', () => {
  it('has a row for every fixture and a fixture for every row', () => {
    const files = readdirSync(CORPUS_DIR).sort();
    expect(CORPUS.map(([file]) => file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(32);
  });

  it.each(CORPUS)('%s: %s at %i:%i', (file, code, line, col, at, message) => {
    const bytes = readFileSync(join(CORPUS_DIR, file));
    const diagnostics = diagnosticsOf(bytes, file);
    expect(diagnostics.map(formatDiagnostic)).toHaveLength(1);
    const [d] = diagnostics as [Diagnostic];
    expect({ file: d.file, code: d.code, line: d.line, col: d.col }).toEqual({ file, code, line, col });
    expect(d.message).toContain(message);
    expect(textAt(bytes, line, col).slice(0, at.length)).toBe(at);
    expect(formatDiagnostic(d)).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:${line}:${col}: .*\\[${code}\\]$`));
  });
});

// Inputs too big or too odd to commit, built here.
describe('generated inputs', () => {
  const fixture = readFileSync(FIXTURE_SPEC, 'utf8');
  const encode = (text: string) => new TextEncoder().encode(text);
  /** The line a key inserted after `format: 1` lands on, whatever comments the fixture starts with. */
  const afterFormat = fixture.split('\n').indexOf('format: 1') + 2;

  it.each<[name: string, bytes: () => Uint8Array, code: DiagnosticCode, line: number, col: number, message: string]>([
    ['a file over 4 MiB', () => encode(`format: 1\nunknowns:\n${'  - padding padding padding padding padding padding\n'.repeat(90_000)}`), 'file-too-large', 1, 1, `more than the ${MAX_BYTES}`],
    ['nesting that exhausts the parser stack', () => encode(`format: 1\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), 'too-deep', 2, -1, 'deeper than 64 levels'],
    ['non-UTF-8 on the first line', () => Uint8Array.from([...encode('format: 1 # caf'), 0xe9, 0x0a]), 'invalid-encoding', 1, 16, 'not valid UTF-8'],
    ['a lone UTF-8 continuation byte', () => Uint8Array.from([...encode('format: 1\ninfo: '), 0x80, 0x0a]), 'invalid-encoding', 2, 7, 'not valid UTF-8'],
    ['a byte-order mark, then an unknown key', () => encode(`\uFEFF${fixture.replace('format: 1\n', 'format: 1\nformats: 2\n')}`), 'unknown-key', afterFormat, 1, 'unknown key `formats` (did you mean `format`?)'],
    ['CRLF line ends, then an unknown key', () => encode(fixture.replace('format: 1\n', 'format: 1\nformats: 2\n').replace(/\n/g, '\r\n')), 'unknown-key', afterFormat, 1, 'unknown key `formats`'],
    ['a key with a line break in it', () => encode(fixture.replace('format: 1\n', 'format: 1\n"a\\nb": 2\n')), 'unknown-key', afterFormat, 1, 'unknown key `a\nb`'],
  ])('%s', (name, bytes, code, line, col, message) => {
    const diagnostics = diagnosticsOf(bytes(), `${name}.yaml`);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics as [Diagnostic];
    expect(d.code).toBe(code);
    expect(d.line).toBe(line);
    if (col > 0) expect(d.col).toBe(col);
    else expect(d.col).toBeGreaterThan(1);
    expect(d.message).toContain(message);
    expect(formatDiagnostic(d).split('\n')).toHaveLength(1);
  });
});
