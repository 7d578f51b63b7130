// A hostile server hides the client secret and an opaque token where the redactor used to miss
// them, or where a library showed a part of them before the redactor saw it:
// - in response header *names* (`x-s-<token>`, and `x-ratelimit-<token>`, which the drift file
//   names re-cased);
// - inside JSON deeper than the redactor's walk, each character `\uXXXX`-escaped or not, and
//   escaped twice;
// - in an opaque token that fails the JWT check (chai quoted its first 37 characters), and in the
//   token answer's token_type (quoted lower-cased), expires_in and a data answer's Content-Type.
// Nothing printed or written may hold any 8 characters in a row of the secret or the token, in any
// case, as it is or once its escapes are decoded.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../contract/redact.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { hostileServer, json, type HostileServer } from './hostile-server.js';

const ORGANIZATION = 'acme';
const PART = 8;
const SECRET = `s\u00e9cr/t+ ${randomBytes(6).toString('hex')}`;
/** Opaque, in the style of PayPal's `A21AA...`: mixed case, so a lower-cased quote differs from it. */
const TOKEN = `A21AA${randomBytes(30).toString('base64url')}`;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const values = [SECRET, TOKEN];
const nameForms = values.flatMap((v) => [v, encodeURIComponent(v), Buffer.from(v).toString('base64url')]).filter((f) => HEADER_NAME.test(f));

/** Every other character `\uXXXX`-escaped (lower hex, then upper), the rest plain. */
const mixed = (value: string, upper = false) =>
  [...value]
    .map((c, i) =>
      i % 2 === 0 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')[upper ? 'toUpperCase' : 'toLowerCase']()}` : JSON.stringify(c).slice(1, -1),
    )
    .join('');
/** Every character escaped, and the escapes escaped again: the value, once parsed, holds `\u0073...` as text. */
const twice = (value: string) => [...value].map((c) => `\\\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

function deepBody(): string {
  const depth = MAX_JSON_DEPTH + 50;
  const strings = values.flatMap((v) => [mixed(v), mixed(v, true), twice(v)]).map((s) => `"${s}"`);
  return `{"devices":${'['.repeat(depth)}${strings.join(',')}${']'.repeat(depth)},"total":1,"${mixed(TOKEN)}":"${mixed(SECRET)}"}`;
}

function headers(): Record<string, string> {
  return Object.fromEntries(
    nameForms.flatMap((form, i) => [
      [`x-s-${form}`, String(i)],
      [`x-ratelimit-${form}`, String(i)],
    ]),
  );
}

/** What a reader could make of a text: entities, then up to three levels of escapes, decoded. */
function decoded(text: string): string {
  let out = text.replace(/&#x([0-9a-f]+);|&#(\d+);|&(lt|gt|amp|quot|apos);/gi, (_, hex?: string, dec?: string, name?: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name!.toLowerCase()]!,
  );
  for (let level = 0; level < 3; level += 1)
    out = out.replace(/\\u([0-9a-fA-F]{4})|\\(.)/g, (_, hex?: string, c?: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : c!));
  return out;
}

/** Every run of PART characters of `value`, lower-cased. */
const parts = (value: string) => Array.from({ length: value.length - PART + 1 }, (_, i) => value.slice(i, i + PART).toLowerCase());

interface Run {
  server: HostileServer;
  code: number;
  outputs: Record<string, string>;
}

async function hostileRun(): Promise<Run> {
  const server = await hostileServer((req, res) => {
    if (req.url === `/api/token/${ORGANIZATION}`)
      return json(res, 200, JSON.stringify({ access_token: TOKEN, token_type: TOKEN, expires_in: TOKEN }), headers());
    json(res, 200, deepBody(), { ...headers(), 'content-type': `application/x-${TOKEN}` });
  });
  const reports = mkdtempSync(join(tmpdir(), 'hostile-parts-'));
  const env = {
    SECURITHINGS_BASE_URL: `${server.url}/api`,
    SECURITHINGS_ORGANIZATION: ORGANIZATION,
    SECURITHINGS_CLIENT_ID: 'hostile-client',
    SECURITHINGS_CLIENT_SECRET: SECRET,
  };
  const result = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', reports], { env });
  const files = readdirSync(reports, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  const outputs = Object.fromEntries([
    ['stdout', result.stdout],
    ['stderr', result.stderr],
    ...files.map((f) => [f.name, readFileSync(join(f.parentPath, f.name), 'utf8')]),
  ]);
  return { server, code: result.code, outputs };
}

describe('a hostile server hiding the secret and an opaque token in header names, deep escaped JSON and failing checks', () => {
  let run: Run;
  beforeAll(async () => {
    run = await hostileRun();
  }, 120_000);

  it('really ran: the token was used, the JWT check failed, header names and the deep body reached the reports', () => {
    expect(run.server.seen.some((s) => s.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(run.code).toBe(1);
    expect(run.outputs.stdout).toMatch(/FAIL.*access_token is a JWT/);
    expect(run.outputs['contract-report.html']).toContain('x-s-[REDACTED]');
    expect(run.outputs['contract-report.html']).toContain('[[[[');
    expect(Object.keys(run.outputs).length).toBeGreaterThan(3);
  });

  it.each([
    ['the client secret', SECRET],
    ['the token', TOKEN],
  ])('no output holds %s, or any 8 characters in a row of it, in any case, as written or decoded', (_, value) => {
    const leaks = Object.entries(run.outputs).flatMap(([name, text]) => {
      const readings = [text.toLowerCase(), decoded(text).toLowerCase()];
      return parts(value)
        .filter((part) => readings.some((r) => r.includes(part)))
        .map((part) => `${name}: ${part}`);
    });
    expect(leaks).toEqual([]);
  });
});
