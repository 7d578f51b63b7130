import { describe, expect, it } from 'vitest';
import { keptBody } from '../../contract/body.js';
import { REDACTED, Redactor } from '../../contract/redact.js';

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

  it('cuts a long body at the limit on a whole character and says how much it shows', () => {
    const kept = keptBody('\u00e9'.repeat(10), redactor(), 5);
    expect(kept.responseBody).toBe('\u00e9\u00e9');
    expect(kept.responseBodyCut).toEqual({ shownBytes: 4, totalBytes: 20 });
  });
});
