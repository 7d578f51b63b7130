// What a drift report could not show, in words every output uses alike: the answers it could not
// read, and the lists it shows in part ("200 of 1,234 shown").
import type { EndpointDrift, ListCut } from './drift.js';

const LIST_NAMES = {
  undocumentedFields: 'undocumented fields',
  outOfEnum: 'fields with values outside their enum',
  openFields: 'fields inside open values',
} as const;

export const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
const count = (n: number) => n.toLocaleString('en-US');

/** `200 of 1,234 shown`, `200 of more than 10,000 shown`. */
export const shown = (cut: ListCut) => `${count(cut.shown)} of ${cut.atLeast ? 'more than ' : ''}${count(cut.total)} shown`;

/** `1 answer with status 200: its body is not JSON`, one per status and reason. */
export function unreadNotes(e: EndpointDrift): string[] {
  return e.unread.map((u) => `${plural(u.answers, 'answer')} with status ${u.status}: ${u.reason}`);
}

/** `undocumented fields: 200 of 1,234 shown`, one per list shown in part. */
export function cutNotes(e: EndpointDrift): string[] {
  return Object.entries(e.cut ?? {}).map(([list, cut]) => `${LIST_NAMES[list as keyof typeof LIST_NAMES]}: ${shown(cut)}`);
}
