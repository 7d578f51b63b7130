// What an endpoint's answers held, gathered answer by answer with bounded memory: each list keeps
// up to MAX_TRACKED distinct entries and then only notes that there were more, so every list the
// reports show can say how much of it they show ("200 of 1,234 fields shown").
import type { JsonType } from './json-type.js';

/** Distinct paths (or values) kept per list; past it, the list's total is a lower bound. */
export const MAX_TRACKED = 10_000;

interface PathEntry {
  types: Set<JsonType>;
  answers: number;
  /** The answer that last counted this path, so an answer counts once per path. */
  lastAnswer: number;
}

export class PathTally {
  readonly entries = new Map<string, PathEntry>();
  /** True when paths were found after the tally was full: they were not kept. */
  full = false;

  add(path: string, type: JsonType, answer: number): void {
    const entry = this.entries.get(path);
    if (!entry) {
      if (this.entries.size >= MAX_TRACKED) this.full = true;
      else this.entries.set(path, { types: new Set([type]), answers: 1, lastAnswer: answer });
      return;
    }
    entry.types.add(type);
    if (entry.lastAnswer !== answer) {
      entry.answers += 1;
      entry.lastAnswer = answer;
    }
  }
}

export class ValueTally {
  readonly byPath = new Map<string, { values: Set<string>; full: boolean }>();
  full = false;

  add(path: string, value: string): void {
    const entry = this.byPath.get(path);
    if (!entry) {
      if (this.byPath.size >= MAX_TRACKED) this.full = true;
      else this.byPath.set(path, { values: new Set([value]), full: false });
      return;
    }
    if (entry.values.size < MAX_TRACKED) entry.values.add(value);
    else if (!entry.values.has(value)) entry.full = true;
  }
}

/** One endpoint's answers, as drift walked them. */
export interface EndpointTally {
  /** Answers walked; also the index of the answer being walked. */
  answers: number;
  undocumented: PathTally;
  open: PathTally;
  outOfEnum: ValueTally;
  /** Documented paths some answer held. */
  seen: Set<string>;
}

export const emptyTally = (): EndpointTally => ({
  answers: 0,
  undocumented: new PathTally(),
  open: new PathTally(),
  outOfEnum: new ValueTally(),
  seen: new Set(),
});
