// A bounded piece of a redacted body, cut at a character boundary, with a note saying how much of
// the answer it shows. The body is never parsed or re-formatted, only cut.
import type { RequestRecord } from '../events.js';

export interface BodyExcerpt {
  text: string;
  /** "showing the first 2 KiB of 10 KiB", when the text is not the whole answer. */
  cutNote?: string;
}

export function bodyExcerpt(record: Pick<RequestRecord, 'responseBody' | 'responseBodyCut'>, maxBytes = Infinity): BodyExcerpt {
  const body = record.responseBody ?? '';
  const text = cutToBytes(body, maxBytes);
  const shownBytes = Math.min(record.responseBodyCut?.shownBytes ?? Infinity, byteLength(text));
  const totalBytes = record.responseBodyCut?.totalBytes ?? byteLength(body);
  return shownBytes < totalBytes ? { text, cutNote: `showing the first ${sizeText(shownBytes)} of ${sizeText(totalBytes)}` } : { text };
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kib = bytes / 1024;
  return kib < 1024 ? `${round(kib)} KiB` : `${round(kib / 1024)} MiB`;
}

const round = (n: number) => (n >= 10 ? Math.round(n) : Math.round(n * 10) / 10).toString();
const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

function cutToBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += byteLength(char);
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}
