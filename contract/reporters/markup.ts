// Escaping for the HTML and XML reports: the only thing done to redacted text before it is written.
// A character XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) becomes U+FFFD
// rather than vanishing: dropping it could join the two halves of a secret the redactor did not
// recognise while they were apart.
const FORBIDDEN = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeMarkup(text: string): string {
  return text.replace(FORBIDDEN, '\ufffd').replace(/[&<>"']/g, (c) => SPECIAL[c]!);
}
