// Printable output: a server whose status text and token `error` field hold terminal escapes
// (colour, clear screen, window title, bell) and a bidi override. What the run prints shows them
// as visible escapes; none reaches the terminal as is.
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../contract/redact.js';
import { summaryReporter } from '../../contract/reporters/summary.js';
import { runContract } from '../../contract/run.js';
import { hostileServer, raw } from './hostile-server.js';
import { planFor } from './plan.js';

const TOKEN = JSON.stringify({ access_token: 'opaque-escape-token-0123456789', token_type: 'Bearer', expires_in: 3600 });
/** Anything a terminal acts on: C0 but the line break, DEL, C1, the bidi overrides. */
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function printed(baseUrl: string) {
  let terminal = '';
  const summary = await runContract(planFor(baseUrl), [summaryReporter((text) => (terminal += text))], new Redactor());
  return { terminal, summary };
}

describe('terminal escapes from a server', () => {
  it('in the token answer (status text and OAuth error): the one stop message shows them escaped', async () => {
    const server = await hostileServer((req) =>
      raw(req, '400 Bad \x1b[31mRequest\x1b]0;pwned\x07', { 'content-type': 'application/json' }, '{"error":"\\u001b[31minvalid_client\\u202e\\u0007"}'),
    );
    const { terminal, summary } = await printed(server.url);
    expect(summary.stop?.exitCode).toBe(2);
    expect(summary.stop?.message).toContain('answered 400 Bad \\x1b[31mRequest\\x1b]0;pwned\\x07, error "\\x1b[31minvalid_client\\u{202e}\\x07"');
    expect(terminal).not.toMatch(ACTING);
    expect(terminal).toContain('error "\\x1b[31minvalid_client\\u{202e}\\x07"');
    expect(server.seen).toHaveLength(1);
  });

  it('in the status text of data answers: every request line shows them escaped', async () => {
    const server = await hostileServer((req, res) => {
      if (req.url?.startsWith('/token/')) return raw(req, '200 OK', { 'content-type': 'application/json' }, TOKEN);
      raw(req, '200 OK\x1b[2J\x1b[31m\u009b6n', { 'content-type': 'application/json' }, '{"devices":[],"total":0}');
      void res;
    });
    const { terminal } = await printed(server.url);
    expect(terminal).toContain('200 OK\\x1b[2J\\x1b[31m');
    expect(terminal).not.toMatch(ACTING);
  });
});
