// listAnswer writes the next cursor at the path the description names: own data properties only, so
// a path through `__proto__` makes a plain field of the answer and never touches Object.prototype.
import { describe, expect, it } from 'vitest';
import type { ListShape } from '../../model/model.js';
import { listAnswer } from '../../server/list.js';

const list: ListShape = { items: 'sites', limit: 'limit', paging: { style: 'cursor', param: 'cursor', next: ['__proto__', 'polluted'] } };
const request = { values: new Map([['limit', 1]]), raw: {}, urlWith: () => '' };

describe('listAnswer', () => {
  it('writes a next cursor under `__proto__` as an own field, leaving Object.prototype alone', () => {
    const { body } = listAnswer(list, [{ id: 'a' }, { id: 'b' }], [], request);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(body as object, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(body))).toEqual({ sites: [{ id: 'a' }], ['__proto__']: { polluted: expect.any(String) } });
  });
});
