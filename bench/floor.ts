// The floor: the same HTTP requests the committed collection sends (URLs, headers, auth), made with
// plain fetch from one Node process. Runs in the bench process, or (transpiled to plain JS by
// run.ts) as its own process that starts the embedded server itself, as the CLI does.
import type { PmNode, PmRequest } from './collection-variants.js';

export interface FloorRequest {
  name: string;
  method: string;
  /** With `{{variable}}` placeholders, resolved at send time. */
  url: string;
  headers: Record<string, string>;
  /** HTTP Basic credentials (templates), sent as an Authorization header. */
  basic?: { username: string; password: string };
}

export interface FloorResult {
  requests: number;
  /** performance.now() when the first request went out, and when the last answer was read. */
  firstRequestAt: number;
  lastAnswerAt: number;
  statuses: number[];
}

function authHeader(request: PmRequest): Record<string, string> {
  const auth = request.auth;
  if (!auth) return { Authorization: 'Bearer {{accessToken}}' }; // inherits the collection's oauth2
  if (auth.type === 'bearer') return { Authorization: `Bearer ${auth.bearer?.find((a) => a.key === 'token')?.value ?? ''}` };
  return {};
}

function basicAuth(request: PmRequest): FloorRequest['basic'] {
  if (request.auth?.type !== 'basic') return undefined;
  const get = (key: string) => request.auth?.basic?.find((a) => a.key === key)?.value ?? '';
  return { username: get('username'), password: get('password') };
}

function floorRequest(name: string, request: PmRequest): FloorRequest {
  let url = request.url.raw;
  for (const v of request.url.variable ?? []) url = url.replace(`:${v.key}`, v.value);
  const headers = Object.fromEntries((request.header ?? []).filter((h) => !h.disabled).map((h) => [h.key, h.value]));
  const basic = basicAuth(request);
  return { name, method: request.method, url, headers: { ...headers, ...authHeader(request) }, ...(basic ? { basic } : {}) };
}

/** Every item's request, in collection order. */
export function floorRequests(collection: PmNode, into: FloorRequest[] = []): FloorRequest[] {
  for (const child of collection.item ?? []) {
    if (child.request) into.push(floorRequest(child.name ?? '', child.request));
    floorRequests(child, into);
  }
  return into;
}

function resolve(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');
}

function headersOf(request: FloorRequest, vars: Record<string, string>): Record<string, string> {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, resolve(v, vars)]));
  if (request.basic) {
    const credentials = `${resolve(request.basic.username, vars)}:${resolve(request.basic.password, vars)}`;
    headers.Authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  return headers;
}

function capture(body: unknown, vars: Record<string, string>): void {
  const value = body as { access_token?: unknown; devices?: Array<{ id?: unknown }> } | null;
  if (typeof value?.access_token === 'string' && !vars.accessToken) {
    vars.accessToken = value.access_token;
    const [header, claims, signature = ''] = value.access_token.split('.');
    vars.tamperedToken = [header, claims, signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))].join('.');
  }
  const id = value?.devices?.[0]?.id;
  if (typeof id === 'string' && !vars.deviceId) vars.deviceId = id;
}

/** Sends the requests one after another, as newman does, reading every body. */
export async function replay(requests: FloorRequest[], values: Record<string, string>): Promise<FloorResult> {
  const vars = { ...values };
  const statuses: number[] = [];
  const firstRequestAt = performance.now();
  for (const request of requests) {
    const answer = await fetch(resolve(request.url, vars), { method: request.method, headers: headersOf(request, vars) });
    const text = await answer.text();
    statuses.push(answer.status);
    try {
      capture(JSON.parse(text), vars);
    } catch {
      // not JSON: nothing to capture
    }
  }
  return { requests: requests.length, firstRequestAt, lastAnswerAt: performance.now(), statuses };
}
