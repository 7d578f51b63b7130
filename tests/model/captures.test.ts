import { describe, expect, it } from 'vitest';
import { capturedVariables } from '../../model/captures.js';

describe('capturedVariables', () => {
  it('keeps each variable with the first endpoint that captures it, in the order first captured', () => {
    const first = { id: 'a', capture: { deviceId: 'devices[0].id', siteId: 'sites[0].id' } };
    const second = { id: 'b', capture: { deviceId: 'items[0].id' } };
    const none: { id: string; capture?: Record<string, string> } = { id: 'c' };
    const captures = capturedVariables({ resources: [{ endpoints: [first, none] }, { endpoints: [second] }] });
    expect([...captures.keys()]).toEqual(['deviceId', 'siteId']);
    expect(captures.get('deviceId')).toEqual({ endpoint: first, path: 'devices[0].id' });
  });
});
