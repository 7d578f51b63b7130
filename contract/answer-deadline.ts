// newman's timeoutRequest is postman-request's timeout: a connect timer, then an idle-socket
// timer, so an answer that trickles a byte every few seconds is never cut. For the length of a
// run, every request the runtime sends (the items' and the scripts' pm.sendRequest) gets a timer
// for the whole answer: when it fires, the request is aborted and fails with ANSWER_TIMEOUT_CODE.
// The run can also cut every request still in flight at once (its own deadline).
//
// Which run a request belongs to: newman hands its `requestAgents` object, as it is, to every
// requester of the run. An empty one changes nothing (postman-request takes an agent from it only
// when it has `http` or `https`), so a fresh empty object per run is the run's key, and
// overlapping runs each keep their own deadline. It is a class instance: newman's option
// loading deep-copies plain objects, and keeps other objects as they are.
import { newmanModule } from './newman-runtime.js';

/** The code of the error a request fails with when its whole answer did not come in time. */
export const ANSWER_TIMEOUT_CODE = 'EANSWERTIMEOUT';

type Callback = (error: Error | null, ...rest: unknown[]) => void;
type Request = (
  this: { options: { agents?: object } },
  id: string,
  request: unknown,
  behavior: unknown,
  callback: Callback,
) => { abort?: () => void } | undefined;

const requester = newmanModule<{ Requester: { prototype: { request: Request } } }>('postman-runtime/lib/requester/requester.js');

/** One run's deadline: `key` goes in newman's `requestAgents`; `cutAll` fails every request in flight with `error` and aborts it. */
export interface TimedRun {
  key: object;
  cutAll(error: Error): void;
}

interface RunDeadline {
  answerMs: number | undefined;
  cuts: Set<(error: Error) => void>;
}

class RunKey {}

const runs = new WeakMap<object, RunDeadline>();
let original: Request | undefined;
let active = 0;

function install(): void {
  const prototype = requester().Requester.prototype;
  const request = (original ??= prototype.request);
  prototype.request = function (id, sdkRequest, behavior, callback) {
    const deadline = this.options.agents ? runs.get(this.options.agents) : undefined;
    if (!deadline) return request.call(this, id, sdkRequest, behavior, callback);
    return timedRequest(deadline, (done) => request.call(this, id, sdkRequest, behavior, done), sdkRequest, callback);
  };
}

function timedRequest(deadline: RunDeadline, send: (done: Callback) => ReturnType<Request>, sdkRequest: unknown, callback: Callback): ReturnType<Request> {
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish: Callback = (error, ...rest) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    deadline.cuts.delete(cut);
    callback(error, ...rest);
  };
  // the runtime's callback wants the request it sent, to report it; there is no answer to give
  const cut = (error: Error) => {
    if (settled) return;
    finish(error, undefined, sdkRequest, [], undefined);
    sent?.abort?.();
  };
  deadline.cuts.add(cut);
  if (deadline.answerMs !== undefined) timer = setTimeout(() => cut(answerTimeout(deadline.answerMs!)), deadline.answerMs);
  const sent = send(finish);
  return sent;
}

function answerTimeout(ms: number): Error {
  return Object.assign(new Error(`no whole answer within ${ms / 1000} s`), { code: ANSWER_TIMEOUT_CODE });
}

/**
 * Runs `work` with each answer of the newman run given `key` as its `requestAgents` bounded to
 * `answerMs` from the request to its last byte (no bound when undefined).
 */
export async function withAnswerDeadline<T>(answerMs: number | undefined, work: (run: TimedRun) => Promise<T>): Promise<T> {
  const deadline: RunDeadline = { answerMs, cuts: new Set() };
  const key = new RunKey();
  runs.set(key, deadline);
  if (active++ === 0) install();
  try {
    return await work({ key, cutAll: (error) => [...deadline.cuts].forEach((cut) => cut(error)) });
  } finally {
    if (--active === 0 && original) requester().Requester.prototype.request = original;
  }
}
