// Deliberate contract breaks (`wrong-field-type`): the contract suite must notice them.
import type { ListShape } from '../model/model.js';
import type { Item } from './items.js';
import { isObject } from './sample.js';

/** The first string field becomes a number (the digits of the string, or its length when it has none). */
export function breakItem(item: unknown): unknown {
  if (!isObject(item)) return item;
  const field = Object.keys(item).find((k) => typeof item[k] === 'string');
  if (field === undefined) return item;
  const text = item[field] as string;
  return { ...item, [field]: Number(text.replace(/\D/g, '').slice(0, 15) || text.length) };
}

/** The total (in the body) becomes a string, and every item breaks as `breakItem` says. */
export function breakPage(list: ListShape, page: unknown): unknown {
  if (Array.isArray(page)) return page.map(breakItem);
  const body = page as Item;
  const items = list.items === undefined ? {} : { [list.items]: (body[list.items] as unknown[]).map(breakItem) };
  const total = list.total?.in === 'body' ? { [list.total.field]: String(body[list.total.field]) } : {};
  return { ...body, ...items, ...total };
}
