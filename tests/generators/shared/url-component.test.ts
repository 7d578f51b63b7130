import { describe, expect, it } from 'vitest';
import { urlComponent } from '../../../generators/shared/url-component.js';

describe('urlComponent', () => {
  it.each(['online', 'probe.agent', '100', 'a-b_c~d', '{{deviceId}}'])('leaves %s as it is', (text) => {
    expect(urlComponent(text)).toBe(text);
  });

  it.each([
    ['a+b', 'a%2Bb'],
    ['100%41', '100%2541'],
    ['a b&c=d#e/f?g', 'a%20b%26c%3Dd%23e%2Ff%3Fg'],
    ['caf\u00e9', 'caf%C3%A9'],
    ['x+{{deviceId}}+y', 'x%2B{{deviceId}}%2By'],
    ['half \ud800 pair', 'half%20%EF%BF%BD%20pair'],
  ])('percent-encodes %s as %s, variables kept', (text, written) => {
    expect(urlComponent(text)).toBe(written);
  });
});
