// The variables the generated Postman scripts keep for themselves. A description may not name
// them (loader/check-request-values.ts), the runner sets the pacing and contract-run switches, and the scripts read
// and write them (generators/postman/scripts/).
export const SCRIPT_VARIABLES = {
  /** When the cached token expires (ms since the epoch). */
  tokenExpiresAt: 'accessTokenExpiresAt',
  /** The base URL, token-path values and client the cached token was issued for. */
  tokenKey: 'accessTokenKey',
  /** The key a token request was refused for, so the run does not ask again. */
  tokenFailedKey: 'accessTokenFailedKey',
  retrying: 'contractRetrying',
  retried: 'contractRetried',
  /** The bearer the tampered-token case sends. */
  tamperedToken: 'tamperedToken',
  /** `on` (the collection's default) or `off`. */
  pacing: 'rateLimitPacing',
  /** JSON: `{ windows: { key: [ms...] }, pending: key }`. */
  pacingState: 'rateLimitPacingState',
  /** `on` in the kit's contract run: a documented write request (not GET or HEAD) skips itself; only a contract case sends one. */
  contractRun: 'contractRun',
  /** JSON, page 1 of a paging case for its page 2: `{ case, seen: [item keys], more, reason }` (generators/shared/page-script.ts). */
  pageState: 'contractPageState',
  /** Page 2's next cursor, or the path and query of its next link on the API's origin (page 2 is `{{baseUrl}}/` + it); empty when there is none. */
  pageNext: 'contractPageNext',
} as const;
