// In-memory variants of the committed Postman collection, to see where a contract run's time goes.
// Each returns a deep copy; the committed file is never touched.

export interface PmScript {
  listen: string;
  script: { exec: string[] };
}

export interface PmNode {
  name?: string;
  item?: PmNode[];
  event?: PmScript[];
  variable?: Array<{ key: string; value: unknown }>;
  request?: PmRequest;
}

export interface PmRequest {
  method: string;
  url: { raw: string; variable?: Array<{ key: string; value: string }> };
  header?: Array<{ key: string; value: string; disabled?: boolean }>;
  auth?: { type: string; basic?: Array<{ key: string; value: string }>; bearer?: Array<{ key: string; value: string }> };
}

function copy(collection: object): PmNode {
  return structuredClone(collection) as PmNode;
}

function eachNode(node: PmNode, visit: (n: PmNode) => void): void {
  visit(node);
  for (const child of node.item ?? []) eachNode(child, visit);
}

function setVariable(collection: PmNode, key: string, value: string): void {
  collection.variable = collection.variable ?? [];
  const existing = collection.variable.find((v) => v.key === key);
  if (existing) existing.value = value;
  else collection.variable.push({ key, value });
}

/** Values the scripts would have captured, set beforehand for variants whose scripts do not run. */
export interface Preset {
  accessToken: string;
  deviceId: string;
  tamperedToken: string;
}

function setPreset(collection: PmNode, preset: Preset): void {
  for (const [key, value] of Object.entries(preset)) setVariable(collection, key, value);
}

/** No scripts at all: no token fetch, no tests. The token and the captured values are pre-set as collection variables. */
export function withoutScripts(collection: object, preset: Preset): PmNode {
  const result = copy(collection);
  eachNode(result, (node) => delete node.event);
  setPreset(result, preset);
  return result;
}

/**
 * Every event kept, each script cut to one line that does nothing: what the sandbox costs per
 * script run, whatever the script. Values the scripts would capture are pre-set as in withoutScripts.
 */
export function withOneLineScripts(collection: object, preset: Preset): PmNode {
  const result = copy(collection);
  eachNode(result, (node) => {
    for (const event of node.event ?? []) event.script.exec = ['void 0;'];
  });
  setPreset(result, preset);
  return result;
}

/** Every script kept, but the `pm.response.to.have.jsonSchema` checks (Ajv 6 in the sandbox) removed. */
export function withoutJsonSchema(collection: object): PmNode {
  const result = copy(collection);
  eachNode(result, (node) => {
    for (const event of node.event ?? []) event.script.exec = event.script.exec.filter((line) => !line.includes('pm.response.to.have.jsonSchema'));
  });
  return result;
}

/** The naive pattern: the collection's pre-request script forgets the cached token first, so every authenticated request fetches one. */
export function naiveTokens(collection: object): PmNode {
  const result = copy(collection);
  const prerequest = (result.event ?? []).find((e) => e.listen === 'prerequest');
  if (!prerequest) throw new Error('the collection has no collection-level pre-request script');
  prerequest.script.exec = ["pm.collectionVariables.set('accessTokenExpiresAt', '0'); // naive: never reuse a token", ...prerequest.script.exec];
  return result;
}

/** The collection's items `times` over in one run, to tell a run's fixed cost from its cost per request. */
export function repeated(collection: object, times: number): PmNode {
  const result = copy(collection);
  result.item = Array.from({ length: times }, () => structuredClone(result.item ?? [])).flat();
  return result;
}

/** Script runs per request: each request runs its own events and those of every folder above it. */
export function scriptRunsPerRequest(collection: object): number {
  let runs = 0;
  const walk = (node: PmNode, above: number): void => {
    const here = above + (node.event ?? []).length;
    if (node.request) runs += here;
    for (const child of node.item ?? []) walk(child, here);
  };
  walk(collection as PmNode, 0);
  return runs / itemCount(collection);
}

/** How many requests the collection's items send (each item sends one). */
export function itemCount(collection: object): number {
  let count = 0;
  eachNode(collection as PmNode, (node) => (count += node.request ? 1 : 0));
  return count;
}
