// The generated OpenAPI file through the tools people check OpenAPI with: no errors, and only the style
// warnings named here (and in docs/openapi.md), so a new warning fails.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../../loader/index.js';
import { stringify } from 'yaml';
import { FIXTURE_AND_WITH_SITES } from '../../support/model.js';
import { generateDoc, generateText } from './helpers.js';
import { allFindings, redoclyFindings, scalarFindings, spectralFindings, type Finding } from './linters.js';

/** Style warnings left on purpose, by tool and rule: the description has no contact or licence to state. */
const ALLOWED_WARNINGS = ['redocly:info-license', 'spectral:info-contact'];

const names = (findings: Finding[]) => [...new Set(findings.map((f) => `${f.tool}:${f.rule}`))].sort();
const show = (findings: Finding[]) => findings.map((f) => `${f.tool} ${f.rule} ${f.where}: ${f.message}`).join('\n');

const EXAMPLE = 'examples/parcel-tracker.yaml';
const WRITE_EXAMPLE = 'examples/warehouse-orders.yaml';
const TOKEN_HOST_EXAMPLE = 'examples/tenant-graph.yaml';
const withExample: typeof FIXTURE_AND_WITH_SITES = [
  ...FIXTURE_AND_WITH_SITES,
  ['the parcel-tracker example (client_secret_post, a form body, scopes)', () => loadSpec(readFileSync(EXAMPLE), EXAMPLE)],
  ['the warehouse-orders example (a POST with a JSON request body)', () => loadSpec(readFileSync(WRITE_EXAMPLE), WRITE_EXAMPLE)],
  [
    'the tenant-graph example (a token host of its own per environment, with a host variable)',
    () => loadSpec(readFileSync(TOKEN_HOST_EXAMPLE), TOKEN_HOST_EXAMPLE),
  ],
];

describe.each(withExample)('the OpenAPI export of %s, linted', (_label, make) => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = await allFindings(generateText(make()));
  }, 30_000);

  it('has no errors for @scalar/openapi-parser, Spectral (spectral:oas) or Redocly (recommended)', () => {
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors, show(errors)).toEqual([]);
  });

  it('has exactly the allowed style warnings', () => {
    const warnings = findings.filter((f) => f.severity === 'warning');
    expect(names(warnings), show(warnings)).toEqual(ALLOWED_WARNINGS);
  });
});

describe('the linters catch what they are here for', () => {
  /** The export with the token URL template written into `tokenUrl`, as it used to be. */
  function withBracedTokenUrl(): string {
    const doc = generateDoc();
    doc.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl = doc.components.securitySchemes.oauth2['x-token-url-template'];
    return stringify(doc);
  }

  it('scalar and Spectral refuse braces in tokenUrl', async () => {
    const text = withBracedTokenUrl();
    expect(show(await scalarFindings(text))).toMatch(/tokenUrl.*uri-reference|uri-reference.*tokenUrl/s);
    expect((await spectralFindings(text)).filter((f) => f.severity === 'error' && f.where.endsWith('tokenUrl'))).not.toEqual([]);
  }, 30_000);

  it('Redocly reports a reference that does not resolve as an error', async () => {
    const doc = generateDoc();
    doc.paths['/devices'].get.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/NoSuchSchema' };
    const errors = (await redoclyFindings(stringify(doc))).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toContain('no-unresolved-refs');
  }, 30_000);
});
