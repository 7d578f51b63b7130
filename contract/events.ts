// What the runner tells its reporters: plain, already-redacted records of the run.

export interface RequestRecord {
  /** Folder / request name, as newman shows it. */
  item: string;
  method: string;
  url: string;
  requestHeaders: [string, string][];
  status?: number;
  statusText?: string;
  responseTimeMs?: number;
  responseHeaders: [string, string][];
  /** The answer's body, redacted; only kept for the reports. */
  responseBody?: string;
  /** A transport error (timeout, reset connection), when there was no answer. */
  error?: string;
  tokenRequest: boolean;
}

export interface AssertionRecord {
  item: string;
  name: string;
  passed: boolean;
  skipped: boolean;
  message?: string;
}

export interface RunSummary {
  target: string;
  wallTimeMs: number;
  requests: number;
  tokenRequests: number;
  /** Token requests answered 2xx: tokens handed out during the run. */
  tokensIssued: number;
  assertions: number;
  failures: AssertionRecord[];
  /** Problems outside assertions: script errors, transport errors. */
  errors: string[];
  notes: string[];
  skippedItems: string[];
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
