// Strings from the description stay data in every generated script. Generated from a description
// whose every free-text field holds quotes, backticks, `${}`, `</script>`, a newline, U+2028 and
// a backslash (plus attacks that were code under the old quoting), each script still parses and
// has exactly the syntax tree, node for node, of the same script generated from plain strings.
import { parse as parseJs, type Node } from 'acorn';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { GENERATORS } from '../../generators/index.js';
import { DEFAULT_CTX, type OutputFile } from '../../generators/types.js';
import type { ApiModel } from '../../model/model.js';
import { lang } from '../generators/bruno/helpers.js';
import { HOSTILE, PLAIN, attacks, hostile, variantModel, variantText } from './injection-spec.js';

interface Script {
  where: string;
  source: string;
}

interface PostmanEvent {
  listen: string;
  script: { exec: string[] };
}

interface PostmanNode {
  event?: PostmanEvent[];
  item?: PostmanNode[];
}

function postmanScripts(node: PostmanNode, where: string): Script[] {
  return [
    ...(node.event ?? []).map((e) => ({ where: `${where} ${e.listen}`, source: e.script.exec.join('\n') })),
    ...(node.item ?? []).flatMap((child, i) => postmanScripts(child, `${where}/${i}`)),
  ];
}

function brunoScripts(file: OutputFile, where: string): Script[] {
  if (!file.path.endsWith('.bru') || file.path.includes('/environments/')) return [];
  const bru = (
    file.path.endsWith('/collection.bru') || file.path.endsWith('/folder.bru') ? lang.collectionBruToJson(file.content) : lang.bruToJsonV2(file.content)
  ) as {
    script?: { req?: string; res?: string };
    tests?: string;
  };
  const blocks = { 'script:pre-request': bru.script?.req, 'script:post-response': bru.script?.res, tests: bru.tests };
  return Object.entries(blocks).flatMap(([block, source]) => (source ? [{ where: `${where} ${block}`, source }] : []));
}

/** Every script of every output, in generation order, named by format, file index and place. */
function scriptsOf(model: ApiModel): Script[] {
  return Object.entries(GENERATORS).flatMap(([format, generate]) =>
    generate(model, DEFAULT_CTX).flatMap((file, i) => {
      const where = `${format}#${i}`;
      if (file.path.endsWith('.postman_collection.json')) return postmanScripts(JSON.parse(file.content) as PostmanNode, where);
      return format === 'bruno' ? brunoScripts(file, where) : [];
    }),
  );
}

const parse = (source: string): Node => parseJs(source, { ecmaVersion: 'latest', allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true });

/** The tree without positions and without literal values: what the code does, not what data it holds. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node === null || typeof node !== 'object') return node;
  const isData = (node as Node).type === 'Literal' || (node as Node).type === 'TemplateElement';
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !['start', 'end', 'loc', 'range', 'raw'].includes(key) && !(isData && (key === 'value' || key === 'regex')))
      .map(([key, value]) => [key, shape(value)]),
  );
}

/** Every string a script's literals evaluate to. */
function strings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => strings(child, out));
  else if (node !== null && typeof node === 'object') {
    if ((node as Node).type === 'Literal' && typeof (node as { value?: unknown }).value === 'string') out.push((node as unknown as { value: string }).value);
    Object.values(node).forEach((child) => strings(child, out));
  }
  return out;
}

const hostileModel = variantModel(variantText(hostile()));
const plainModel = variantModel(variantText(PLAIN));
const hostileScripts = scriptsOf(hostileModel);
const plainScripts = scriptsOf(plainModel);

describe('a description whose every string is hostile', () => {
  it('holds its strings as written (the fixture is what it claims)', () => {
    expect(hostileModel.info.name).toContain(HOSTILE);
    expect(hostileModel.resources[0]!.endpoints[0]!.name).toContain(HOSTILE);
    expect(hostileModel.contract.cases.find((c) => c.expect.everyItem)!.expect.everyItem!.equals).toBe(attacks('http://127.0.0.1:9').postman);
  });

  it('gives the same scripts, in the same places, as plain strings', () => {
    expect(hostileScripts.map((s) => s.where)).toEqual(plainScripts.map((s) => s.where));
    expect(hostileScripts.filter((s) => s.where.startsWith('postman')).length).toBeGreaterThanOrEqual(10);
    expect(hostileScripts.filter((s) => s.where.startsWith('bruno')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(hostileScripts.map((script, i) => [script.where, i] as const))('%s parses, with the syntax tree of its plain twin', (_, i) => {
    const script = hostileScripts[i]!;
    expect(shape(parse(script.source))).toEqual(shape(parse(plainScripts[i]!.source)));
    expect(script.source).not.toMatch(/<\/script|<!--|[\u2028\u2029]/i);
  });

  it('carries the strings into the scripts exactly, as data', () => {
    const literals = hostileScripts.flatMap((s) => strings(parse(s.source)));
    const attack = attacks('http://127.0.0.1:9');
    expect(literals).toContain(`${hostileModel.info.name} auth:`);
    expect(literals.some((text) => text.includes(`= ${attack.postman}`))).toBe(true);
    expect(literals.some((text) => text.startsWith(`Skipping Get Device By ID ${attack.bruno}`))).toBe(true);
    expect(literals.some((text) => text.startsWith(`Skipped "Get Device By ID ${attack.bruno}"`))).toBe(true);
  });

  it('still gives well-formed JSON and YAML files', () => {
    for (const [format, generate] of Object.entries(GENERATORS)) {
      for (const file of generate(hostileModel, DEFAULT_CTX)) {
        if (file.path.endsWith('.json')) expect(() => JSON.parse(file.content), `${format} ${file.path}`).not.toThrow();
        if (file.path.endsWith('.yaml')) expect(() => parseYaml(file.content), `${format} ${file.path}`).not.toThrow();
      }
    }
  });
});
