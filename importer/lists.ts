// Lists and fetch-ones, recognised only where the document shows them. A list is a GET answering a
// bare array, or an object with one array property and a sign that it pages or counts: an integer
// count property, an `X-Total-Count`-style header, paging parameters (`limit`/`offset`,
// `page` with a page size, a cursor parameter with a next-cursor property), a next-page URL property
// (`@odata.nextLink`, `links.next`) or a documented `Link` header. `GET <list path>/{key}`
// answering the list's item schema is a fetch-one.
import type { RawEndpoint, RawList, RawParameter } from '../loader/raw.js';
import type { ImportContext } from './context.js';
import { isObject } from './documents.js';

type Schemas = Record<string, unknown>;
type Schema = Record<string, unknown>;

const COUNT = /^(total|total_?count|count|total_?items|total_?results|total_?size|total_?elements)$/i;
const REF = /^#\/schemas\/(.+)$/;
const LIMIT = /^(limit|\$?top|page_?size|pageSize|page\[size\]|per_?page|perPage|size|max_?results|maxResults)$/i;
const OFFSET = /^(offset|\$?skip|start|page\[offset\])$/i;
const PAGE = /^(page|page_?number|pageNumber|page\[number\])$/i;
const CURSOR = /^(cursor|page_?token|pageToken|after|starting_?after|continuation_?token|next_?token|\$?skip_?token|page\[cursor\]|page\[after\])$/i;
const NEXT_CURSOR = /^(next_?cursor|next_?page_?token|next_?token|end_?cursor|continuation_?token|after|cursor|next)$/i;
const NEXT_LINK = /^(@odata\.nextLink|next_?link|next_?url|next_?page_?url|next_?page|next)$/i;
const TOTAL_HEADER = /^(x-total-count|x-total|x-total-results|x-total-items|total-count)$/i;
/** Objects of the answer a next cursor or link may sit in, one level down. */
const HOLDERS = /^(meta|pagination|paging|page_?info|pageInfo|links|_links|cursor|cursors)$/i;

export function markListsAndItems(ctx: ImportContext, endpoints: RawEndpoint[], schemas: Schemas, headersOf: (e: RawEndpoint) => string[] = () => []): void {
  let itemRef: string | undefined;
  for (const list of endpoints) {
    const shape = listShape(list, schemas, headersOf(list));
    if (!shape || (itemRef !== undefined && shape.itemRef !== itemRef)) continue;
    const unwritten = unwrittenRequired(list, shape.list, schemas);
    if (unwritten.length) {
      ctx.report.warnings.push(
        `${list.id} is left a plain GET, not a list: its answer requires ${unwritten.map((n) => `\`${n}\``).join(', ')}, which a list answer does not hold (only the items, the total and the next page)`,
      );
      continue;
    }
    itemRef = shape.itemRef;
    list.list = shape.list;
    keepFiltersReadable(ctx, list, shape.item);
    ctx.report.notes.push(`${list.id} is a list: ${listNote(shape.list)}`);
    if (shape.items !== undefined) for (const one of endpoints) markItem(ctx, list, one, { ...shape, items: shape.items }, schemas);
  }
}

interface Shape {
  list: RawList;
  /** The array property; undefined for a bare array. */
  items: string | undefined;
  itemRef: string | undefined;
  item: Schema | undefined;
}

function listShape(endpoint: RawEndpoint, schemas: Schemas, headers: string[]): Shape | undefined {
  const answer = success(endpoint, schemas);
  const found = arrayOf(answer, schemas);
  if (!found || (found.items === undefined && endpoint.method !== 'GET')) return undefined;
  const properties = found.items === undefined || !isObject(answer?.properties) ? {} : answer.properties;
  const total = Object.keys(properties).find((name) => COUNT.test(name) && deref(properties[name], schemas)?.type === 'integer');
  const totalHeader = headers.find((h) => TOTAL_HEADER.test(h));
  const list: RawList = {
    ...(found.items !== undefined ? { items: found.items } : {}),
    ...(total !== undefined ? { total } : totalHeader !== undefined ? { totalHeader } : {}),
    ...paging(endpoint.query ?? [], found.items === undefined ? [] : stringPaths(answer!, schemas), headers),
  };
  const signs = Object.keys(list).filter((k) => k !== 'items');
  if (found.items !== undefined && signs.length === 0) return undefined;
  const itemSchema = found.item;
  return { list, items: found.items, itemRef: typeof itemSchema.$ref === 'string' ? itemSchema.$ref : undefined, item: deref(itemSchema, schemas) };
}

/** The answer's required properties a list answer does not write (e.g. commercetools' `limit` and `offset` echoed back). */
function unwrittenRequired(endpoint: RawEndpoint, list: RawList, schemas: Schemas): string[] {
  const answer = success(endpoint, schemas);
  const required = Array.isArray(answer?.required) ? answer.required.map(String) : [];
  const written = [list.items, list.total, list.nextCursor, list.nextLink].flatMap((path) => (path === undefined ? [] : [path, path.split('.')[0]]));
  return required.filter((name) => !written.includes(name));
}

/** The answer's one array property (or the answer itself, a bare array) and its item schema. */
function arrayOf(answer: Schema | undefined, schemas: Schemas): { items: string | undefined; item: Schema } | undefined {
  if (answer?.type === 'array') return isObject(answer.items) ? { items: undefined, item: answer.items } : undefined;
  const properties = isObject(answer?.properties) ? answer.properties : {};
  const arrays = Object.entries(properties).filter(
    ([name, p]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && deref(p, schemas)?.type === 'array' && isObject(deref(p, schemas)!.items),
  );
  if (arrays.length !== 1) return undefined;
  const [items, array] = arrays[0]!;
  return { items, item: deref(array, schemas)!.items as Schema };
}

/** The one paging style the document shows, by the names vendors use (cursor, page, offset, next link, Link header). */
function paging(query: RawParameter[], strings: string[], headers: string[]): Partial<RawList> {
  const param = (pattern: RegExp, type: string) => query.find((p) => pattern.test(p.name) && p.type === type);
  const limit = param(LIMIT, 'integer');
  const size = limit ? { limit: limit.name } : {};
  const cursor = param(CURSOR, 'string');
  const nextCursor = strings.find((path) => NEXT_CURSOR.test(last(path)));
  if (cursor && nextCursor !== undefined) return { ...size, cursor: cursor.name, nextCursor };
  const page = param(PAGE, 'integer');
  if (page && limit) return { ...size, page: page.name, firstPage: page.minimum === 0 || page.default === 0 ? 0 : 1 };
  const offset = param(OFFSET, 'integer');
  if (offset) return { ...size, offset: offset.name };
  const nextLink = strings.find((path) => NEXT_LINK.test(last(path)));
  if (nextLink !== undefined) return { ...size, nextLink };
  if (headers.some((h) => /^link$/i.test(h))) return { ...size, linkHeader: true };
  return size;
}

/** The answer's string properties, and those one level down in a holder such as `meta` or `links`, as dotted paths. */
function stringPaths(answer: Schema, schemas: Schemas): string[] {
  const out: string[] = [];
  for (const [name, node] of Object.entries(isObject(answer.properties) ? answer.properties : {})) {
    const schema = deref(node, schemas);
    if (isText(schema)) out.push(name);
    else if (HOLDERS.test(name) && isObject(schema?.properties))
      for (const [inner, leaf] of Object.entries(schema.properties)) if (isText(deref(leaf, schemas)) && !inner.includes('.')) out.push(`${name}.${inner}`);
  }
  return out;
}

const isText = (schema: Schema | undefined) => schema?.type === 'string' || (Array.isArray(schema?.type) && schema.type.includes('string'));
const last = (path: string) => (path.startsWith('@') ? path : path.slice(path.lastIndexOf('.') + 1));

/** What the report says of a list: where its items and total are, and how it pages. */
function listNote(list: RawList): string {
  const items = list.items === undefined ? 'the answer is a bare array' : `\`${list.items}\` holds the items`;
  const total =
    list.total !== undefined
      ? ` and \`${list.total}\` counts them`
      : list.totalHeader !== undefined
        ? ` and the \`${list.totalHeader}\` header counts them`
        : '';
  const style = list.cursor
    ? `, paged by the cursor \`${list.cursor}\` from \`${list.nextCursor}\``
    : list.page
      ? `, paged by page number \`${list.page}\` from ${list.firstPage}`
      : list.nextLink
        ? `, paged by the next link in \`${list.nextLink}\``
        : list.linkHeader
          ? ', paged by the `Link` header'
          : '';
  return items + total + style;
}

function markItem(ctx: ImportContext, list: RawEndpoint, one: RawEndpoint, shape: Shape & { items: string }, schemas: Schemas): void {
  const param = one.pathParams?.length === 1 ? one.pathParams[0]! : undefined;
  if (!param || one.item || one.list || one.method !== 'GET' || one.path !== `${list.path}/{${param.name}}` || shape.itemRef === undefined) return;
  const answer = one.responses.find((r) => r.status >= 200 && r.status < 300)?.schema?.$ref;
  if (answer !== shape.itemRef) return;
  const properties = isObject(shape.item?.properties) ? shape.item.properties : {};
  const key = [param.name, 'id'].find((k) => ['string', 'integer'].includes(String(deref(properties[k], schemas)?.type)));
  if (key === undefined) return;
  const variable = `${shape.items.replace(/[^A-Za-z0-9]/g, '')}Key`;
  one.item = { key };
  list.capture = { ...list.capture, [variable]: `${shape.items}[0].${key}` };
  param.example = `{{${variable}}}`;
  one.requires = [variable];
  ctx.report.notes.push(`${one.id} fetches one item of ${list.id} by \`${key}\``);
}

// A list filters by every enum query parameter; one that reads no field of the item stays a plain parameter.
function keepFiltersReadable(ctx: ImportContext, list: RawEndpoint, item: Schema | undefined): void {
  const properties = isObject(item?.properties) ? item.properties : {};
  for (const param of list.query ?? []) {
    if (param.enum && !(param.name in properties)) {
      delete param.enum;
      ctx.report.warnings.push(
        `${list.id}: query parameter \`${param.name}\` lost its enum: on a list the format treats an enum as a filter on an item field, and the items have no \`${param.name}\``,
      );
    }
  }
}

function success(endpoint: RawEndpoint, schemas: Schemas): Schema | undefined {
  const ref = endpoint.responses.find((r) => r.status >= 200 && r.status < 300)?.schema?.$ref;
  return ref === undefined ? undefined : deref({ $ref: ref }, schemas);
}

function deref(schema: unknown, schemas: Schemas): Schema | undefined {
  let node = schema;
  for (let hops = 0; hops < 16 && isObject(node) && typeof node.$ref === 'string'; hops++) node = schemas[REF.exec(node.$ref)?.[1] ?? ''];
  return isObject(node) ? node : undefined;
}
