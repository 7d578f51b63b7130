// The reference page of the description format (docs/format.md), written from spec/format.schema.json:
// one table per object, a row per key with its type, whether it is required and its description.
// `npm run docs` writes it; tests/scripts/format-reference.test.ts fails while it is stale.
import formatSchema from '../spec/format.schema.json' with { type: 'json' };

export const FORMAT_REFERENCE_PATH = 'docs/format.md';

type Schema = { [key: string]: unknown };
interface Section {
  title: string;
  node: Schema;
}

const DEFINITIONS = '#/definitions/';

function props(node: Schema): Record<string, Schema> {
  return (node['properties'] as Record<string, Schema> | undefined) ?? {};
}

/** An object with listed keys, or a value that may be one (e.g. `lifetimeSeconds`: an integer or a range). */
function isObject(node: Schema): boolean {
  const type = node['type'];
  return (type === 'object' || (Array.isArray(type) && type.includes('object'))) && node['properties'] !== undefined;
}

function definitions(schema: Schema): Record<string, Schema> {
  return schema['definitions'] as Record<string, Schema>;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as `-`. */
export function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

function link(title: string): string {
  return `[\`${title}\`](#${anchor(title)})`;
}

function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

function limits(node: Schema): string[] {
  const out: string[] = [];
  if (node['minimum'] !== undefined) out.push(`>= ${node['minimum']}`);
  if (node['maximum'] !== undefined) out.push(`<= ${node['maximum']}`);
  if (node['minLength'] !== undefined) out.push(`${node['minLength']}+ chars`);
  if (node['maxLength'] !== undefined) out.push(`<= ${node['maxLength']} chars`);
  if (node['minItems'] !== undefined) out.push(`${node['minItems']}+ items`);
  if (node['uniqueItems'] === true) out.push('no repeats');
  if (typeof node['pattern'] === 'string') out.push(`matches ${code(node['pattern'])}`);
  return out;
}

/** The type column: a link for objects and named value types, the rule otherwise. */
function typeOf(node: Schema, inlineTitle: string): string {
  const ref = node['$ref'];
  if (typeof ref === 'string' && ref.startsWith(DEFINITIONS)) return link(ref.slice(DEFINITIONS.length));
  if (typeof ref === 'string') return `a schema reference ${code(ref)}`;
  if ('const' in node) return code(node['const']);
  if (Array.isArray(node['enum'])) return `one of ${node['enum'].map(code).join(', ')}`;
  const type = node['type'];
  if (isObject(node))
    return Array.isArray(type)
      ? [...type.filter((t) => t !== 'object').map((t) => [t, ...limits(node)].join(', ')), link(inlineTitle)].join(' or ')
      : link(inlineTitle);
  const limited = (base: string) => [base, ...limits(node)].join(', ');
  if (type === 'array') return limited(`list of ${typeOf(node['items'] as Schema, inlineTitle)}`);
  if (type === 'object') return mapOf(node, inlineTitle);
  if (Array.isArray(type)) return type.join(' or ');
  if (typeof type === 'string') return limited(type);
  return 'any';
}

/** An object without listed keys: `object`, or a map from its key rule to its value type. */
function mapOf(node: Schema, inlineTitle: string): string {
  const values = node['additionalProperties'];
  const names = node['propertyNames'] as Schema | undefined;
  if (values === undefined && names === undefined) return 'object';
  const valueType = values && typeof values === 'object' ? typeOf(values as Schema, inlineTitle) : 'any';
  return `map from ${names ? typeOf(names, inlineTitle) : 'name'} to ${valueType}`;
}

function row(key: string, node: Schema, required: boolean, inlineTitle: string): string {
  const description = String(node['description'] ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
  return `| \`${key}\` | ${typeOf(node, inlineTitle).replace(/\|/g, '\\|')} | ${required ? 'yes' : 'no'} | ${description} |`;
}

/** An object's section and those of the objects written inline in it (e.g. `info`, `auth.response`). */
function objectSections(title: string, node: Schema): Section[] {
  const inline = Object.entries(props(node)).flatMap(([key, child]) => {
    const target = child['type'] === 'array' ? (child['items'] as Schema) : child;
    return isObject(target) && target['$ref'] === undefined ? objectSections(title === 'Top level' ? key : `${title}.${key}`, target) : [];
  });
  return [{ title, node }, ...inline];
}

function renderSection({ title, node }: Section): string[] {
  const required = new Set((node['required'] as string[] | undefined) ?? []);
  const prefix = title === 'Top level' ? '' : `${title}.`;
  return [
    `### ${title === 'Top level' ? title : `\`${title}\``}`,
    '',
    String(node['description'] ?? ''),
    '',
    '| Key | Type | Required | Description |',
    '|---|---|---|---|',
    ...Object.entries(props(node)).map(([key, child]) => row(key, child, required.has(key), `${prefix}${key}`)),
    '',
  ];
}

function valueTypes(schema: Schema): string[] {
  const simple = Object.entries(definitions(schema)).filter(([, node]) => !isObject(node));
  return [
    '## Value types',
    '',
    '| Name | Rule | Description |',
    '|---|---|---|',
    ...simple.map(
      ([name, node]) => `| <a id="${anchor(name)}"></a>\`${name}\` | ${typeOf(node, name).replace(/\|/g, '\\|')} | ${String(node['description'] ?? '')} |`,
    ),
    '',
  ];
}

export function formatReference(schema: Schema = formatSchema as Schema): string {
  const objects = Object.entries(definitions(schema)).filter(([, node]) => isObject(node));
  const sections = [...objectSections('Top level', schema), ...objects.flatMap(([name, node]) => objectSections(name, node))];
  return [
    '# The description format',
    '',
    "<!-- GENERATED by `npm run docs` from spec/format.schema.json. Do not edit: edit the schema's descriptions. -->",
    '',
    `${String(schema['title'])}. ${String(schema['description'])} The shipped description, \`spec/securithings.yaml\`, uses most of it.`,
    '',
    'Editors that speak the YAML language server (VS Code with the Red Hat YAML extension, and others) complete and check',
    'a description whose first line is `# yaml-language-server: $schema=<path to spec/format.schema.json>`.',
    '',
    '## Objects',
    '',
    ...sections.flatMap(renderSection),
    ...valueTypes(schema),
  ].join('\n');
}
