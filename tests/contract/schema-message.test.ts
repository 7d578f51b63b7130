import { describe, expect, it } from 'vitest';
import { shortSchemaMessage } from '../../contract/schema-message.js';

const wall = (n: number) =>
  `expected data to satisfy schema but found following errors: \n${Array.from({ length: n }, (_, i) => `data.devices[${i}].id should be string`).join(', ')}`;

describe('shortSchemaMessage', () => {
  it('keeps the first 3 errors of a long list, says how many more, and keeps them all in details', () => {
    const short = shortSchemaMessage(wall(26));
    expect(short.message).toBe(
      'the body does not match the schema (26 errors): data.devices[0].id should be string; data.devices[1].id should be string; data.devices[2].id should be string; and 23 more',
    );
    expect(short.details).toHaveLength(26);
    expect(short.details?.[25]).toBe('data.devices[25].id should be string');
  });

  it('lists a short list whole, and leaves other messages alone', () => {
    expect(shortSchemaMessage(wall(2))).toEqual({
      message: 'the body does not match the schema: data.devices[0].id should be string; data.devices[1].id should be string',
    });
    expect(shortSchemaMessage('expected response to have status code 200 but got 404')).toEqual({
      message: 'expected response to have status code 200 but got 404',
    });
  });
});
