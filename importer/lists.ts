// Lists and fetch-ones, recognised only where the document shows them: a success schema holding
// an array property and an integer count is a list (paged by integer `limit`/`offset` parameters
// when it has them); `GET <list path>/{key}` answering the list's item schema is a fetch-one.
import type { RawEndpoint } from '../loader/raw.js';
import type { ImportContext } from './context.js';
import { isObject } from './documents.js';

type Schemas = Record<string, unknown>;
type Schema = Record<string, unknown>;

const COUNT = /^(total|total_?count|count|total_?items|total_?results|total_?size|total_?elements)$/i;
const REF = /^#\/schemas\/(.+)$/;

export function markListsAndItems(ctx: ImportContext, endpoints: RawEndpoint[], schemas: Schemas): void {
  let itemRef: string | undefined;
  for (const list of endpoints) {
    const shape = listShape(list, schemas);
    if (!shape || (itemRef !== undefined && shape.itemRef !== itemRef)) continue;
    itemRef = shape.itemRef;
    const query = list.query ?? [];
    const integer = (name: string) => query.some((p) => p.name === name && p.type === 'integer');
    list.list = { items: shape.items, total: shape.total, ...(integer('limit') ? { limit: 'limit' } : {}), ...(integer('offset') ? { offset: 'offset' } : {}) };
    keepFiltersReadable(ctx, list, shape.item);
    ctx.report.notes.push(`${list.id} is a list: \`${shape.items}\` holds the items and \`${shape.total}\` counts them`);
    for (const one of endpoints) markItem(ctx, list, one, shape, schemas);
  }
}

interface Shape {
  items: string;
  total: string;
  itemRef: string | undefined;
  item: Schema | undefined;
}

function listShape(endpoint: RawEndpoint, schemas: Schemas): Shape | undefined {
  const answer = success(endpoint, schemas);
  const properties = isObject(answer?.properties) ? answer.properties : {};
  const arrays = Object.entries(properties).filter(
    ([name, p]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && deref(p, schemas)?.type === 'array' && isObject(deref(p, schemas)!.items),
  );
  const total = Object.keys(properties).find((name) => COUNT.test(name) && deref(properties[name], schemas)?.type === 'integer');
  if (arrays.length !== 1 || total === undefined) return undefined;
  const [items, array] = arrays[0]!;
  const itemSchema = deref(array, schemas)!.items as Schema;
  return { items, total, itemRef: typeof itemSchema.$ref === 'string' ? itemSchema.$ref : undefined, item: deref(itemSchema, schemas) };
}

function markItem(ctx: ImportContext, list: RawEndpoint, one: RawEndpoint, shape: Shape, schemas: Schemas): void {
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
