// Names that would be one Bruno file or folder, and ids Windows keeps for devices, are located
// diagnostics: the generators never get a description whose files would overwrite each other.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadSpec, SpecError } from '../../loader/index.js';
import { FIXTURE_SPEC } from '../support/model.js';

const FIXTURE = readFileSync(FIXTURE_SPEC, 'utf8');
/** The fixture with a second resource, `name`, holding one endpoint `Get Sites`. */
const withResource = (name: string) =>
  FIXTURE.replace(
    '\nschemas:\n',
    `\n  - id: sites\n    name: ${JSON.stringify(name)}\n    basePath: /v1/sites\n    endpoints:\n      - id: listSites\n        name: Get Sites\n        method: GET\n        path: ''\n        responses:\n          - { status: 200, description: OK. }\n\nschemas:\n`,
  );
const problems = (text: string) => {
  try {
    loadSpec(new TextEncoder().encode(text), 'edited.yaml');
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
  return [];
};

describe('Bruno file names', () => {
  it('the fixture with a second resource loads', () => {
    expect(problems(withResource('Sites'))).toEqual([]);
  });

  it.each([
    ['devices', '"devices"'],
    ['DEVICES', '"DEVICES"'],
    ['Devices.', '"Devices"'],
    ['Devices ', '"Devices"'],
    ['.Devices', '"Devices"'],
  ])('a resource named %j is the folder of `Devices` on some OS: a diagnostic naming both and where', (name, folder) => {
    expect(problems(withResource(name))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^edited\\.yaml:\\d+:11: resources\\[1\\]\\.name: resource name ${JSON.stringify(JSON.stringify(name)).slice(1, -1).replace(/[.]/g, '\\.')} and "Devices" \\(resources\\[0\\]\\.name\\) would both be the Bruno folder ${folder.replace(/[.]/g, '\\.')} .*\\[file-name-clash\\]$`,
        ),
      ),
    ]);
  });

  it('two names that become one after making them safe clash', () => {
    expect(problems(withResource('Dev:ices').replace('name: Devices', 'name: Dev?ices'))).toEqual([
      expect.stringContaining('would both be the Bruno folder "Dev-ices"'),
    ]);
  });

  it('endpoint names of one resource that differ only in case: located at the second', () => {
    const edited = FIXTURE.replace('name: Get Device By ID\n', 'name: get devices\n');
    const at = edited.split('\n').findIndex((l) => l.endsWith('name: get devices')) + 1;
    const [line] = problems(edited);
    expect(line).toMatch(new RegExp(`^edited\\.yaml:${at}:15: `));
    expect(line).toMatch(
      /^edited\.yaml:\d+:15: resources\[0\]\.endpoints\[1\]\.name: endpoint name "get devices" and "Get Devices" \(resources\[0\]\.endpoints\[0\]\.name\) would both be the Bruno file "get devices\.bru" .*\[file-name-clash\]$/,
    );
  });

  it('an endpoint name in another resource may repeat one', () => {
    expect(problems(withResource('Sites').replace('name: Get Sites', 'name: Get Devices'))).toEqual([]);
  });

  it('names Bruno keeps for itself, `.`, `..` and Windows devices load: the generator makes them safe', () => {
    for (const name of ['environments', 'collection.bru', '..', '.', 'CON', 'nul.txt']) expect(problems(withResource(name)), name).toEqual([]);
    expect(problems(FIXTURE.replace('name: Get Device By ID\n', 'name: folder\n'))).toEqual([]);
  });

  it('an info.id Windows keeps for a device (it names the output files)', () => {
    expect(problems(FIXTURE.replace('  id: securithings\n', '  id: con\n'))).toEqual([
      expect.stringMatching(
        /^edited\.yaml:8:7: info\.id: "con" names the output files \(con\.openapi\.yaml, \.\.\.\), and Windows keeps that name for a device: choose another id \[reserved-file-name\]$/,
      ),
    ]);
  });
});
