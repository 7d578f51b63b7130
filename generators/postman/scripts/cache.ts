/** Collection variables the generated scripts share. `accessToken` is the name every client uses. */
export const CACHE = {
  token: 'accessToken',
  expiresAt: 'accessTokenExpiresAt',
  key: 'accessTokenKey',
  failedKey: 'accessTokenFailedKey',
  retrying: 'contractRetrying',
  retried: 'contractRetried',
} as const;
