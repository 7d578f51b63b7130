import { describe, expect, it } from 'vitest';
import { itemTargets, settledTokenUrl, withoutQuery } from '../../contract/request-kinds.js';
import { fixtureModel } from '../support/model.js';
import { fixtureCollection } from './plan.js';

interface Node {
  id?: string;
  request?: unknown;
  item?: Node[];
}
const requestItems = (node: Node): Node[] => (node.item ?? []).flatMap((child) => (child.request ? [child] : requestItems(child)));

describe('request kinds', () => {
  it('knows what every request item of the generated collection exercises', () => {
    const model = fixtureModel();
    const targets = itemTargets(model);
    const ids = requestItems(fixtureCollection as Node).map((item) => item.id!);
    expect(ids.filter((id) => !targets[id])).toEqual([]);
    // each case, and page 2 of the paging case
    expect(Object.values(targets).filter((t) => t.caseId).length).toBe(model.contract.cases.length + 1);
    expect(Object.values(targets).filter((t) => t.endpoint === 'token' && !t.caseId)).toHaveLength(1);
  });

  it('settles the token URL under a gateway prefix, the organization encoded', () => {
    expect(settledTokenUrl(fixtureModel(), { baseUrl: 'https://host/api', organization: 'a b/c' })).toBe('https://host/api/token/a%20b%2Fc');
  });

  it('compares URLs without query, fragment or percent-encoding differences', () => {
    expect(withoutQuery('https://host/api/token/a%20b?x=1#f')).toBe('https://host/api/token/a b');
    expect(withoutQuery('https://HOST:443/api/token/a b')).toBe('https://host/api/token/a b');
  });
});
