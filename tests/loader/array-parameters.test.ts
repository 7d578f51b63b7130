// Array query parameters: a `style` as the docs send them is required, and each value is judged
// on its own (an enum per value, and no credential variable hidden in a list).
import { describe, expect, it } from 'vitest';
import { vendorMessage as messageFor } from '../support/vendor-query.js';

describe('array query parameters in the description', () => {
  it('an array without `style` is told the two documented ways to send it', () => {
    expect(messageFor('style: repeated\n', '\n')).toMatch(
      /query\[\d+\]: array parameter `tag` needs `style`: `repeated` \(`\?tag=a&tag=b`\) or `comma` \(`\?tag=a,b`\), as the docs send it/,
    );
  });

  it('a value outside the enum is located at its place in the list', () => {
    expect(messageFor('- id\n          - status', '- id\n          - colour')).toMatch(
      /contract\.cases\[\d+\]\.query\.fields: `fields` holds "colour"; each value must be one of id, name, status/,
    );
  });

  it('a credential variable inside a list is refused like any other request value', () => {
    expect(messageFor('- id\n          - status', '- id\n          - "{{clientSecret}}"')).toMatch(
      /contract\.cases\[\d+\]\.query\.fields\[1\]: `\{\{clientSecret\}\}` names a credential/,
    );
  });

  it('`style` on a single-valued parameter is refused', () => {
    expect(messageFor('name: for-subadmin\n', 'name: for-subadmin\n            style: comma\n')).toMatch(
      /`style` applies to array parameters; `for-subadmin` is string/,
    );
  });
});
