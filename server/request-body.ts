// A write endpoint's JSON body: checked against its schema before anything is answered (400 with the
// reason otherwise), and echoed into the answer where the success schema names the same field.
// Stateless: nothing is stored, so the next list is what it was.
import type { ValidateFunction } from 'ajv';
import { schemaCompiler } from '../loader/schemas.js';
import type { ApiModel, JsonSchema, RequestBody } from '../model/model.js';
import { ApiError } from './errors.js';
import { isObject, resolve } from './sample.js';

/** The compiled body schemas of each model, by schema name. */
const compiled = new WeakMap<ApiModel, Map<string, ValidateFunction>>();

/** The parsed body when the request says it is JSON; a form or any other body is no JSON body. */
export function jsonBodyOf(body: unknown, contentType: string | undefined): unknown {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '') ? body : undefined;
}

/** Throws a 400 naming what is wrong: no JSON body when one is required, or a body that breaks the schema. */
export function checkBody(model: ApiModel, spec: RequestBody, body: unknown): void {
  if (body === undefined) {
    if (!spec.required) return;
    throw new ApiError(400, 'invalid_request', 'this endpoint needs a JSON request body (Content-Type: application/json)');
  }
  const validate = validatorFor(model, spec.schema);
  if (validate(body)) return;
  const error = validate.errors?.[0];
  throw new ApiError(
    400,
    'invalid_request',
    `the request body does not match ${spec.schema}: ${shownPath(error?.instancePath)} ${error?.message ?? 'is invalid'}`,
  );
}

/** A path into the body made only of the schema's own names and indexes is shown; anything else the client chose is not. */
function shownPath(pointer: string | undefined): string {
  return pointer && pointer.length <= 100 && /^[A-Za-z0-9_/.-]+$/.test(pointer) ? pointer : 'body';
}

function validatorFor(model: ApiModel, name: string): ValidateFunction {
  let byName = compiled.get(model);
  if (!byName) compiled.set(model, (byName = new Map()));
  let validate = byName.get(name);
  if (!validate) {
    const made = schemaCompiler()(model.schemas[name]!);
    if (typeof made === 'string') throw new Error(`schema ${name} does not compile: ${made}`); // the loader compiled it already
    byName.set(name, (validate = made));
  }
  return validate;
}

/** The answer with the body's fields that the answer's schema also names: what was sent comes back. */
export function echoBody(answer: unknown, body: unknown, root: JsonSchema | undefined): unknown {
  if (!root || !isObject(answer) || !isObject(body)) return answer;
  const properties = resolve(root, root)?.properties;
  if (!isObject(properties)) return answer;
  const echoed = Object.entries(body).filter(([key]) => Object.hasOwn(properties, key));
  return { ...answer, ...Object.fromEntries(echoed) };
}
