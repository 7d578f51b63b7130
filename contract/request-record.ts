// One request of the run as reporters see it: newman's request and answer turned into a plain,
// redacted record. Tokens are learned (from the Authorization header and from every token answer)
// before anything of the request is rendered.
import type { NewmanRunExecution } from 'newman';
import { keptBody } from './body.js';
import { answerJson } from './drift/answer-json.js';
import type { RequestRecord } from './events.js';
import { printable } from './printable.js';
import type { Redactor } from './redact.js';
import { TOKEN_ENDPOINT } from '../model/ids.js';
import { withoutQuery, type ItemTarget } from './request-kinds.js';
import { MAX_RESPONSE_BYTES, TOO_LARGE_MESSAGE } from './response-limit.js';

export interface RequestArgs {
  item: { id: string; name: string };
  request: NewmanRunExecution['request'];
  response?: NewmanRunExecution['response'];
}

export interface RequestContext {
  item: string;
  /** What the item being run exercises, when known. */
  target?: ItemTarget;
  /** Whether the request came from the item itself (not from a script's pm.sendRequest). */
  ownRequest: boolean;
  tokenUrl: string;
  redactor: Redactor;
}

export function requestRecord(error: Error | null, { request, response }: RequestArgs, context: RequestContext): RequestRecord {
  const { redactor } = context;
  const url = request.url.toString();
  const tokenRequest = withoutQuery(url) === withoutQuery(context.tokenUrl);
  const requestHeaders = request.headers.all().map((h) => [h.key, h.value] as [string, string]);
  for (const [name, value] of requestHeaders) if (/^authorization$/i.test(name)) redactor.add(value.replace(/^\S+\s+/, ''));
  const body = response ? response.text() : undefined;
  if (tokenRequest && body) redactor.addFromTokenBody(body);
  return {
    item: context.item,
    ...kind(tokenRequest, context),
    method: request.method,
    url: redactor.text(url),
    requestHeaders: requestHeaders.map(([k, v]) => shownHeader(k, v, redactor)),
    ...(response ? answer(response, body ?? '', redactor) : { responseHeaders: [] }),
    ...(error ? transportError(error, redactor) : {}),
    tokenRequest,
    at: Date.now(),
  };
}

function kind(tokenRequest: boolean, { target, ownRequest }: RequestContext): Pick<RequestRecord, 'endpoint' | 'caseId'> {
  if (!ownRequest) return tokenRequest ? { endpoint: TOKEN_ENDPOINT } : {};
  return target ? { endpoint: target.endpoint, ...(target.caseId ? { caseId: target.caseId } : {}) } : {};
}

type Answer = Pick<
  RequestRecord,
  'status' | 'statusText' | 'responseTimeMs' | 'responseHeaders' | 'contentType' | 'responseBody' | 'responseBodyCut' | 'responseJson'
>;

function answer(response: NonNullable<RequestArgs['response']>, body: string, redactor: Redactor): Answer {
  const contentType = shownContentType(response.headers.get('Content-Type'), redactor);
  return {
    status: response.code,
    statusText: printable(redactor.text(response.status ?? '')),
    responseTimeMs: response.responseTime,
    responseHeaders: response.headers.all().map((h) => shownHeader(h.key, h.value, redactor)),
    ...(contentType ? { contentType } : {}),
    ...keptWhole(body, redactor),
  };
}

/** A header as reports show it: its name is from the network as much as its value, so both are redacted. */
function shownHeader(name: string, value: string, redactor: Redactor): [string, string] {
  return [printable(redactor.text(name)), printable(redactor.header(name, value))];
}

/** The media type, lower-cased, then redacted (the redactor ignores case). */
function shownContentType(header: string | undefined, redactor: Redactor): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? printable(redactor.text(type)) : undefined;
}

/** The report's copy of the body, and the whole answer's redacted JSON, at any depth, for drift and coverage. */
export function keptWhole(body: string, redactor: Redactor): ReturnType<typeof keptBody> {
  const kept = keptBody(body, redactor);
  if (kept.responseJson !== undefined) return kept;
  const json = answerJson(body, redactor);
  return json === undefined ? kept : { ...kept, responseJson: json };
}

function transportError(error: Error, redactor: Redactor): Pick<RequestRecord, 'error' | 'errorCode'> {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    error.message === TOO_LARGE_MESSAGE
      ? `the answer was larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB (decompressed); not kept, its checks did not run`
      : printable(redactor.text(error.message));
  return { error: message, ...(typeof code === 'string' ? { errorCode: printable(code) } : {}) };
}
