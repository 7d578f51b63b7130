// Header parameters -> the format's request headers. A required header is sent: its one allowed
// value as written, else from a variable (a setting of the contract run) whose local value is the
// document's example. An optional one is left out (sending it would change what is asked), and so
// is `Authorization`, which carries the access token.
import { CREDENTIAL_VARIABLES } from '../loader/check-request-values.js';
import { VARIABLES } from '../model/model.js';
import type { ImportContext } from './context.js';
import type { At } from './documents.js';
import { camelIdentifier } from './names.js';
import { exampleOf } from './parameter-examples.js';
import { opLabel, Skip } from './skip.js';

/** An HTTP field name (RFC 9110 token), as the format checks it. */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const RESERVED = new Set<string>([VARIABLES.baseUrl, VARIABLES.tokenBaseUrl, ...CREDENTIAL_VARIABLES]);

export interface RequestHeaders {
  /** Header name -> the value sent (`{name}` for a variable). */
  values: Record<string, string>;
  /** Variable -> its value on the local reference server (the document's example). */
  variables: Record<string, string>;
}

type Node = Record<string, unknown>;

export function requestHeader(ctx: ImportContext, node: Node, schema: Node, name: string, opAt: At, out: RequestHeaders): void {
  const required = node.required === true;
  const where = opLabel(opAt);
  if (name.toLowerCase() === 'authorization') {
    ctx.report.warnings.push(`${where}: header \`${name}\` left out: it carries the access token, which every client sends`);
    return;
  }
  if (!FIELD_NAME.test(name) || !required) {
    const why = required ? 'is not an HTTP field name' : 'is optional, and sending it would change what is asked';
    if (required) throw new Skip(`its required header \`${name}\` ${why}`);
    ctx.report.warnings.push(`${opLabel(opAt)}: optional header \`${name}\` left out: it ${why}`);
    return;
  }
  const fixed = fixedValue(node, schema);
  if (fixed !== undefined) {
    out.values[name] = fixed;
    return;
  }
  const variable = variableName(name);
  out.values[name] = `{${variable}}`;
  const example = exampleOf(node, schema, 'string') ?? (schema.default === undefined ? undefined : String(schema.default));
  out.variables[variable] = example === undefined ? 'demo' : String(example);
  if (example === undefined)
    ctx.report.guesses.push(
      `${where}: required header \`${name}\` has no example; it is sent from the variable \`{${variable}}\`, \`demo\` on the local server`,
    );
  else
    ctx.report.notes.push(
      `${where}: required header \`${name}\` is sent from the variable \`{${variable}}\` (a setting of the contract run), \`${String(example)}\` on the local server as the document's example`,
    );
}

/** The one value the header may take: the kit export's `x-value`, or a one-value `enum`. */
function fixedValue(node: Node, schema: Node): string | undefined {
  if (typeof node['x-value'] === 'string') return node['x-value'];
  if (Array.isArray(schema.enum) && schema.enum.length === 1 && typeof schema.enum[0] === 'string') return schema.enum[0];
  return undefined;
}

/** `X-Request-Id` -> `xRequestId`, never a name the outputs use for something else. */
function variableName(header: string): string {
  const name = camelIdentifier(header.toLowerCase(), 'header');
  return RESERVED.has(name) || name.endsWith('Path') ? `${name}Header` : name;
}
