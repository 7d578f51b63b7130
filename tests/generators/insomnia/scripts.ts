// Reads the after-response scripts of the generated Insomnia files (v5 YAML and v4 JSON) the way a
// static check can: parsed with acorn, the test names and every `insomnia.*` member chain listed.
import { parse, type Node } from 'acorn';
import { parse as parseYaml } from 'yaml';

/** `folder/request` -> the request's after-response script; the token request at the top is `Auth/…`, as in Postman. */
export type Scripts = Record<string, string>;

interface V5Item {
  name: string;
  children?: V5Item[];
  scripts?: { afterResponse?: string };
}

const AUTH_FOLDER = 'Auth';

export function v5Scripts(content: string): Scripts {
  const doc = parseYaml(content) as { collection: V5Item[] };
  const out: Scripts = {};
  const visit = (item: V5Item, folder: string) => {
    if (item.children) item.children.forEach((child) => visit(child, item.name));
    else if (item.scripts?.afterResponse) out[`${folder}/${item.name}`] = item.scripts.afterResponse;
  };
  for (const root of doc.collection) for (const child of root.children ?? []) visit(child, AUTH_FOLDER);
  return out;
}

export function v4Scripts(content: string): Scripts {
  const { resources } = JSON.parse(content) as { resources: { _id: string; _type: string; parentId: string; name: string; afterResponseScript?: string }[] };
  const byId = new Map(resources.map((r) => [r._id, r]));
  const out: Scripts = {};
  for (const r of resources) {
    if (r._type !== 'request' || !r.afterResponseScript) continue;
    const parent = byId.get(r.parentId)!;
    const top = byId.get(parent.parentId)?._type === 'workspace';
    out[`${top ? AUTH_FOLDER : parent.name}/${r.name}`] = r.afterResponseScript;
  }
  return out;
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit));
  if (node === null || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  visit(node as Node);
  for (const [key, value] of Object.entries(node)) if (key !== 'type') walk(value, visit);
}

export const parseScript = (source: string) => parse(source, { ecmaVersion: 2022, sourceType: 'script' });

type Member = Node & { type: 'MemberExpression'; object: Node; property: Node & { name?: string; value?: unknown }; computed: boolean };

/** `insomnia.response.headers.get` for a member chain rooted at `insomnia`, else undefined (a computed step is `[]`). */
function chain(node: Node): string | undefined {
  if (node.type === 'Identifier') return (node as Node & { name: string }).name === 'insomnia' ? 'insomnia' : undefined;
  if (node.type !== 'MemberExpression') return undefined;
  const m = node as Member;
  const head = chain(m.object);
  return head === undefined ? undefined : `${head}.${m.computed ? '[]' : m.property.name}`;
}

/** Every longest `insomnia.…` chain the script reads or calls (the outermost member expression of each). */
export function insomniaChains(source: string): string[] {
  const inner = new Set<Node>();
  const all: Node[] = [];
  walk(parseScript(source), (node) => {
    if (node.type !== 'MemberExpression' || chain(node) === undefined) return;
    all.push(node);
    inner.add((node as Member).object);
  });
  return all.filter((node) => !inner.has(node)).map((node) => chain(node)!);
}

/** The names given to `insomnia.test`, `insomnia.test.skip` and the script's `check`, in source order. */
export function testNames(source: string): string[] {
  const names: { at: number; name: string }[] = [];
  walk(parseScript(source), (node) => {
    if (node.type !== 'CallExpression') return;
    const call = node as Node & { callee: Node; arguments: (Node & { value?: unknown })[] };
    const callee = chain(call.callee) ?? (call.callee.type === 'Identifier' ? (call.callee as Node & { name: string }).name : undefined);
    const first = call.arguments[0];
    if ((callee === 'insomnia.test' || callee === 'check') && first?.type === 'Literal' && typeof first.value === 'string')
      names.push({ at: node.start, name: first.value });
  });
  return names.sort((a, b) => a.at - b.at).map((n) => n.name);
}
