// What the runner tells its reporters: plain, already-redacted records of the run.
// Reporters only listen: nothing they do changes the run.

export interface RequestRecord {
  /** Folder / request name, as newman shows it. */
  item: string;
  /** What the request exercised: a model endpoint id, or `token` for the token endpoint; absent when unknown. */
  endpoint?: string;
  /** The contract case the item runs, when it is one (model case id). */
  caseId?: string;
  method: string;
  url: string;
  requestHeaders: [string, string][];
  status?: number;
  statusText?: string;
  responseTimeMs?: number;
  responseHeaders: [string, string][];
  /** The answer's media type (`application/json`), lower-cased, without parameters. */
  contentType?: string;
  /** The answer's body for people, redacted before it was rendered, cut at the report limit. */
  responseBody?: string;
  /** Set when `responseBody` was cut: how many bytes of the answer it shows, of how many. */
  responseBodyCut?: { shownBytes: number; totalBytes: number };
  /** The parsed JSON answer, redacted value by value (for drift and coverage); absent when not JSON. */
  responseJson?: unknown;
  /** A transport error (timeout, reset connection, refused), when there was no answer. */
  error?: string;
  /** The transport error's code, when it has one: ECONNREFUSED, ENOTFOUND, ESOCKETTIMEDOUT, a TLS code... */
  errorCode?: string;
  tokenRequest: boolean;
  /** When the request was reported (ms since the epoch). */
  at: number;
}

export interface AssertionRecord {
  item: string;
  name: string;
  passed: boolean;
  skipped: boolean;
  /** Why a skipped check did not run, e.g. "status is 200 failed" or "deviceId not set". */
  skipReason?: string;
  /** What failed, short: a long list (schema errors) names its first few here. */
  message?: string;
  /** The full list behind a summarised `message` (every schema error), when there is one. */
  details?: string[];
}

/** Why the run stopped early, and the exit code that means: 2 the run could not be made, 1 the API broke the contract. */
export interface RunStop {
  exitCode: 1 | 2;
  /** One message, naming the cause and the settings to check. */
  message: string;
}

export interface RunSummary {
  target: string;
  /** The environment of the description the run used (production, staging, local...). */
  environment: string;
  /** The description's name and version, e.g. `SecuriThings API v1`. */
  description: string;
  /** ISO 8601 start time. */
  startedAt: string;
  wallTimeMs: number;
  requests: number;
  tokenRequests: number;
  /** Token requests answered 2xx: tokens handed out during the run. */
  tokensIssued: number;
  assertions: number;
  failures: AssertionRecord[];
  /** Checks that did not run (their precondition failed, or their request was skipped). */
  skipped: AssertionRecord[];
  /** Problems outside assertions: script errors, transport errors. */
  errors: string[];
  notes: string[];
  /** Items whose request was not sent, with the reason. */
  skippedItems: { item: string; reason: string }[];
  /** Set when the run stopped before its end (no token, unreachable host). */
  stop?: RunStop;
}

export interface ContractReporter {
  onRequest?(record: RequestRecord): void;
  onAssertion?(record: AssertionRecord): void;
  onNote?(item: string, message: string): void;
  /** A problem outside the assertions: a script error, newman failing. */
  onError?(message: string): void;
  onDone?(summary: RunSummary, requests: readonly RequestRecord[], assertions: readonly AssertionRecord[]): void;
}

/** A file a reporter hands back; the CLI writes them all at the end. */
export interface ReportFile {
  path: string;
  content: string;
}
