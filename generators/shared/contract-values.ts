// Values the contract cases send, the same in every client.

/** Sent as the client secret by the contract case that expects a wrong one to be refused. */
export const WRONG_SECRET = 'contract-check-wrong-secret';

/** Sent in place of the bearer token when none is cached yet: a JWT-shaped string no server signed. */
export const UNSIGNED_TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb250cmFjdCJ9.c2lnbmF0dXJl';
