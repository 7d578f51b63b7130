// A hostile server echoes the client secret and the token it issued in every form a server may
// use (JSON-escaped the PHP/Python way, URL-encoded, base64, base64url, HTTP Basic), in body
// values, body keys, headers and a plain-text body, and inside longer base64 blobs, behind a
// gateway prefix (/api). The token answer is JSON in one run and form-encoded in the other.
// Nothing the run prints or writes may hold any of them, or decode to them.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { hostileServer, json, type HostileServer } from './hostile-server.js';
import { decodedRuns } from '../support/decoded-runs.js';

const CLIENT_ID = 'hostile-client';
const ORGANIZATION = 'acme';

/** Every form, written out here independently of the redactor's own list. */
function forms(value: string): Record<string, string> {
  const standard = JSON.stringify(value).slice(1, -1);
  const unicode = (upper: boolean) =>
    standard.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')[upper ? 'toUpperCase' : 'toLowerCase']()}`);
  const component = encodeURIComponent(value);
  const base64 = Buffer.from(value).toString('base64');
  return {
    raw: value,
    'JSON (standard)': standard,
    'JSON (PHP: \\/ and \\u00e9)': unicode(false).replace(/\//g, '\\/'),
    'JSON (Python: \\u00E9)': unicode(true),
    'URL-encoded': component,
    'URL-encoded, lower-case hex': component.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    'form-encoded (+ for space)': component.replace(/%20/g, '+'),
    base64,
    'base64 without padding': base64.replace(/=+$/, ''),
    base64url: Buffer.from(value).toString('base64url'),
  };
}

/** What a reader of the XML or HTML sees: the entities decoded. */
function unescapeMarkup(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.startsWith('#x') || name.startsWith('#X') ? `0x${name.slice(2)}` : name.slice(1)));
    return named[name] ?? entity;
  });
}

const asciiOnly = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** A JSON body (as text, so escapes stay as the server wrote them) holding each form as a value and as a key. */
function echoJson(echoes: Record<string, string>): string {
  const entries = Object.entries(echoes).flatMap(([name, form], i) => [
    `"echo ${i} (${name.replace(/["\\]/g, '')})": "${form.replace(/"/g, '\\"')}"`,
    `"${form.replace(/"/g, '\\"')}": ${i}`,
  ]);
  return `{"devices": [{"id": "dev-1"}], "total": 1, ${entries.join(', ')}}`;
}

interface Run {
  server: HostileServer;
  stdout: string;
  stderr: string;
  junit: string;
  html: string;
  code: number;
}

async function hostileRun(tokenAnswer: 'json' | 'form', secret: string, token: string): Promise<Run> {
  const echoes = Object.fromEntries([...needles(secret, token), ...blobs(secret, token)]);
  const headers = Object.fromEntries(
    Object.entries(echoes)
      .filter(([, v]) => asciiOnly(v))
      .map(([, v], i) => [`x-echo-${i}`, v]),
  );
  const server = await hostileServer((req, res) => {
    if (req.url === `/api/token/${ORGANIZATION}`) {
      if (tokenAnswer === 'json') return json(res, 200, JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }), headers);
      res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded', ...headers });
      return res.end(new URLSearchParams({ access_token: token, token_type: 'bearer', expires_in: '3600', echo: secret }).toString());
    }
    if (req.url?.startsWith('/api/v1/devices/')) {
      res.writeHead(200, { 'content-type': 'text/plain', ...headers });
      return res.end(Object.values(echoes).join('\n'));
    }
    json(res, 200, echoJson(echoes), headers);
  });
  const reports = mkdtempSync(join(tmpdir(), 'hostile-reports-'));
  const env = {
    SECURITHINGS_BASE_URL: `${server.url}/api`,
    SECURITHINGS_ORGANIZATION: ORGANIZATION,
    SECURITHINGS_CLIENT_ID: CLIENT_ID,
    SECURITHINGS_CLIENT_SECRET: secret,
  };
  const result = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', reports], { env });
  const read = (file: string) => readFileSync(join(reports, file), 'utf8');
  return { server, ...result, junit: unescapeMarkup(read('contract-junit.xml')), html: unescapeMarkup(read('contract-report.html')) };
}

const basic = (secret: string) => Buffer.from(`${CLIENT_ID}:${secret}`).toString('base64');

function needles(secret: string, token: string): [string, string][] {
  const named = (what: string, value: string) => Object.entries(forms(value)).map(([name, form]): [string, string] => [`${what}, ${name}`, form]);
  return [...named('the client secret', secret), ...named('the Basic credentials base64(id:secret)', basic(secret)), ...named('the token', token)];
}

/** The secret and the token inside longer base64 and base64url blobs, at each offset mod 3: no needle to find, only what decodes. */
function blobs(secret: string, token: string): [string, string][] {
  return [secret, token].flatMap((value, v) =>
    [0, 1, 2].flatMap((offset) =>
      (['base64', 'base64url'] as const).map((encoding): [string, string] => [
        `blob ${v}.${offset}.${encoding}`,
        Buffer.from(`${'x'.repeat(offset)}{"debug":"${value}"}`).toString(encoding),
      ]),
    ),
  );
}

/** A random secret with a slash, a plus, a space and a non-ASCII letter, whose Basic value holds `/`, `+` and `=`: every encoding then differs from the raw text. */
function hostileSecret(): string {
  for (let i = 0; i < 1000; i += 1) {
    const secret = `s\u00e9cr/t+ ${randomBytes(5 + (i % 3)).toString('hex')}??>>~~`;
    if (/\/.*\+|\+.*\//.test(basic(secret)) && basic(secret).endsWith('=')) return secret;
  }
  throw new Error('no hostile secret found');
}

const OUTPUTS = ['stdout', 'stderr', 'junit', 'html'] as const;
const hits = (run: Run, needle: string) => OUTPUTS.filter((output) => run[output].includes(needle));

describe.each(['json', 'form'] as const)('a hostile server behind /api, token answer in %s', (tokenAnswer) => {
  const secret = hostileSecret();
  const token = `opaque/${randomBytes(8).toString('hex')}+tok=`;
  let run: Run;
  beforeAll(async () => {
    run = await hostileRun(tokenAnswer, secret, token);
  }, 120_000);

  it('really ran: one token request through the gateway prefix, then the data requests', () => {
    expect(run.server.seen.filter((s) => s.url === `/api/token/${ORGANIZATION}`).length).toBeGreaterThanOrEqual(1);
    expect(run.server.seen.some((s) => s.url.startsWith('/api/v1/devices'))).toBe(true);
    if (tokenAnswer === 'json') expect(run.server.seen.some((s) => s.headers.authorization === `Bearer ${token}`)).toBe(true);
    expect(run.code).toBe(1); // the echo bodies break the schemas: the API's fault, not the run's
  });

  it.each(needles(secret, token))('nothing printed or written holds %s', (_, needle) => {
    expect(hits(run, needle)).toEqual([]);
  });

  it('no base64 or base64url run in anything printed or written decodes to the secret or the token, also where they sat inside a longer blob', () => {
    const inner = (value: string) => value.slice(2, -2);
    for (const output of OUTPUTS) {
      const decoded = decodedRuns(run[output]);
      expect(
        decoded.filter((text) => text.includes(inner(secret)) || text.includes(inner(token))),
        output,
      ).toEqual([]);
    }
  });
});
