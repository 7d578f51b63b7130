// Answers the endpoints do not list but an operation can give: 401 for a bad bearer on every secured operation,
// and the 400 the reference server gives for a bad query value (marked as known only from the reference server).
// Both carry `x-shared-answer`: added by the export to every operation that does not list the status itself.
import { INTEGER_MAXIMUM, INTEGER_MINIMUM } from '../../model/integer-bounds.js';
import type { ApiModel, Endpoint } from '../../model/model.js';

export const UNAUTHORIZED = 'Unauthorized';
export const REFERENCE_BAD_REQUEST = 'ReferenceServerBadRequest';

/** The error body is not documented: JSON, with no field asserted. */
export const UNDOCUMENTED_ERROR = {
  'application/json': { schema: { description: 'The error body. The API does not document its format: it is JSON, and no field is guaranteed.' } },
};

const BAD_REQUEST_DESCRIPTION = [
  'Known only from the reference server (`npm run mock`): the public docs do not document `400`, and the real API may answer',
  'otherwise. The reference server answers it when a query parameter is given more than once, is not one of its documented',
  'values (flags are `1` or `0`), is not a whole number where an integer is expected, or lies outside its documented range.',
  `An integer parameter without a documented maximum must be at most ${INTEGER_MAXIMUM} (2^31 - 1), and one without a`,
  `documented minimum at least ${INTEGER_MINIMUM}. Its body is \`{"error": "invalid_request", "error_description": "..."}\`,`,
  'the description naming the parameter and the rule.',
].join('\n');

const RESPONSES: Record<string, Record<string, unknown>> = {
  [UNAUTHORIZED]: {
    description: 'The bearer token is missing, malformed, not valid or expired (RFC 6750 section 3.1).',
    'x-shared-answer': true,
    content: UNDOCUMENTED_ERROR,
  },
  [REFERENCE_BAD_REQUEST]: { description: BAD_REQUEST_DESCRIPTION, 'x-reference-server-only': true, 'x-shared-answer': true, content: UNDOCUMENTED_ERROR },
};

/** The shared answers an endpoint gets, by status, where it does not list that status itself. */
export function extraResponses(endpoint: Endpoint): Array<[status: string, name: string]> {
  const extra: Array<[string, string]> = [['401', UNAUTHORIZED]];
  if (endpoint.query.length > 0) extra.push(['400', REFERENCE_BAD_REQUEST]);
  return extra.filter(([status]) => !endpoint.responses.some((r) => String(r.status) === status));
}

export function responseRef(name: string): { $ref: string } {
  return { $ref: `#/components/responses/${name}` };
}

/** The shared answers some operation refers to. */
export function componentResponses(model: ApiModel): Record<string, unknown> {
  const used = new Set(model.resources.flatMap((r) => r.endpoints.flatMap((e) => extraResponses(e).map(([, name]) => name))));
  return Object.fromEntries(Object.entries(RESPONSES).filter(([name]) => used.has(name)));
}
