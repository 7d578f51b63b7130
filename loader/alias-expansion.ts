// What copying the aliases out costs, measured on the positioned document the way read-data.ts
// measures it on js-yaml's data (copies of lists and maps, and the size with strings included), so
// that the two readers stop at the same alias.
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document } from 'yaml';
import { EXPANDED_TOO_LARGE, MAX_ALIASES, MAX_EXPANDED } from './limits.js';

export interface ExpansionProblem {
  message: string;
  alias: Alias;
}

interface Cost {
  /** read-data.ts's count: a string its length, anything else 1, plus 1 and its entries for a list or map. */
  size: number;
  /** Lists and maps in it, each of which a copy copies again. */
  copies: number;
}

const TOO_MANY_COPIES = `aliases expand to more than ${MAX_ALIASES} copies (an alias bomb?); write the values out`;

/** The alias, in document order, at which the copies or the size first pass their limit. */
export function expansionProblem(doc: Document.Parsed): ExpansionProblem | undefined {
  const costOf = valueCost(doc);
  const total: Cost = { size: 0, copies: 0 };
  let problem: ExpansionProblem | undefined;
  const walk = (node: unknown): void => {
    total.size += 1;
    if (!isMap(node) && !isSeq(node)) return;
    for (const [i, item] of node.items.entries()) {
      const value = isPair(item) ? item.value : item;
      total.size += keyLength(item, i);
      if (!isAlias(value) && (isMap(value) || isSeq(value))) {
        total.size += 1;
        walk(value);
      } else {
        const cost = costOf(value);
        total.size += cost.size;
        if (isAlias(value)) problem = pastLimit(total, cost.copies, value);
      }
      if (problem) return;
    }
  };
  walk(doc.contents);
  return problem;
}

function pastLimit(total: Cost, copies: number, alias: Alias): ExpansionProblem | undefined {
  total.copies += copies;
  if (total.copies > MAX_ALIASES) return { message: TOO_MANY_COPIES, alias };
  if (total.size > MAX_EXPANDED) return { message: EXPANDED_TOO_LARGE, alias };
  return undefined;
}

/** A list index counts its digits, as the data's keys do. */
function keyLength(item: unknown, index: number): number {
  if (!isPair(item)) return String(index).length;
  return isScalar(item.key) ? String(item.key.value).length : 0;
}

/** A value's cost (an alias costs what it names), memoized: an alias bomb is measured, never expanded. */
function valueCost(doc: Document.Parsed): (node: unknown) => Cost {
  const known = new Map<unknown, Cost>();
  const costOf = (node: unknown): Cost => {
    const target = isAlias(node) ? node.resolve(doc) : node;
    if (isScalar(target)) return { size: typeof target.value === 'string' ? target.value.length : 1, copies: 0 };
    if (!isMap(target) && !isSeq(target)) return { size: 1, copies: 0 };
    const seen = known.get(target);
    if (seen) return seen;
    known.set(target, { size: 0, copies: 0 }); // an alias inside what it names: a cycle, reported elsewhere
    const cost: Cost = { size: 2, copies: 1 };
    for (const [i, item] of target.items.entries()) {
      const inner = costOf(isPair(item) ? item.value : item);
      cost.size += keyLength(item, i) + inner.size;
      cost.copies += inner.copies;
    }
    known.set(target, cost);
    return cost;
  };
  return costOf;
}
