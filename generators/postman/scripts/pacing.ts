// Rate-limit pacing in the collection's own scripts, so newman and a person clicking Send in the
// Postman app pace alike. Each endpoint (method and path template; the token endpoint too) has a
// sliding window of its documented limit, N requests per T seconds: the k-th request to it waits
// until the answer to request k-N came T seconds ago (plus a margin). A request never waits for
// requests to other endpoints. The window counts from the answer, not the send: the server saw
// the request before it answered, so network latency can never make the pacing too eager.
// State lives in a collection variable; the `rateLimitPacing` variable set to `off` turns it off.
import { TOKEN_ENDPOINT } from '../../../model/ids.js';
import type { ApiModel, RateLimit } from '../../../model/model.js';
import { SCRIPT_VARIABLES } from '../../../model/script-variables.js';
import { indent } from './js.js';

/** Added to every wait, for clock granularity and the server's own bookkeeping. */
export const MARGIN_MS = 50;

interface PacedEndpoint {
  key: string;
  method: string;
  /** The variable holding the resource's base path on the current environment; absent for the token path. */
  base?: string;
  /** Path segments below the base; `{name}` matches any one segment. */
  path: string[];
  requests: number;
  perSeconds: number;
}

const segments = (path: string) => path.split('/').filter((s) => s !== '');

function pacedEndpoints(model: ApiModel): PacedEndpoint[] {
  const window = (limit: RateLimit) => ({ requests: limit.requests, perSeconds: limit.perSeconds });
  const limit = model.auth.rateLimit;
  // no documented limit: the token endpoint is not paced (a 429 is still honoured by the recover script)
  const token: PacedEndpoint[] = limit ? [{ key: TOKEN_ENDPOINT, method: model.auth.method, path: segments(model.auth.path), ...window(limit) }] : [];
  const data = model.resources.flatMap((r) =>
    r.rateLimit ? r.endpoints.map((e) => ({ key: e.id, method: e.method, base: r.pathVariable, path: segments(e.path), ...window(r.rateLimit!) })) : [],
  );
  return [...token, ...data];
}

/** Sandbox source that reads and writes the pacing state (both scripts need it). */
const STATE_JS = [
  `const pacingOn = String(pm.variables.get(${JSON.stringify(SCRIPT_VARIABLES.pacing)}) || 'on') !== 'off';`,
  `const readPacing = () => { try { const s = JSON.parse(pm.collectionVariables.get(${JSON.stringify(SCRIPT_VARIABLES.pacingState)}) || '{}'); return s && s.windows ? s : { windows: {} }; } catch (e) { return { windows: {} }; } };`,
  `const writePacing = (s) => pm.collectionVariables.set(${JSON.stringify(SCRIPT_VARIABLES.pacingState)}, JSON.stringify(s));`,
];

/**
 * The collection pre-request script's first part: defines `pacing` (with `send`, a paced
 * pm.sendRequest to the token endpoint, for the token script) and paces the request about to go.
 */
export function pacingScript(model: ApiModel): string[] {
  return `
// Paces requests per endpoint to the documented rate limits (generated; see the collection description).
${STATE_JS.join('\n')}
const pacing = (function () {
  const ENDPOINTS = ${JSON.stringify(pacedEndpoints(model))};
  const parts = (path) => String(path).split('/').filter((s) => s !== '');
  const fits = (e, method, path) => {
    const template = (e.base ? parts(pm.variables.get(e.base) || '') : []).concat(e.path);
    return e.method === method && template.length === path.length && template.every((t, i) => t.charAt(0) === '{' || t === path[i]);
  };
  const keyOf = (method, path) => { const e = ENDPOINTS.find((x) => fits(x, method, parts(path))); return e ? e.key : ''; };
  // Takes the next place in the endpoint's window; answers how long to wait for it (ms).
  const reserve = (key) => {
    const e = ENDPOINTS.find((x) => x.key === key);
    if (!pacingOn || !e) return 0;
    const state = readPacing();
    const times = state.windows[key] || [];
    const now = Date.now();
    const at = times.length >= e.requests ? Math.max(now, times[times.length - e.requests] + e.perSeconds * 1000 + ${MARGIN_MS}) : now;
    state.windows[key] = times.concat([at]).slice(-e.requests);
    writePacing(state);
    return at - now;
  };
  // The answer arrived: the window counts from now.
  const answered = (key) => {
    const state = readPacing();
    const times = state.windows[key];
    if (times && times.length > 0) times[times.length - 1] = Date.now();
    writePacing(state);
  };
  const send = (request, callback) => setTimeout(() => pm.sendRequest(request, (error, response) => { answered(${JSON.stringify(TOKEN_ENDPOINT)}); callback(error, response); }), reserve(${JSON.stringify(TOKEN_ENDPOINT)}));
  return { keyOf, reserve, send };
})();
(function () {
  const key = pacingOn ? pacing.keyOf(pm.request.method, pm.variables.replaceIn(pm.request.url.getPath())) : '';
  const wait = key ? pacing.reserve(key) : 0;
  const state = readPacing();
  state.pending = key;
  writePacing(state);
  if (wait > 0) setTimeout(function () {}, wait);
})();
`
    .trim()
    .split('\n');
}

/** The collection test script's first part: the answer to the paced request arrived. */
export function pacingAnsweredScript(): string[] {
  return `
// The paced request was answered: its endpoint's window counts from now (generated).
(function () {
${indent(STATE_JS, '  ')}
  const state = readPacing();
  const times = state.pending ? state.windows[state.pending] : undefined;
  if (!pacingOn || !times || times.length === 0) return;
  times[times.length - 1] = Date.now();
  state.pending = '';
  writePacing(state);
})();
`
    .trim()
    .split('\n');
}
