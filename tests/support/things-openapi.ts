// A small OpenAPI 3.0 document with the methods import keeps beyond GET: a HEAD (a read, sent by the
// contract run), a DELETE answering 204 with no body and one answering a JSON 200 (writes, never sent
// by the contract run). tests/support/things-server.ts serves it, written from this document alone.
import { DEMO } from '../../server/index.js';
import { importText } from './import-text.js';

export const THINGS_OPENAPI = `openapi: 3.0.3
info: { title: Things, version: "1" }
servers: [{ url: "https://api.things.test" }]
components:
  securitySchemes:
    cc: { type: oauth2, flows: { clientCredentials: { tokenUrl: https://api.things.test/token, scopes: {} } } }
  schemas:
    Thing: { type: object, required: [id], properties: { id: { type: string } } }
security: [{ cc: [] }]
paths:
  /things/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string }, example: t-1 }
    get:
      operationId: getThing
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }
    head:
      operationId: thingExists
      responses:
        "200": { description: it exists }
        "404": { description: no such thing }
    delete:
      operationId: deleteThing
      parameters:
        - { name: version, in: query, required: true, schema: { type: integer }, example: 3 }
        - { name: If-Match, in: header, required: true, schema: { type: string }, example: abc }
      responses:
        "204": { description: deleted }
        "404": { description: not found }
  /others/{id}:
    delete:
      operationId: deleteOther
      parameters:
        - { name: id, in: path, required: true, schema: { type: string }, example: o-1 }
      responses:
        "200": { description: the deleted one, content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }
`;

/** The document imported in-process (`--client-auth basic`), its description as written and as loaded. */
export function importThings() {
  const { yaml, model, report } = importText(THINGS_OPENAPI, { clientAuth: 'basic' }, 'things.yaml');
  return { text: yaml, model, report };
}

/** An access token from a server of this document: its `/token`, the client (the demo one by default) as HTTP Basic. */
export async function thingsToken(baseUrl: string, client: { clientId: string; clientSecret: string } = DEMO): Promise<string> {
  const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const answer = await fetch(`${baseUrl}/token`, { method: 'POST', headers: { authorization: `Basic ${basic}` }, body: form });
  return ((await answer.json()) as { access_token: string }).access_token;
}
