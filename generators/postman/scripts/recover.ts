// The collection test script that runs before each request's own tests: on a 429 it waits for
// Retry-After and sends the request once more; on a 401 to a request signed with the cached
// token it forgets the token and sends once more (the pre-request script fetches a new one).
// "Signed with the cached token" is read from the Authorization header sent: by the time tests
// run, an inherited collection auth shows up as the request's own (`oauth2`), so its type says nothing.
// The request's own tests stand aside for the first answer and judge the retry.
import type { ApiModel } from '../../../model/model.js';
import { dataIntervalSeconds, tokenIntervalSeconds } from '../../../model/rate-limits.js';
import { tokenPathPrefix } from '../../../model/urls.js';
import { jsLiteral } from '../../shared/js-literal.js';
import { CACHE } from './cache.js';

/** A Retry-After beyond this is not waited for: the request fails instead of hanging the run. */
export const MAX_RETRY_AFTER_SECONDS = 120;

export function recoverScript(model: ApiModel): string[] {
  const tokenPrefix = tokenPathPrefix(model);
  const tokenWait = Math.ceil(tokenIntervalSeconds(model));
  const dataWait = Math.ceil(dataIntervalSeconds(model));
  return `
// Retries once after a 429 (honouring Retry-After) or after a 401 to a token that was cached (generated).
(function () {
  const id = pm.info.requestId;
  if (pm.collectionVariables.get(${jsLiteral(CACHE.retried)}) === id && pm.collectionVariables.get(${jsLiteral(CACHE.retrying)}) === id) {
    pm.collectionVariables.set(${jsLiteral(CACHE.retrying)}, ''); // this answer is the retry: let the tests judge it
    return;
  }
  if (pm.collectionVariables.get(${jsLiteral(CACHE.retried)}) === id) return;
  const cached = pm.collectionVariables.get(${jsLiteral(CACHE.token)});
  let wait = -1;
  if (pm.response.code === 429) {
    const after = Number(pm.response.headers.get('Retry-After'));
    const fallback = pm.request.url.getPath().indexOf(${jsLiteral(tokenPrefix)}) === 0 ? ${jsLiteral(tokenWait)} : ${jsLiteral(dataWait)};
    wait = after >= 0 && pm.response.headers.has('Retry-After') ? after : fallback;
    if (wait > ${jsLiteral(MAX_RETRY_AFTER_SECONDS)}) {
      console.warn('Rate limited with Retry-After ' + wait + ' s, more than ' + ${jsLiteral(MAX_RETRY_AFTER_SECONDS)} + ' s: not retrying.');
      return;
    }
  } else if (pm.response.code === 401 && cached && pm.request.headers.get('Authorization') === ${jsLiteral(`${model.auth.tokenPrefix} `)} + cached) {
    pm.collectionVariables.set(${jsLiteral(CACHE.expiresAt)}, '0');
    wait = 0;
  }
  if (wait < 0) return;
  pm.collectionVariables.set(${jsLiteral(CACHE.retried)}, id);
  pm.collectionVariables.set(${jsLiteral(CACHE.retrying)}, id);
  console.warn(pm.info.requestName + ': HTTP ' + pm.response.code + ', retrying once in ' + wait + ' s.');
  setTimeout(function () {}, wait * 1000);
  pm.execution.setNextRequest(id);
})();
`
    .trim()
    .split('\n');
}
