import { describe, expect, it } from 'vitest';
import { keptBody } from '../../contract/body.js';
import { MAX_JSON_DEPTH, REDACTED, Redactor } from '../../contract/redact.js';

const redactor = () => {
  const r = new Redactor();
  r.addSecret('s3cr/t');
  return r;
};

describe('keptBody', () => {
  it('parses a JSON body, redacts it value by value and renders it from the redacted tree', () => {
    const kept = keptBody('{"echo":"s3cr\\/t","n":1}', redactor());
    expect(kept.responseJson).toEqual({ echo: REDACTED, n: 1 });
    expect(kept.responseBody).toBe(JSON.stringify({ echo: REDACTED, n: 1 }, null, 2));
    expect(kept.responseBodyCut).toBeUndefined();
  });

  it('redacts any other body as text, with no JSON kept', () => {
    expect(keptBody('echo=s3cr%2Ft', redactor())).toEqual({ responseBody: `echo=${REDACTED}` });
  });

  it('hides the secret written with \\uXXXX escapes in JSON deeper than the redactor walks, keys too', () => {
    const escaped = [...'s3cr/t'].map((c, i) => (i % 2 ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('');
    const depth = MAX_JSON_DEPTH + 10;
    const kept = keptBody(`${'['.repeat(depth)}{"${escaped}":"${escaped}"}${']'.repeat(depth)}`, redactor());
    expect(kept.responseJson).toBeUndefined();
    expect(kept.responseBody).toContain(`{"${REDACTED}":"${REDACTED}"}`);
  });

  it('cuts a long body at the limit on a whole character and says how much it shows', () => {
    const kept = keptBody('\u00e9'.repeat(10), redactor(), 5);
    expect(kept.responseBody).toBe('\u00e9\u00e9');
    expect(kept.responseBodyCut).toEqual({ shownBytes: 4, totalBytes: 20 });
  });
});
