// Hand-built run records for the reporter tests: what the runner hands every reporter.
import type { AssertionRecord, RequestRecord, RunSummary } from '../../../contract/events.js';

export interface Run {
  summary: RunSummary;
  requests: RequestRecord[];
  assertions: AssertionRecord[];
}

const START = Date.parse('2026-12-01T20:10:03.250Z');

export function request(item: string, extra: Partial<RequestRecord> = {}): RequestRecord {
  return {
    item,
    method: 'GET',
    url: 'http://127.0.0.1:4010/v1/devices',
    requestHeaders: [['Authorization', '[REDACTED]']],
    status: 200,
    statusText: 'OK',
    responseTimeMs: 12,
    responseHeaders: [['Content-Type', 'application/json']],
    contentType: 'application/json',
    responseBody: '{\n  "total": 0\n}',
    tokenRequest: false,
    at: START + 100,
    ...extra,
  };
}

export const pass = (item: string, name: string): AssertionRecord => ({ item, name, passed: true, skipped: false });
export const fail = (item: string, name: string, message: string, details?: string[]): AssertionRecord => ({
  item,
  name,
  passed: false,
  skipped: false,
  message,
  ...(details ? { details } : {}),
});
export const skip = (item: string, name: string, skipReason: string): AssertionRecord => ({ item, name, passed: false, skipped: true, skipReason });

/** The summary the runner's collector would build from these records. */
export function run(requests: RequestRecord[], assertions: AssertionRecord[], extra: Partial<RunSummary> = {}): Run {
  const summary: RunSummary = {
    target: 'http://127.0.0.1:4010',
    environment: 'local',
    description: 'SecuriThings API v1',
    startedAt: new Date(START).toISOString(),
    wallTimeMs: 2345,
    requests: requests.length,
    tokenRequests: requests.filter((r) => r.tokenRequest).length,
    tokensIssued: requests.filter((r) => r.tokenRequest && r.status === 200).length,
    assertions: assertions.length,
    failures: assertions.filter((a) => !a.passed && !a.skipped),
    skipped: assertions.filter((a) => a.skipped),
    errors: requests.filter((r) => r.error).map((r) => `${r.item}: ${r.error}`),
    notes: [],
    skippedItems: [],
    ...extra,
  };
  return { summary, requests, assertions };
}

const TOKEN = 'Auth / Get access token';
const LIST = 'Devices / Get Devices';
const BY_ID = 'Devices / Get Device By ID';
const REFUSED = 'Contract checks / Get Devices refused without a bearer token';

export const SCHEMA_ERRORS = Array.from({ length: 26 }, (_, i) => `data.items[${i}].id should be string`);

/** Every check passed; Get Device By ID was not sent (the list was empty). */
export function passingRun(): Run {
  return run(
    [
      request(TOKEN, { method: 'POST', url: 'http://127.0.0.1:4010/token/demo', tokenRequest: true, responseBody: '{\n  "access_token": "[REDACTED]"\n}' }),
      request(LIST, { at: START + 300 }),
      request(REFUSED, { status: 401, statusText: 'Unauthorized', at: START + 500 }),
    ],
    [
      pass(TOKEN, 'status is 200'),
      pass(TOKEN, 'the token lives the documented 3600 s'),
      pass(LIST, 'status is 200'),
      pass(LIST, 'body matches the DeviceList schema'),
      pass(REFUSED, 'status is 401'),
    ],
    { skippedItems: [{ item: BY_ID, reason: 'deviceId not set (Get Devices returned no device)' }] },
  );
}

/** Get Devices answers 404 with a body to escape, checks after the status are skipped; the list schema fails with 26 errors. */
export function failingRun(): Run {
  const hostile = '{\n  "error": "<script>alert(1)</script> & ]]> \u0000\u0007 \ud800 end"\n}';
  const long = `{\n  "items": [${'"x",'.repeat(1500)}"x"]\n}`;
  return run(
    [
      request(TOKEN, { method: 'POST', url: 'http://127.0.0.1:4010/token/demo', tokenRequest: true }),
      request(LIST, { status: 200, responseBody: long, responseBodyCut: { shownBytes: Buffer.byteLength(long), totalBytes: 300 * 1024 }, at: START + 300 }),
      request(BY_ID, { url: 'http://127.0.0.1:4010/v1/devices/dev-1', status: 404, statusText: 'Not Found', responseBody: hostile, at: START + 500 }),
    ],
    [
      pass(TOKEN, 'status is 200'),
      pass(LIST, 'status is 200'),
      fail(LIST, 'body matches the DeviceList schema', `${SCHEMA_ERRORS.slice(0, 3).join('; ')} (and 23 more)`, SCHEMA_ERRORS),
      fail(BY_ID, 'status is 200', 'expected response to have status code 200 but got 404'),
      skip(BY_ID, 'content type is JSON', 'status is 200 failed'),
      skip(BY_ID, 'body matches the Device schema', 'status is 200 failed'),
    ],
  );
}

/** The token endpoint refused the credentials: the run stopped before any data request. */
export function stoppedRun(): Run {
  return run(
    [
      request(TOKEN, {
        method: 'POST',
        url: 'http://127.0.0.1:4010/token/demo',
        tokenRequest: true,
        status: 401,
        statusText: 'Unauthorized',
        responseBody: '{\n  "error": "invalid_client"\n}',
      }),
    ],
    [
      fail(TOKEN, 'status is 200', 'expected response to have status code 200 but got 401'),
      skip(TOKEN, 'body matches the token schema', 'status is 200 failed'),
    ],
    {
      stop: {
        exitCode: 2,
        message: 'The token endpoint refused the credentials: 401 invalid_client. Check SECURITHINGS_CLIENT_ID and SECURITHINGS_CLIENT_SECRET (from .env).',
      },
    },
  );
}

/** No answer at all, and a script error outside any check. */
export function brokenRun(): Run {
  const r = run(
    [
      request(LIST, {
        status: undefined,
        statusText: undefined,
        responseTimeMs: undefined,
        responseHeaders: [],
        contentType: undefined,
        responseBody: undefined,
        error: 'connect ECONNREFUSED 127.0.0.1:4010',
        errorCode: 'ECONNREFUSED',
      }),
    ],
    [fail(LIST, 'status is 200', 'expected response to have status code 200 but got undefined')],
  );
  r.summary.errors.push('script error: pm.foo is not a function');
  return r;
}
