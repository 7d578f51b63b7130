// One contract in every client: for each request, the Postman collection and the Bruno collection
// carry the same named checks, in the same order, so newman's and `bru run`'s reports line up.
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../../generators/index.js';
import { DEFAULT_CTX, type OutputFile } from '../../generators/types.js';
import type { ApiModel } from '../../model/model.js';
import { fixtureModel, modelWith, withSites } from '../support/model.js';
import { bruTests, lang } from './bruno/helpers.js';
import { testNames, v4Scripts, v5Scripts, type Scripts } from './insomnia/scripts.js';

interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  event?: { listen: string; script: { exec: string[] } }[];
}

/** `pm.test("name", ...)` and `check("name", ...)` (pm.test or pm.test.skip); the single-quoted no-answer guard is Postman's own. */
function postmanNames(exec: string[]): string[] {
  return [...exec.join('\n').matchAll(/\b(?:pm\.test|check)\(("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string);
}

/** `folder/request` -> the check names of each request that has checks. */
function postmanChecks(files: OutputFile[]): Record<string, string[]> {
  const collection = JSON.parse(files.find((f) => f.path.endsWith('.postman_collection.json'))!.content) as { item: PostmanItem[] };
  const out: Record<string, string[]> = {};
  for (const folder of collection.item) {
    for (const item of folder.item ?? []) {
      const exec = item.event?.find((e) => e.listen === 'test')?.script.exec;
      if (exec) out[`${folder.name}/${item.name}`] = postmanNames(exec);
    }
  }
  return out;
}

function brunoChecks(files: OutputFile[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of files) {
    const [root, folder, name] = file.path.split('/');
    if (root !== 'bruno' || name === undefined || folder === 'environments' || name === 'folder.bru') continue;
    const tests = lang.bruToJsonV2(file.content).tests;
    if (tests) out[`${folder}/${lang.bruToJsonV2(file.content).meta.name}`] = bruTests(tests).map((t) => t.name);
  }
  return out;
}

const generated = (format: string, model: ApiModel) => GENERATORS[format]!(model, DEFAULT_CTX);

/** Insomnia v5 (YAML) or v4 (JSON): `folder/request` -> the names its after-response script tests. */
function insomniaChecks(format: 'insomnia-v5' | 'insomnia-v4', model: ApiModel): Record<string, string[]> {
  const [file] = generated(format, model);
  const scripts: Scripts = format === 'insomnia-v5' ? v5Scripts(file!.content) : v4Scripts(file!.content);
  return Object.fromEntries(Object.entries(scripts).map(([key, script]) => [key, testNames(script)]));
}

describe('the same named checks in Postman, Bruno and Insomnia (v5 and v4)', () => {
  it.each([
    ['the fixture description', fixtureModel],
    ['the fixture with a second resource', () => modelWith(withSites)],
  ])('%s: every request carries the same checks, in the same order', (_, makeModel) => {
    const model = makeModel();
    const postman = postmanChecks(generated('postman', model));
    const bruno = brunoChecks(generated('bruno', model));
    expect(bruno).toEqual(postman);
    expect(insomniaChecks('insomnia-v5', model)).toEqual(postman);
    expect(insomniaChecks('insomnia-v4', model)).toEqual(postman);
  });

  it('the fixture: 11 requests, 49 checks in each client (Insomnia v5 and v4 too): page 2 of the paging case is one request of 6 checks', () => {
    const model = fixtureModel();
    const count = (checks: Record<string, string[]>) => [Object.keys(checks).length, Object.values(checks).flat().length];
    expect(count(postmanChecks(generated('postman', model)))).toEqual([11, 49]);
    expect(count(brunoChecks(generated('bruno', model)))).toEqual([11, 49]);
    expect(count(insomniaChecks('insomnia-v5', model))).toEqual([11, 49]);
    expect(count(insomniaChecks('insomnia-v4', model))).toEqual([11, 49]);
  });
});
