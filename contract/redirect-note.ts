// The run never follows a redirect (credentials stay on their origin): a 3xx arrives as the
// answer, and a note names where it pointed, by origin only.
import type { RequestRecord } from './events.js';
import { printable } from './printable.js';

export function redirectNote(record: RequestRecord): string | undefined {
  if (record.status === undefined || record.status < 300 || record.status > 399) return undefined;
  const location = record.responseHeaders.find(([name]) => /^location$/i.test(name))?.[1];
  if (location === undefined) return undefined;
  let origin: string;
  try {
    origin = new URL(location, record.url).origin;
  } catch {
    origin = 'an unreadable Location';
  }
  return `redirected to ${printable(origin)}; not followed: credentials stay on their origin`;
}
