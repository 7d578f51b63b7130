// 405 with `Allow` for every method a known path does not serve: every method node's parser accepts
// (http.METHODS, so QUERY, PROPFIND, M-SEARCH, ... as well as the common ones), CONNECT included.
import { METHODS } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type RunningServer } from '../../server/index.js';
import { isErrorBody, rawHttp, start, tokenFor } from './helpers.js';

let server: RunningServer;
let token: string;
beforeAll(async () => {
  server = await start();
  token = await tokenFor(server, DEMO);
});
afterAll(() => server.close());

const PATHS: Array<[path: string, allowed: string]> = [
  ['/v1/devices', 'GET'],
  ['/v1/assets/devices/dev-demo-0001', 'GET'],
  ['/token/demo', 'POST'],
];
const cases = PATHS.flatMap(([path, allowed]) => METHODS.filter((m) => m !== allowed).map((method) => [method, path, allowed] as const));

describe('methods a known path does not serve', () => {
  it('covers the methods fastify does not know by default as well', () => {
    expect(METHODS).toEqual(expect.arrayContaining(['QUERY', 'PROPFIND', 'CONNECT', 'M-SEARCH']));
  });

  it.each(cases)('answer %s %s with 405 and Allow: %s', async (method, path, allowed) => {
    const answer = await rawHttp(server, `${method} ${path} HTTP/1.1\r\nAuthorization: Bearer ${token}`);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe(allowed);
    if (method === 'HEAD') expect(answer.text).toBe('');
    else expect(isErrorBody(answer.body), answer.text).toBe(true);
  });

  it('answers 405 before reading a body: a QUERY without a content type, an oversized PROPFIND', async () => {
    expect((await rawHttp(server, 'QUERY /v1/devices HTTP/1.1\r\nContent-Length: 2', '{}')).status).toBe(405);
    const big = 'a'.repeat(100 * 1024);
    const answer = await rawHttp(server, `PROPFIND /v1/devices HTTP/1.1\r\nContent-Type: application/xml\r\nContent-Length: ${big.length}`, big);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
  });

  it('does not count a refused method as a data request', async () => {
    const before = server.stats.dataRequests;
    await rawHttp(server, `PROPFIND /v1/devices HTTP/1.1\r\nAuthorization: Bearer ${token}`);
    expect(server.stats.dataRequests).toBe(before);
  });
});

describe('unknown paths', () => {
  it.each(['PROPFIND', 'QUERY', 'CONNECT', 'GET'])('answer %s with 404 JSON', async (method) => {
    const answer = await rawHttp(server, `${method} /v1/nothing-here HTTP/1.1${method === 'QUERY' ? '\r\nContent-Type: text/plain' : ''}`);
    expect(answer.status).toBe(404);
    expect(isErrorBody(answer.body)).toBe(true);
  });

  it('answer CONNECT to a host and port (a proxy request) with 404 JSON', async () => {
    const answer = await rawHttp(server, 'CONNECT example.com:443 HTTP/1.1');
    expect(answer.status).toBe(404);
    expect(isErrorBody(answer.body)).toBe(true);
  });
});
