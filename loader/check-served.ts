// What the reference server needs to serve an endpoint without guessing: a list's items, total and
// paging exist in its answer's schema and query (one paging style, see loader/list-shape.ts), a fetch-one's key exists in the item schema, and every filter reads
// a field the item can hold with the filter's values.
import { filterField, isFilter, isYesNo } from '../model/model.js';
import { answerSchema, deref, isObject, property, resolvePath, type Schema } from './answer-schema.js';
import type { NodePath, Report } from './diagnostics.js';
import { namedStyles, STYLES_TAUGHT } from './list-shape.js';
import type { RawEndpoint, RawList, RawParameter, RawSpec } from './raw.js';

type Schemas = RawSpec['schemas'];

export function checkServed(spec: RawSpec, report: Report): void {
  spec.resources.forEach((resource, i) => {
    const itemSchemas: Array<{ ref: string | undefined; path: NodePath }> = [];
    resource.endpoints.forEach((endpoint, j) => {
      const path: NodePath = ['resources', i, 'endpoints', j];
      const item = checkEndpoint(endpoint, path, spec.schemas, report);
      if (item) itemSchemas.push(item);
    });
    checkOneItemSchema(itemSchemas, report);
  });
}

/** The item schema's reference (and where it was named) when the endpoint lists or fetches one. */
function checkEndpoint(endpoint: RawEndpoint, path: NodePath, schemas: Schemas, report: Report): { ref: string | undefined; path: NodePath } | undefined {
  (endpoint.pathParams ?? []).forEach((p, k) => {
    if (p.field !== undefined)
      report('invalid-value', [...path, 'pathParams', k, 'field'], '`field` applies to filters (enum and flag query parameters of a list endpoint)', 'key');
  });
  if (endpoint.list && endpoint.item) {
    report('invalid-value', [...path, 'item'], 'an endpoint either lists (`list`) or fetches one (`item`), not both', 'key');
    return undefined;
  }
  const answer = answerSchema(endpoint, schemas);
  if (endpoint.list) return checkList(endpoint, answer, [...path, 'list'], schemas, report);
  checkNoFilterFields(endpoint, path, report);
  if (endpoint.item) return checkItem(endpoint, answer, [...path, 'item'], schemas, report);
  return undefined;
}

function checkList(endpoint: RawEndpoint, answer: ReturnType<typeof answerSchema>, path: NodePath, schemas: Schemas, report: Report) {
  const list = endpoint.list!;
  if (!answer.schema) {
    report('invalid-value', path, 'a list endpoint needs a success response with a schema holding its items', 'key');
    return undefined;
  }
  checkPagingKeys(list, path, report);
  const items = list.items === undefined ? checkBareArray(list, answer.schema, path, report) : checkItemsProperty(list, answer.schema, path, schemas, report);
  checkListParams(endpoint, path, report);
  for (const key of ['nextCursor', 'nextLink'] as const) {
    const name = list[key];
    // An unpaired nextCursor is one mistake, already named by checkPagingKeys.
    if (name === undefined || list.items === undefined || (key === 'nextCursor' && list.cursor === undefined)) continue;
    const found = resolvePath(answer.schema, name, schemas);
    if (!found || !holdsString(found.schema))
      report(
        'invalid-value',
        [...path, key],
        `the answer's schema has no string property \`${name}\` (a dotted name reads a nested property, e.g. \`meta.next\`)`,
      );
  }
  const item = isObject(items?.items) ? items.items : undefined;
  (endpoint.query ?? []).forEach((param, k) => {
    if (isFilter(param)) checkFilter(param, item === undefined ? undefined : deref(item, schemas), [...path.slice(0, -1), 'query', k], schemas, report);
    else if (param.field !== undefined)
      report('invalid-value', [...path.slice(0, -1), 'query', k, 'field'], '`field` applies to filters (enum and flag query parameters)', 'key');
  });
  return item === undefined ? undefined : { ref: refOf(item), path: list.items === undefined ? path : [...path, 'items'] };
}

/** At most one paging style; the keys that go together do; one place for the total. */
function checkPagingKeys(list: RawList, path: NodePath, report: Report): void {
  const styles = namedStyles(list);
  if (styles.length > 1)
    report(
      'invalid-value',
      [...path, styles[1]!],
      `a list pages one way, but this one names \`${styles.join('` and `')}\`: keep one of ${STYLES_TAUGHT}`,
      'key',
    );
  if (list.firstPage !== undefined && list.page === undefined)
    report(
      'invalid-value',
      [...path, 'firstPage'],
      '`firstPage` numbers the pages of the page-number style: it goes with `page` (the page-number query parameter)',
      'key',
    );
  if ((list.cursor === undefined) !== (list.nextCursor === undefined)) {
    const [missing, given] = list.cursor === undefined ? ['cursor', 'nextCursor'] : ['nextCursor', 'cursor'];
    report(
      'invalid-value',
      [...path, given],
      `\`cursor\` (the query parameter that sends a cursor) and \`nextCursor\` (the answer property that hands out the next one) go together: add \`${missing}\``,
      'key',
    );
  }
  if (list.total !== undefined && list.totalHeader !== undefined)
    report('invalid-value', [...path, 'totalHeader'], 'a list counts every match in the body (`total`) or in a header (`totalHeader`), not both', 'key');
}

/** `items` names an array property of the answer, and `total` (when given) an integer one. */
function checkItemsProperty(list: RawList, answer: Schema, path: NodePath, schemas: Schemas, report: Report): Schema | undefined {
  const items = property(answer, list.items!, schemas);
  if (items?.type !== 'array' || !isObject(items.items)) {
    report('invalid-value', [...path, 'items'], `the answer's schema has no array property \`${list.items}\` with an \`items\` schema`);
  }
  if (list.total !== undefined && property(answer, list.total, schemas)?.type !== 'integer')
    report('invalid-value', [...path, 'total'], `the answer's schema has no integer property \`${list.total}\``);
  return items;
}

/** Without `items` the answer is a bare array, which has no property for a total or a next page. */
function checkBareArray(list: RawList, answer: Schema, path: NodePath, report: Report): Schema | undefined {
  if (answer.type !== 'array' || !isObject(answer.items)) {
    report(
      'invalid-value',
      path,
      "a list without `items` answers a bare JSON array, but the answer's schema is not an array with an `items` schema: name the array property with `items`",
      'key',
    );
    return undefined;
  }
  if (list.total !== undefined)
    report(
      'invalid-value',
      [...path, 'total'],
      'a bare-array answer (no `items`) has no property to count in: give the count in a header with `totalHeader`',
      'key',
    );
  for (const key of ['nextCursor', 'nextLink'] as const) {
    if (list[key] !== undefined)
      report(
        'invalid-value',
        [...path, key],
        `a bare-array answer (no \`items\`) has no property for \`${key}\`: page it with \`linkHeader: true\`, \`offset\` or \`page\``,
        'key',
      );
  }
  return answer;
}

/** `limit`, `offset` and `page` name integer query parameters of the endpoint, `cursor` a string one that is no filter. */
function checkListParams(endpoint: RawEndpoint, path: NodePath, report: Report): void {
  const list = endpoint.list!;
  for (const key of ['limit', 'offset', 'page', 'cursor'] as const) {
    const name = list[key];
    const type = key === 'cursor' ? 'string' : 'integer';
    const param = (endpoint.query ?? []).find((p) => p.name === name && p.type === type);
    if (name === undefined) continue;
    if (!param) report('invalid-value', [...path, key], `no ${type} query parameter \`${name}\`: \`${key}\` names one of the endpoint's \`query\` parameters`);
    else if (key === 'cursor' && param.enum)
      report(
        'invalid-value',
        [...path, key],
        `the cursor parameter \`${name}\` has an \`enum\`, which makes it a filter: a cursor is whatever the previous page handed out`,
      );
    else if (key === 'page' && param.minimum !== undefined && param.minimum > (list.firstPage ?? 1))
      report(
        'invalid-value',
        [...path, key],
        `the first page is ${list.firstPage ?? 1} (\`firstPage\`), but \`${name}\` has \`minimum: ${param.minimum}\`: set \`firstPage\` to the number of the first page`,
      );
  }
}

/** `type: string`, or a list of types holding `string` (e.g. `[string, "null"]` on the last page). */
function holdsString(schema: Schema): boolean {
  return schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
}

function checkItem(endpoint: RawEndpoint, answer: ReturnType<typeof answerSchema>, path: NodePath, schemas: Schemas, report: Report) {
  if ((endpoint.pathParams ?? []).length !== 1) report('invalid-value', path, 'a fetch-one endpoint needs exactly one path parameter, the key', 'key');
  if (!answer.schema) {
    report('invalid-value', path, 'a fetch-one endpoint needs a success response with the item schema', 'key');
    return undefined;
  }
  const key = endpoint.item!.key;
  const type = property(answer.schema, key, schemas)?.type;
  if (type !== 'string' && type !== 'integer') report('invalid-value', [...path, 'key'], `the item schema has no string or integer property \`${key}\``);
  return { ref: answer.ref, path: [...path, 'key'] };
}

function checkNoFilterFields(endpoint: RawEndpoint, path: NodePath, report: Report): void {
  (endpoint.query ?? []).forEach((p, k) => {
    if (p.field !== undefined)
      report('invalid-value', [...path, 'query', k, 'field'], '`field` applies to filters of a list endpoint (one with `list`)', 'key');
  });
}

/** What `field` may be (spec/format.schema.json); a filter whose name is spelled otherwise (`filter[status]`) must give one. */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Walks the dotted field into the item schema: where the schema names it, its type must fit the filter; where it stops, the field must be addable. */
function checkFilter(param: RawParameter, item: Schema | undefined, path: NodePath, schemas: Schemas, report: Report): void {
  const field = filterField(param);
  const at: NodePath = param.field === undefined ? [...path, 'name'] : [...path, 'field'];
  if (!FIELD_PATH.test(field))
    return void report('invalid-value', at, `the filter \`${field}\` is not a field path; name the item field it reads with \`field\`, e.g. \`field: status\``);
  let node = item;
  const steps = field.split('.');
  for (const [n, step] of steps.entries()) {
    if (node === undefined) return;
    if (node.type !== undefined && node.type !== 'object')
      return void report('invalid-value', at, `\`${steps.slice(0, n).join('.')}\` is not an object in the item schema, so \`${field}\` cannot be read`);
    const next = property(node, step, schemas);
    if (next === undefined && node.additionalProperties === false)
      return void report('invalid-value', at, `the item schema closes \`${steps.slice(0, n).join('.') || 'the item'}\`, so it cannot hold \`${field}\``);
    node = next;
  }
  if (node !== undefined) checkLeaf(param, field, node, at, report);
}

/** A filter value outside the field's schema enum is allowed: it matches nothing. */
function checkLeaf(param: RawParameter, field: string, leaf: Schema, at: NodePath, report: Report): void {
  const wanted = isYesNo(param) ? 'boolean' : 'string';
  if (leaf.type !== undefined && leaf.type !== wanted)
    report('invalid-value', at, `\`${field}\` is ${String(leaf.type)} in the item schema; a ${param.type} filter reads a ${wanted}`);
}

/** A resource's lists and fetch-ones serve one set of items, so they must name one item schema. */
function checkOneItemSchema(items: Array<{ ref: string | undefined; path: NodePath }>, report: Report): void {
  const first = items[0];
  for (const other of items.slice(1)) {
    if (other.ref === undefined || other.ref !== first!.ref) {
      report(
        'invalid-value',
        other.path,
        `the resource's endpoints serve one set of items: refer to the same item schema (${first!.ref ?? 'an inline schema'}) as the others`,
      );
    }
  }
}

function refOf(schema: Schema): string | undefined {
  return typeof schema.$ref === 'string' ? schema.$ref : undefined;
}
