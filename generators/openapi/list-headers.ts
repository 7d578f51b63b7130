// A list's answer headers as the description names them: the count of every match (`totalHeader`)
// and the RFC 8288 `Link` header of the Link-header paging style, documented on its success answer.
import type { ListShape } from '../../model/model.js';

export function listHeaders(list: ListShape): Record<string, unknown> {
  return {
    ...(list.total?.in === 'header'
      ? { [list.total.name]: { description: 'How many items match, on every page: not just this page.', schema: { type: 'integer', minimum: 0 } } }
      : {}),
    ...(list.paging.style === 'link-header'
      ? {
          Link: {
            description: 'The next page\'s full URL, as `<url>; rel="next"` (RFC 8288); left out on the last page.',
            schema: { type: 'string' },
          },
        }
      : {}),
  };
}
