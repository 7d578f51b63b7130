// The description against spec/format.schema.json, with ajv's errors turned into diagnostics:
// one per place, the most telling first, pointed at the key or value at fault.
import type { ErrorObject, ValidateFunction } from 'ajv';
import compiledFormatValidator from './validators/format.generated.js';
import { shown, type Diagnostic, type DiagnosticCode, type NodePath } from './diagnostics.js';
import type { Locator } from './read-yaml.js';
import { closest } from './closest.js';

/** spec/format.schema.json, compiled ahead of time (see scripts/validator-sources.ts). */
const formatValidator = (): ValidateFunction => compiledFormatValidator as unknown as ValidateFunction;

export function validateFormat(raw: unknown, source: Locator): Diagnostic[] {
  const validate = formatValidator();
  if (validate(raw)) return [];
  const errors = withoutTypoTwins(validate.errors ?? []);
  const byPlace = new Map<string, Diagnostic>();
  for (const error of rank(errors)) {
    const diagnostic = toDiagnostic(error, source);
    const place = `${diagnostic.line}:${diagnostic.col}`;
    if (!byPlace.has(place)) byPlace.set(place, diagnostic);
  }
  return [...byPlace.values()].sort((a, b) => a.line - b.line || a.col - b.col);
}

// `basePth: x` gives both "unknown key basePth" and "missing basePath": keep only the first.
function withoutTypoTwins(errors: ErrorObject[]): ErrorObject[] {
  const typos = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties')
      .map((e) => `${e.instancePath}/${closest(String(e.params.additionalProperty), allowedKeys(e)) ?? ''}`),
  );
  return errors.filter((e) => e.keyword !== 'required' || !typos.has(`${e.instancePath}/${String(e.params.missingProperty)}`));
}

function allowedKeys(error: ErrorObject): string[] {
  return Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
}

// Errors that say most about a place come first, so the one kept for a place is the useful one.
const WEIGHT: Record<string, number> = { additionalProperties: 0, required: 1, type: 2, const: 3, enum: 3 };

function rank(errors: ErrorObject[]): ErrorObject[] {
  return [...errors].sort((a, b) => (WEIGHT[a.keyword] ?? 9) - (WEIGHT[b.keyword] ?? 9));
}

function toDiagnostic(error: ErrorObject, source: Locator): Diagnostic {
  const path = pointerToPath(error.instancePath);
  const { code, message, at, target } = describe(error, path);
  const hint = code === 'unknown-key' ? undefined : HINTS[target.join('/')];
  const taught = hint && error.keyword === 'pattern' ? `${shown(error.data)} is not valid here: ${hint}` : hint ? `${message}: ${hint}` : message;
  return { file: source.file, code, path: target, message: taught, ...source.locate(target, at) };
}

const LIFETIME_FORMS = 'a number of seconds (`3600`), a range (`{ min: 3000, max: 3600 }`), or no `lifetimeSeconds` when the docs do not say';

/** What to write instead, where a bare "must be ..." would not teach the format. */
const HINTS: Record<string, string> = {
  'auth/lifetimeSeconds': `write ${LIFETIME_FORMS}`,
  'auth/lifetimeSeconds/min': 'the shortest documented lifetime, a whole number of seconds, at least 1',
  'auth/lifetimeSeconds/max': 'the longest documented lifetime, a whole number of seconds, at least 1',
  'auth/token/type': 'write the `token_type` as documented, e.g. `Bearer` or `Application Access Token` (printable ASCII, no space at either end)',
  'auth/token/field': "write the name of the token answer's member that holds the token, e.g. `access_token`: a letter, then letters, digits, `_` or `-`",
};

interface Description {
  code: DiagnosticCode;
  message: string;
  at: 'key' | 'value';
  target: NodePath;
}

function describe(error: ErrorObject, path: NodePath): Description {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(error);
      const hint = closest(key, allowed);
      const known = allowed.length > 0 ? `; expected one of ${allowed.join(', ')}` : '';
      return {
        code: 'unknown-key',
        message: `unknown key \`${key}\`${hint ? ` (did you mean \`${hint}\`?)` : known}`,
        at: 'key',
        target: [...path, key],
      };
    }
    case 'required':
      // At the key that holds the incomplete mapping (a list item has none: then at the item).
      return { code: 'missing-key', message: `missing required key \`${String(params.missingProperty)}\``, at: 'key', target: path };
    case 'type': {
      const found = `, not ${article(typeName(error.data))}`;
      const what = path.length === 0 ? 'the document must be a YAML mapping that starts with `format: 1`' : `must be ${article(String(params.type))}`;
      return { code: 'wrong-type', message: `${what}${found}`, at: 'value', target: path };
    }
    case 'pattern':
      if (path[path.length - 1] === '$ref') {
        return {
          code: 'unsupported-ref',
          message: `\`${String(error.data)}\` is not supported; refer to a named schema as #/schemas/<Name>`,
          at: 'value',
          target: path,
        };
      }
      return { code: 'invalid-value', message: `${shown(error.data)} is not valid here: ${patternRule(error)}`, at: 'value', target: path };
    case 'enum':
      return { code: 'invalid-value', message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}`, at: 'value', target: path };
    case 'const':
      if (path.length === 1 && path[0] === 'format') {
        return { code: 'invalid-value', message: `version ${shown(error.data)} is not supported; this tool reads \`format: 1\``, at: 'value', target: path };
      }
      return { code: 'invalid-value', message: `must be ${JSON.stringify(params.allowedValue)}`, at: 'value', target: path };
    case 'propertyNames':
      return {
        code: 'invalid-value',
        message: `key \`${String(params.propertyName)}\` is not a valid name`,
        at: 'key',
        target: [...path, String(params.propertyName)],
      };
    default:
      return { code: 'invalid-value', message: error.message ?? 'is not valid', at: 'value', target: path };
  }
}

/**
 * What a value refused by a pattern may be instead, in words and examples, never the bare regex: the rule for
 * that pattern, else the schema's own description of the value, else ajv's message.
 */
function patternRule(error: ErrorObject): string {
  const rule = PATTERN_RULES[String(error.params.pattern)];
  if (rule) return rule;
  const described = (error.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof described === 'string' ? described : (error.message ?? 'it does not have the expected form');
}

const FIELD_NAME = 'a field name: a letter or `_`, then letters, digits or `_`, e.g. `devices`, `total` or `id`';

/** Per pattern of spec/format.schema.json: the spellings the format supports, with examples (tests/loader/pattern-messages.test.ts keeps it whole). */
export const PATTERN_RULES: Record<string, string> = {
  '^[A-Za-z][A-Za-z0-9_.]*$':
    'a path parameter name is a letter, then letters, digits, `_` or `.`, e.g. `id` or `deviceId`, as in `{id}` in the path ' +
    '(query parameter names may also hold `$`, `-`, `[` and `]`, e.g. `$top` or `page[size]`)',
  '^[A-Za-z$_][A-Za-z0-9_.$\\[\\]-]*$':
    'a query parameter name as the docs spell it: a letter, `$` or `_`, then letters, digits, `_`, `.`, `-`, `$`, `[` or `]`, ' +
    'e.g. `limit`, `$top`, `page[size]` or `for-subadmin` (no spaces, `&`, `=`, `#` or other characters)',
  '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$':
    'a dotted path of field names into the item, e.g. `status` or `probe.agent`, each name a letter or `_`, then letters, digits or `_`',
  '^[A-Za-z_][A-Za-z0-9_]*(\\[[0-9]+\\]|\\.[A-Za-z_][A-Za-z0-9_]*)*$':
    'a path into the success answer: a field name, then `.field` or `[index]` steps (the index a number), e.g. `devices[0].id` or `meta.next`',
  '^[A-Za-z_][A-Za-z0-9_]*$': FIELD_NAME,
  '^https?://': 'an address that starts with `http://` or `https://`, e.g. `https://docs.example.com`',
  '^[A-Z][A-Z0-9_]*$':
    'upper-case letters, digits and `_`, starting with a letter, e.g. `PARCELS` or `ACME_API` (the settings are then `PARCELS_BASE_URL`, ...)',
  '^[a-z][a-z0-9-]*$': 'a lower-case id: a letter, then lower-case letters, digits or `-`, e.g. `production` or `parcel-tracker`',
  '^[A-Za-z][A-Za-z0-9]*$': 'a camel-case id: a letter, then letters or digits, e.g. `listDevices` or `devices` (no `-`, `_` or spaces)',
  '^[A-Za-z][A-Za-z0-9_]*$': 'a schema name: a letter, then letters, digits or `_`, e.g. `DeviceList` or `Token_Response`',
  '^/[^?#\\s]*$':
    'a path that starts with `/`, e.g. `/v1/devices/{id}`, without spaces; `{name}` marks a path parameter, and a query belongs in `query`, not in the path',
  '^(/[^?#\\s]*)?$': "empty, or a path below the resource's base path that starts with `/`, e.g. `/{id}`; a query belongs in `query`, not in the path",
  '^https?://[^/?#\\s]+$':
    "`http://` or `https://` and the host (and port), e.g. `https://api.example.com`, with no path, query or trailing slash: a path belongs in the resources' `basePath` (or the environment's `resourcePaths`)",
  '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$':
    'scope tokens separated by one space (RFC 6749 section 3.3), each printable ASCII without `"` or `\\`, e.g. `read:devices write:devices`',
  "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$": "an HTTP header name (RFC 9110 token): letters, digits and `!#$%&'*+.^_`|~-`, no spaces or `:`, e.g. `X-Total-Count`",
  '^[A-Za-z$_@][A-Za-z0-9_.$@-]*$':
    'a property of the answer, or a dotted path to one: a letter, `$`, `_` or `@`, then letters, digits, `_`, `.`, `$`, `@` or `-`, ' +
    'e.g. `nextCursor`, `meta.next` or `@odata.nextLink`',
  '^[A-Za-z]+$': 'the Authorization scheme, letters only, e.g. `Bearer` or `Token`',
};

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function article(type: string): string {
  const names = type.split(',').map((t) => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  return names.join(' or ');
}

function pointerToPath(pointer: string): NodePath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
