// The contract run's front door, step one: the planner. It takes what a caller knows (the model,
// the collection and its environment file, where the run goes) and settles every other choice
// once (pacing, deadlines, how reports name the target, which requests are token requests), so
// the CLI, the tests and the bench all run the same plan.
import { separateTokenHost, type ApiModel } from '../model/model.js';
import { SCRIPT_VARIABLES } from '../model/script-variables.js';
import { requestKinds } from './request-kinds.js';
import type { ContractPlan } from './run.js';
import { embeddedTargetName, type Credentials } from './target.js';

/** Seconds one whole answer may take by default, from the request to its last byte. */
export const DEFAULT_ANSWER_TIMEOUT_S = 30;
/** The least time a run gets by default: enough for the documented rate limits' pacing. */
export const MIN_RUN_TIMEOUT_S = 600;

/** Where the run goes: the embedded reference server (started by the caller) or an API named by the settings. */
export type RunTarget =
  | { kind: 'embedded'; url: string; credentials: Credentials; rateLimits: boolean; environmentLabel?: string }
  | { kind: 'remote'; credentials: Credentials; environmentLabel?: string };

export interface ContractInput {
  model: ApiModel;
  /** The committed Postman collection, parsed. */
  collection: object;
  /** The Postman environment file of the environment the run uses, parsed. */
  environment: object;
  target: RunTarget;
  /** Pace requests to the documented rate limits. Default: on against a remote API, and against an embedded server that enforces them. */
  pacing?: boolean;
  /** Default DEFAULT_ANSWER_TIMEOUT_S. */
  answerTimeoutMs?: number;
  /** How long a socket may stay idle; default: the answer timeout. */
  idleTimeoutMs?: number;
  /** Default: runDeadlineMs for the collection's requests. */
  runTimeoutMs?: number;
}

export function planContract(input: ContractInput): ContractPlan {
  const { model, target } = input;
  const pacing = input.pacing ?? (target.kind === 'remote' || target.rateLimits);
  // always given on a token host of its own: else the environment file's (production's) would get the secret
  const tokenHost = separateTokenHost(model) ? { tokenBaseUrl: target.credentials.tokenBaseUrl ?? target.credentials.baseUrl } : {};
  const values = { ...target.credentials, ...tokenHost, [SCRIPT_VARIABLES.pacing]: pacing ? 'on' : 'off', [SCRIPT_VARIABLES.contractRun]: 'on' };
  const kinds = requestKinds(model, values);
  const answerTimeoutMs = input.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_S * 1000;
  return {
    collection: input.collection,
    environment: input.environment,
    values,
    delayRequestMs: 0, // the collection paces itself, per endpoint (generators/postman/scripts/pacing.ts)
    timeoutRequestMs: input.idleTimeoutMs ?? answerTimeoutMs,
    answerTimeoutMs,
    runTimeoutMs: input.runTimeoutMs ?? runDeadlineMs(Object.keys(kinds.itemTargets).length, answerTimeoutMs),
    ...kinds,
    target: shownTarget(model, target),
    ...(target.environmentLabel === undefined ? {} : { environmentLabel: target.environmentLabel }),
    descriptionName: `${model.info.name} ${model.info.version}`,
  };
}

/** The default run deadline: each request of the collection may take the whole answer deadline, and a run gets at least MIN_RUN_TIMEOUT_S. */
export function runDeadlineMs(requests: number, answerTimeoutMs: number): number {
  const MAX_TIMER_MS = 2 ** 31 - 1; // a longer timer would fire at once
  return Math.min(MAX_TIMER_MS, Math.max(MIN_RUN_TIMEOUT_S * 1000, requests * answerTimeoutMs));
}

/** How the terminal and every report name the target: an embedded run always says so. */
function shownTarget(model: ApiModel, target: RunTarget): string {
  if (target.kind === 'remote') return target.credentials.baseUrl;
  return `${embeddedTargetName(model)} at ${target.url}${target.rateLimits ? ', documented rate limits on' : ''}`;
}
