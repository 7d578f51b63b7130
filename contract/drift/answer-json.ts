// The answer as drift reads it when the report's copy is not whole JSON (too deep for the
// redactor, and over the report limit): the whole body as received (up to the 1 MiB response
// limit), parsed, every string in it (keys too) redacted. Walked with a stack, not recursion,
// so no depth is too deep.
import type { Redactor } from '../redact.js';

/** The redacted JSON value of `text`; undefined when it is not JSON. */
export function answerJson(text: string, redactor: Redactor): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return redactedTree(parsed, redactor);
}

interface Pending {
  value: unknown;
  put: (copy: unknown) => void;
}

export function redactedTree(root: unknown, redactor: Redactor): unknown {
  let result: unknown;
  const stack: Pending[] = [{ value: root, put: (copy) => (result = copy) }];
  while (stack.length > 0) {
    const { value, put } = stack.pop()!;
    if (typeof value === 'string') put(redactor.text(value));
    else if (Array.isArray(value)) {
      const copy: unknown[] = new Array<unknown>(value.length);
      put(copy);
      value.forEach((item, i) => stack.push({ value: item, put: (c) => (copy[i] = c) }));
    } else if (value !== null && typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      put(copy);
      for (const [key, item] of Object.entries(value)) {
        const name = redactor.text(key);
        // defined, not assigned: a `__proto__` key stays a field
        Object.defineProperty(copy, name, { value: undefined, enumerable: true, writable: true, configurable: true });
        stack.push({ value: item, put: (c) => (copy[name] = c) });
      }
    } else put(value);
  }
  return result;
}
