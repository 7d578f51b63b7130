// An answer's body as the records keep it: a JSON body is parsed, redacted value by value and
// rendered from the redacted tree; any other body is redacted as text. Either is cut at the
// report limit. Nothing transforms the text after it was redacted.
import type { RequestRecord } from './events.js';
import { TooDeep, type Redactor } from './redact.js';

/** The most of one body a report keeps. */
export const REPORT_BODY_BYTES = 64 * 1024;

type KeptBody = Pick<RequestRecord, 'responseBody' | 'responseBodyCut' | 'responseJson'>;

export function keptBody(text: string, redactor: Redactor, limit = REPORT_BODY_BYTES): KeptBody {
  const json = redactedJson(text, redactor);
  const rendered = json.parsed ? JSON.stringify(json.value, null, 2) : redactor.text(text);
  return { ...cut(rendered, limit), ...(json.parsed ? { responseJson: json.value } : {}) };
}

function redactedJson(text: string, redactor: Redactor): { parsed: boolean; value?: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { parsed: false };
  }
  try {
    return { parsed: true, value: redactor.json(value) };
  } catch (error) {
    if (error instanceof TooDeep) return { parsed: false };
    throw error;
  }
}

function cut(text: string, limit: number): Pick<RequestRecord, 'responseBody' | 'responseBodyCut'> {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return { responseBody: text };
  // toString drops a character cut in half as U+FFFD; trim it so the shown part is only whole characters
  const shown = bytes
    .subarray(0, limit)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return { responseBody: shown, responseBodyCut: { shownBytes: Buffer.byteLength(shown), totalBytes: bytes.length } };
}
