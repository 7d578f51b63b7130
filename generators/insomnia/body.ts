// A data request's JSON body as Insomnia carries it, with its Content-Type header.
import { JSON_CONTENT_TYPE } from '../../model/model.js';
import { CONTENT_TYPE_JSON } from '../shared/request-body.js';
import type { Header, JsonBody } from './nodes.js';

/** The body and header for this JSON text; nothing when the request sends no body. */
export function jsonBody(text: string | undefined): { body?: JsonBody; headers: Header[] } {
  if (text === undefined) return { headers: [] };
  const [name, value] = CONTENT_TYPE_JSON;
  return { body: { mimeType: JSON_CONTENT_TYPE, text }, headers: [{ name, value }] };
}
