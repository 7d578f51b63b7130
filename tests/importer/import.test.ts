// `import` through the CLI, in-process: real and written documents become descriptions that load,
// with a report of what was kept, skipped, guessed and rewritten; bad input is refused with a
// located message, exit 2 and nothing written.
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../loader/index.js';
import { runCli } from '../support/cli.js';

const FIXTURES = resolve('tests/fixtures/openapi');
const EBAY = join(FIXTURES, 'ebay-taxonomy.swagger.yaml');
const TRACKER = join(FIXTURES, 'tracker-3.1/openapi.yaml');

const temp = () => mkdtempSync(join(tmpdir(), 'import-'));

async function importing(file: string, extra: string[] = []) {
  const dir = temp();
  const out = join(dir, 'api.yaml');
  const result = await runCli(['import', file, '--out', out, '--report', join(dir, 'report.json'), ...extra], { cwd: dir });
  return { ...result, dir, out, written: existsSync(out) };
}

describe('a real Swagger 2.0 document (eBay Taxonomy, flow: application)', () => {
  it('becomes a description that loads, with the token URL, scopes and server as the document states them', async () => {
    const run = await importing(EBAY);
    expect(run.code, run.stderr).toBe(0);
    const model = loadSpec(readFileSync(run.out), run.out);
    expect(model.auth).toMatchObject({
      path: '/identity/v1/oauth2/token',
      clientAuthentication: 'basic',
      scope: 'https://api.ebay.com/oauth/api_scope https://api.ebay.com/oauth/api_scope/metadata.insights',
    });
    expect(model.environments.map((e) => [e.id, e.baseUrl])).toEqual([
      ['production', 'https://api.ebay.com'],
      ['local', 'http://127.0.0.1:4010'],
    ]);
    expect(model.resources.map((r) => r.basePath)).toEqual(['/commerce/taxonomy/v1/category_tree', '/commerce/taxonomy/v1/get_default_category_tree_id']);
    expect(Object.keys(model.schemas)).toEqual(expect.arrayContaining(['CategoryTree', 'CategoryTreeNode', 'TokenResponse']));
    expect(JSON.stringify(model.schemas.CategoryTreeNode)).toContain('"$ref":"#/definitions/CategoryTreeNode"');
  });

  it('marks what the document does not state as guesses under `unknowns`, and reports the header it could not send', async () => {
    const run = await importing(EBAY);
    const unknowns = loadSpec(readFileSync(run.out), run.out).unknowns.join('\n');
    expect(unknowns).toMatch(/Guessed: How the client authenticates .* --client-auth/);
    expect(unknowns).toMatch(/Guessed: The token lifetime is not stated/);
    // a rate limit the document does not state is not invented: none is written, and the report says so
    expect(loadSpec(readFileSync(run.out), run.out).auth.rateLimit).toBeUndefined();
    expect(unknowns).not.toMatch(/rate limit/);
    expect(run.stdout).toContain('token rate limit: none written, as the document states none');
    expect(run.stdout).toContain('Operations: 4 of 4 kept');
    expect(run.stdout).toContain('optional header `Accept-Language` left out');
    const report = JSON.parse(readFileSync(join(run.dir, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ openapi: '2.0', scheme: 'Client Credentials' });
    expect(report.kept).toHaveLength(4);
  });

  it('takes what no document states from flags: no guess is left for them', async () => {
    const run = await importing(EBAY, [
      '--client-auth',
      'post',
      '--token-lifetime',
      '7200',
      '--refresh-token',
      'no',
      '--token-rate-limit',
      '5/60',
      '--response-time',
      '3000',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const model = loadSpec(readFileSync(run.out), run.out);
    expect(model.auth).toMatchObject({ clientAuthentication: 'post', lifetime: { min: 7200, max: 7200 }, refreshToken: false });
    expect(model.unknowns.filter((u) => u.startsWith('Guessed: ') && !/example/.test(u))).toEqual([]);
  });
});

describe('an OpenAPI 3.1 document in two files', () => {
  it('keeps the client-credentials operations and says why each other one was skipped', async () => {
    const run = await importing(TRACKER);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Operations: 4 of 5 kept');
    expect(run.stdout).toContain('skipped 1 of 5: needs user, not machine alone (GET /routes)');
  });

  it('resolves the relative token URL, reads `post` from the curl line, warns of the undeclared scope, never makes the placeholder host an environment', async () => {
    const run = await importing(TRACKER);
    const model = loadSpec(readFileSync(run.out), run.out);
    expect(model.auth).toMatchObject({ path: '/oauth/token', clientAuthentication: 'post', scope: 'vehicles:read vehicles:history' });
    expect(run.stdout).toContain('scopes the scheme does not declare: vehicles:history');
    expect(model.environments.map((e) => e.baseUrl)).toEqual(['https://api.tracker.test', 'http://127.0.0.1:4010']);
    expect(model.unknowns.join('\n')).toContain('`your-tenant.example.com` is a placeholder');
  });

  it('recognises the list and the fetch-one, sanitises names, and rewrites schemas to draft-07 with each change listed', async () => {
    const run = await importing(TRACKER);
    const model = loadSpec(readFileSync(run.out), run.out);
    const [vehicles] = model.resources;
    expect(vehicles!.endpoints.map((e) => [e.id, e.path, Boolean(e.list), Boolean(e.item)])).toEqual([
      ['vehiclesList', '', true, false],
      ['vehiclesCreate', '', false, false],
      ['vehiclesGet', '/{vehicle_id}', false, true],
    ]);
    // POST /vehicles: its JSON request body, its schema rewritten as the answers' are; optional, as OpenAPI's default
    expect(vehicles!.endpoints[1]!.requestBody).toEqual({ required: false, schema: 'Vehicle', description: '' });
    expect(model.schemas.Vehicle).toMatchObject({ properties: { id: { format: 'uuid' }, driver: { type: ['string', 'null'] }, kind: { const: 'vehicle' } } });
    const report = JSON.parse(readFileSync(join(run.dir, 'report.json'), 'utf8'));
    const changes = report.schemaRewrites.map((r: { change: string }) => r.change);
    expect(changes).toEqual(
      expect.arrayContaining([
        'dropped extension `x-internal`',
        'format `UUID` became `uuid`',
        expect.stringContaining('dropped unknown format `serial-number`'),
      ]),
    );
    expect(report.renamed).toEqual(expect.arrayContaining([{ kind: 'path parameter', from: 'vehicle-id', to: 'vehicle_id' }]));
    expect(run.stdout).toContain('example "bad" left out');
  });
});

describe('bad input: a located message, exit 2, nothing written', () => {
  const cases: Array<[string, Record<string, string>, RegExp, string[]?]> = [
    ['not OpenAPI', { 'api.yaml': 'hello: world\n' }, /api\.yaml:1:1: not an OpenAPI document: .*\[not-openapi\]/],
    [
      'a broken $ref',
      { 'api.yaml': doc('$ref: "#/components/schemas/Missing"') },
      /api\.yaml:\d+:\d+: paths\["\/things"\]\.get\.responses\["200"\]\.content\["application\/json"\]\.schema\.\$ref: .*points at nothing \[broken-ref\]/,
    ],
    [
      'a remote $ref',
      { 'api.yaml': doc('$ref: "https://example.com/schemas.yaml#/Thing"') },
      /api\.yaml:16:31: .*\.schema\.\$ref: .* is a remote reference; import reads local files only and fetches nothing .*\[remote-ref\]/,
    ],
    [
      'a $ref outside the folder',
      { 'api.yaml': doc('$ref: "../../etc/passwd#/x"') },
      /api\.yaml:16:31: .* leaves the document's folder; .*\[ref-outside-folder\]/,
    ],
    [
      'a YAML alias bomb',
      {
        'api.yaml': `openapi: 3.0.3\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
      },
      /alias bomb.*\[yaml-alias-bomb\]/,
    ],
    [
      'a scheme whose flow is not client credentials',
      { 'api.yaml': doc('type: object', 'authorizationCode') },
      /no security scheme has an OAuth 2\.0 client-credentials flow; the document has: cc \(authorizationCode\) \[no-client-credentials\]/,
    ],
    [
      '--scheme naming a scheme of another flow',
      { 'api.yaml': doc('type: object', 'authorizationCode') },
      /scheme `cc` has no client-credentials flow \(authorizationCode\).*\[not-client-credentials\]/,
      ['--scheme', 'cc'],
    ],
    [
      'two client-credentials schemes and no --scheme',
      {
        'api.yaml': doc('type: object')
          .replace(
            'components:\n',
            'components:\n  securitySchemes:\n    second: { type: oauth2, flows: { clientCredentials: { tokenUrl: /t, scopes: {} } } }\n',
          )
          .replace(/components:\n {2}securitySchemes:\n {4}second(.*)\n {2}securitySchemes:\n/, 'components:\n  securitySchemes:\n    second$1\n'),
      },
      /several schemes have a client-credentials flow: second, cc; choose one with --scheme NAME \[ambiguous-scheme\]/,
    ],
  ];

  it.each(cases)('%s', async (_name, files, message, extra = []) => {
    const dir = temp();
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const result = await runCli(['import', 'api.yaml', '--out', 'out.yaml', ...extra], { cwd: dir });
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('nothing was written');
    expect(result.code).toBe(2);
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('refuses a 50 MB document unread, in bounded time', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'big.yaml'), 'openapi: 3.0.3\n');
    truncateSync(join(dir, 'big.yaml'), 50 * 1024 * 1024);
    const started = Date.now();
    const result = await runCli(['import', 'big.yaml', '--out', 'out.yaml'], { cwd: dir });
    expect(result.stderr).toMatch(/big\.yaml:1:1: the document is 52428800 bytes, more than the \d+ import reads \[file-too-large\]/);
    expect(result.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('never overwrites an existing --out without --force', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'out.yaml'), 'mine\n');
    const refused = await runCli(['import', EBAY, '--out', 'out.yaml'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('out.yaml exists; give --force to overwrite it');
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('mine\n');
    const forced = await runCli(['import', EBAY, '--out', 'out.yaml', '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toContain('format: 1');
  });
});

/** A small OpenAPI 3.0 document with one scheme `cc` of the given flow and one GET answering `schema`. */
function doc(schema: string, flow = 'clientCredentials'): string {
  return `openapi: 3.0.3
info: { title: T, version: "1" }
servers: [{ url: "https://api.t.test" }]
components:
  securitySchemes:
    cc: { type: oauth2, flows: { ${flow}: { ${flow === 'clientCredentials' ? '' : 'authorizationUrl: https://a.t.test/a, '}tokenUrl: https://api.t.test/token, scopes: {} } } }
security: [{ cc: [] }]
paths:
  /things:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { ${schema} }
`;
}
