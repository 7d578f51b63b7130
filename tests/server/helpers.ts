// Shared helpers for the reference server tests: one parsed model, real HTTP, a hand-driven clock.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { schemaCompiler } from '../../loader/schemas.js';
import { startReferenceServer, type RunningServer, type ServerOptions } from '../../server/index.js';
import { fixtureModel } from '../support/model.js';

export const model = fixtureModel();

export interface Credentials {
  organization: string;
  clientId: string;
  clientSecret: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: any;
}

export function start(options: ServerOptions = {}): Promise<RunningServer> {
  return startReferenceServer(model, options);
}

export function basic(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;
}

export async function call(server: RunningServer, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(server.url + path, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export function requestToken(server: RunningServer, credentials: Credentials, init: RequestInit = {}): Promise<Answer> {
  return call(server, `/token/${encodeURIComponent(credentials.organization)}`, {
    method: 'POST',
    ...init,
    headers: { authorization: basic(credentials.clientId, credentials.clientSecret), ...(init.headers as Record<string, string>) },
  });
}

export async function tokenFor(server: RunningServer, credentials: Credentials): Promise<string> {
  const answer = await requestToken(server, credentials);
  if (answer.status !== 200) throw new Error(`token request failed: ${answer.status} ${answer.text}`);
  return answer.body.access_token as string;
}

export function getWith(server: RunningServer, path: string, token?: string): Promise<Answer> {
  return call(server, path, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
}

/** A clock the test moves by hand. */
export function manualClock(startMs = Date.UTC(2025, 0, 1)): { now: () => number; advance: (ms: number) => void } {
  let current = startMs;
  return { now: () => current, advance: (ms) => void (current += ms) };
}

/** A GET from a chosen loopback source address (127.0.0.2, ...), to act as a second client IP. */
export function getFrom(server: RunningServer, localAddress: string, path: string, token: string): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(server.url + path, { localAddress, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(res.headers['retry-after'] ? { retryAfter: res.headers['retry-after'] } : {}) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The documented schema validator for `name` in the model. */
export function schemaValidator(name: string): (value: unknown) => boolean {
  const validate = schemaCompiler()(model.schemas[name]!);
  if (typeof validate === 'string') throw new Error(validate);
  return (value) => validate(value) as boolean;
}

/** Every error body must be exactly `{error, error_description}`, both strings. */
export function isErrorBody(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const keys = Object.keys(body).sort();
  const { error, error_description } = body as Record<string, unknown>;
  return keys.join() === 'error,error_description' && typeof error === 'string' && typeof error_description === 'string';
}

/** One request written byte for byte on a fresh connection (`Connection: close`), the answer parsed loosely. */
export function rawHttp(server: RunningServer, head: string, body = '', host = '127.0.0.1'): Promise<Answer> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(`${head}\r\nHost: ${host}\r\nConnection: close\r\n\r\n${body}`));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => resolve(parseAnswer(received)));
    // The server may answer and close before it has read everything (413, 431): the answer still counts.
    socket.on('error', (error) => (received ? undefined : reject(error)));
  });
}

function parseAnswer(text: string): Answer {
  const split = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n');
  const headers = new Headers(lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()] as [string, string]));
  const bodyText = text.slice(split + 4);
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, text: bodyText, body };
}
