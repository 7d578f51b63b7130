// Small builders of JavaScript source for the generated sandbox scripts.
import { jsLiteral } from '../../shared/js-literal.js';

/** `/token/{organization}` -> `"/token/" + encodeURIComponent(vars["organization"])` (given how to read a variable). */
export function pathExpression(template: string, variable: (name: string) => string): string {
  return template
    .split(/(\{[^{}]+\})/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('{') ? variable(part.slice(1, -1)) : jsLiteral(part)))
    .join(' + ');
}

/** `devices[0].id` -> `["devices",0,"id"]`, for a null-safe walk in the sandbox. */
export function accessorKeys(path: string): string {
  const keys = [...path.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  return jsLiteral(keys);
}

/** Lines of source, each indented, joined into one block. */
export function indent(lines: string[], by: string): string {
  return lines.map((line) => `${by}${line}`).join('\n');
}
