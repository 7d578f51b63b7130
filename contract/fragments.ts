// Part of a secret tells as much as the whole. Libraries shorten what they quote (chai's
// `'A21AAxx…'`, V8's `"A21AAxxxxx"... is not valid JSON`), a server may echo a slice. Fragments
// finds, in any text, every run of ANYWHERE or more characters of a remembered form, and beside an
// ellipsis (a quote between them or not) any run of BESIDE_ELLIPSIS or more characters of one.
// Case is ignored: a quoted value may have been lower-cased.
export type Range = [start: number, end: number];

/** Runs this long of a form are hidden wherever they stand. */
export const ANYWHERE = 12;
/** Runs this long of a form are hidden next to a truncation mark. */
export const BESIDE_ELLIPSIS = 4;
/** Past this many candidate runs beside ellipses in one text, the whole text is hidden: the cost stays bounded. */
const MAX_CANDIDATES = 2000;
const ELLIPSIS = /\u2026|\.\.\./g;
const QUOTE = /["'`]/;

/** Lower case, one UTF-16 unit for one (so positions hold): `İ`, whose lower case is two, stays. */
export const lowered = (text: string) =>
  text.replace(/[A-Z\u00c0-\ud7ff\ue000-\uffff]/g, (c) => {
    const lower = c.toLowerCase();
    return lower.length === 1 ? lower : c;
  });

export class Fragments {
  private readonly long = new Set<string>();
  private readonly short = new Set<string>();
  private haystack = '';

  add(forms: string[]): void {
    for (const form of forms.map(lowered)) {
      if (form.length < BESIDE_ELLIPSIS) continue;
      this.haystack += `\u0000${form}`;
      for (let i = 0; i + BESIDE_ELLIPSIS <= form.length; i += 1) this.short.add(form.slice(i, i + BESIDE_ELLIPSIS));
      for (let i = 0; i + ANYWHERE <= form.length; i += 1) this.long.add(form.slice(i, i + ANYWHERE));
    }
  }

  /** Whether `text` holds BESIDE_ELLIPSIS characters in a row of any form: if not, no form of that length or more is in it. */
  mayHold(text: string): boolean {
    const lower = lowered(text);
    for (let i = 0; i + BESIDE_ELLIPSIS <= lower.length; i += 1) if (this.short.has(lower.slice(i, i + BESIDE_ELLIPSIS))) return true;
    return false;
  }

  /** Where fragments stand in `text`; `undefined` when there were too many to look at (hide it all). */
  in(text: string): Range[] | undefined {
    if (this.short.size === 0) return [];
    const lower = lowered(text);
    const found: Range[] = [];
    for (let i = 0; i + ANYWHERE <= lower.length; i += 1) if (this.long.has(lower.slice(i, i + ANYWHERE))) found.push([i, i + ANYWHERE]);
    let candidates = 0;
    for (const m of lower.matchAll(ELLIPSIS)) {
      const before = QUOTE.test(lower[m.index - 1] ?? '') ? m.index - 1 : m.index;
      const afterStart = m.index + m[0].length;
      const after = QUOTE.test(lower[afterStart] ?? '') ? afterStart + 1 : afterStart;
      for (const side of [this.runBefore(lower, before), this.runAfter(lower, after)]) {
        if (side === undefined) continue;
        if ((candidates += 1) > MAX_CANDIDATES) return undefined;
        const range = side();
        if (range) found.push(range);
      }
    }
    return found;
  }

  private runBefore(lower: string, end: number): (() => Range | undefined) | undefined {
    if (end < BESIDE_ELLIPSIS || !this.short.has(lower.slice(end - BESIDE_ELLIPSIS, end))) return undefined;
    return () => {
      let length = BESIDE_ELLIPSIS;
      while (length < ANYWHERE && end - length > 0 && this.haystack.includes(lower.slice(end - length - 1, end))) length += 1;
      return [end - length, end];
    };
  }

  private runAfter(lower: string, start: number): (() => Range | undefined) | undefined {
    if (!this.short.has(lower.slice(start, start + BESIDE_ELLIPSIS))) return undefined;
    return () => {
      let length = BESIDE_ELLIPSIS;
      while (length < ANYWHERE && start + length < lower.length && this.haystack.includes(lower.slice(start, start + length + 1))) length += 1;
      return [start, start + length];
    };
  }
}
