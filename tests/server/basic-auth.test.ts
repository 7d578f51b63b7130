import { describe, expect, it } from 'vitest';
import { parseBasic, secretsEqual } from '../../server/basic-auth.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('parseBasic', () => {
  const accepted: Array<[name: string, header: string, clientId: string, clientSecret: string]> = [
    ['plain id and secret', `Basic ${b64('id:secret')}`, 'id', 'secret'],
    ['scheme in any case', `basic ${b64('id:secret')}`, 'id', 'secret'],
    ['colons in the secret (split at the first)', `Basic ${b64('id:se:cr:et')}`, 'id', 'se:cr:et'],
    ['non-ASCII secret', `Basic ${b64('id:pässwörd')}`, 'id', 'pässwörd'],
    ['unpadded base64', `Basic ${b64('id:secret1').replace(/=+$/, '')}`, 'id', 'secret1'],
  ];
  it.each(accepted)('accepts %s', (_name, header, clientId, clientSecret) => {
    expect(parseBasic(header)).toEqual({ ok: true, credentials: { clientId, clientSecret } });
  });

  const refused: Array<[name: string, header: string | undefined]> = [
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', `Bearer ${b64('id:secret')}`],
    ['the scheme alone', 'Basic'],
    ['not base64', 'Basic ***not-base64***'],
    ['base64 with junk inside', 'Basic aWQ6c2Vj=cmV0'],
    ['no colon', `Basic ${b64('idsecret')}`],
    ['an empty id', `Basic ${b64(':secret')}`],
    ['an empty secret', `Basic ${b64('id:')}`],
    ['only a colon', `Basic ${b64(':')}`],
    ['invalid UTF-8', `Basic ${Buffer.from([0x69, 0x3a, 0xff, 0xfe]).toString('base64')}`],
  ];
  it.each(refused)('refuses %s', (_name, header) => {
    const result = parseBasic(header);
    expect(result.ok).toBe(false);
  });
});

describe('secretsEqual', () => {
  it('compares secrets of any length without throwing', () => {
    expect(secretsEqual('secret', 'secret')).toBe(true);
    expect(secretsEqual('secret', 'secret-but-longer')).toBe(false);
    expect(secretsEqual('', 'x')).toBe(false);
  });
});
