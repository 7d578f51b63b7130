// `auth.rateLimit` is optional: a vendor may document none. Such a description loads, every
// client is generated without a token limit (no pacing of the token endpoint), the reference
// server enforces none, and a 429 from its token endpoint is drift (an undocumented status).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driftOf } from '../../contract/drift/drift.js';
import { loadSpec } from '../../loader/index.js';
import { tokenFormFields } from '../../model/token-form.js';
import { DEMO, startReferenceServer } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { applyEdit } from '../support/text-edit.js';

const SPEC = join(import.meta.dirname, '../../examples/parcel-tracker.yaml');
const TOKEN_LIMIT = '  rateLimit:\n    requests: 10\n    perSeconds: 60\n    per: [ip]\n';

function withoutTokenLimit(): { file: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'no-token-limit-'));
  const text = applyEdit(readFileSync(SPEC, 'utf8'), { remove: TOKEN_LIMIT }).text;
  const file = join(dir, 'parcels.yaml');
  writeFileSync(file, text);
  return { file, text };
}

describe('a description without auth.rateLimit', () => {
  const { file, text } = withoutTokenLimit();

  it('loads, with no token rate limit in the model', () => {
    expect(loadSpec(Buffer.from(text), file).auth.rateLimit).toBeUndefined();
  });

  it('generates every client, none with a token limit, and passes its contract against the embedded server with --rate-limits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-token-limit-run-'));
    const collections = join(dir, 'collections');
    expect(await runCli(['generate', '--spec', file, '--out', collections])).toMatchObject({ code: 0, stderr: '' });
    const openapi = readFileSync(join(collections, 'parcel-tracker.openapi.yaml'), 'utf8');
    expect(openapi).not.toContain('x-rate-limit');
    expect(openapi).not.toContain('"429"');
    const collection = readFileSync(join(collections, 'parcel-tracker.postman_collection.json'), 'utf8');
    expect(collection).not.toContain('\\"key\\":\\"token\\"'); // the pacing table has no token endpoint
    const result = await runCli([
      'contract',
      '--spec',
      file,
      '--collections',
      collections,
      '--reports',
      join(dir, 'reports'),
      '--rate-limits',
      '--fail-on-drift',
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/documented rate limits on: PASSED/);
    expect(result.code).toBe(0);
  });

  it('is not rate limited by the reference server, however many token requests it gets', async () => {
    const model = loadSpec(Buffer.from(text), file);
    const server = await startReferenceServer(model, { rateLimits: true });
    try {
      const body = new URLSearchParams(tokenFormFields(model.auth, { id: DEMO.clientId, secret: DEMO.clientSecret })).toString();
      const statuses = [];
      for (let i = 0; i < 15; i++) {
        const answer = await fetch(`${server.url}${model.auth.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
        statuses.push(answer.status);
      }
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await server.close();
    }
  });

  it('counts a 429 from its token endpoint as an undocumented status', () => {
    const model = loadSpec(Buffer.from(text), file);
    const answer = {
      item: 'Auth / Get access token',
      endpoint: 'token',
      method: 'POST',
      url: `https://api.parcels.example${model.auth.path}`,
      requestHeaders: [],
      responseHeaders: [],
      status: 429,
      tokenRequest: true,
      at: 0,
    };
    expect(driftOf(model, [answer]).token!.undocumentedStatuses).toEqual([{ status: 429, answers: 1 }]);
  });
});
