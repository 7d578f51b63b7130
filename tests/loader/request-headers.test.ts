// Headers on data requests are checked as the token request's are, may not set Authorization, and
// may take a described variable but never a credential.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../loader/index.js';
import { vendorDescription, vendorMessage as messageFor } from '../support/vendor-query.js';

const MARKETPLACE = 'X-EBAY-C-MARKETPLACE-ID: "{marketplaceId}"';

describe('headers on data requests in the description', () => {
  it('a variable in a header value is a setting of the contract run', () => {
    expect(vendorDescription()).toContain(MARKETPLACE);
    expect(loadSpec(Buffer.from(vendorDescription()), 'vendor.yaml').auth.pathVariables).toContain('marketplaceId');
  });

  it.each([
    [MARKETPLACE, 'Authorization: Bearer x', /resources\[0\]\.headers\.Authorization: `Authorization` carries the access token on data requests/],
    [MARKETPLACE, 'X-Secret: "{clientSecret}"', /resources\[0\]\.headers\["X-Secret"\]: variable `\{clientSecret\}` is a name the outputs already use/],
    [MARKETPLACE, 'X-Secret: "{{clientSecret}}"', /resources\[0\]\.headers\["X-Secret"\]: `\{\{clientSecret\}\}` names a credential/],
    [MARKETPLACE, 'X-Two: "a\\r\\nInjected: b"', /resources\[0\]\.headers\["X-Two"\]: a header value may not hold a line break or NUL/],
    [MARKETPLACE, '"X Bad": a', /resources\[0\]\.headers\["X Bad"\]: header name `X Bad` is not an HTTP field name/],
  ])('%s, then %s is refused, located', (replace, by, message) => {
    expect(messageFor(replace, `${replace}\n      ${by}`)).toMatch(message);
  });
});
