// Display names from the description become Bruno file and folder names: never outside bruno/,
// never one of Bruno's own, never two on one file, never a control character, and every path
// `generate` prints is escaped for the terminal.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { FIXTURE_SPEC } from '../support/model.js';
import { workspace } from './helpers.js';

const ws = workspace();
afterAll(() => ws.dispose());
const fixture = readFileSync(join(ws.dir, 'spec/securithings.yaml'), 'utf8');
let runs = 0;

/** Generates the fixture with `edit` applied, into a fresh folder; returns the result and the folder. */
async function generateEdited(edit: (text: string) => string) {
  runs += 1;
  const spec = `spec/edited-${runs}.yaml`;
  const out = `out-${runs}`;
  writeFileSync(join(ws.dir, spec), edit(fixture));
  return { ...(await runCli(['generate', '--spec', spec, '--out', out, '--format', 'bruno'], { cwd: ws.dir })), out: join(ws.dir, out) };
}

describe('Bruno names from the description', () => {
  it('a resource named `..` is written inside bruno/, not into the output folder', async () => {
    const { code, out } = await generateEdited((text) => text.replace('name: Devices\n', 'name: ".."\n'));
    expect(code).toBe(0);
    expect(readdirSync(out)).toEqual(['bruno']);
    expect(existsSync(join(out, 'bruno', '_', 'folder.bru'))).toBe(true);
  });

  it("a resource named `environments` does not land in Bruno's environments folder", async () => {
    const { code, out } = await generateEdited((text) => text.replace('name: Devices\n', 'name: environments\n'));
    expect(code).toBe(0);
    expect(readdirSync(join(out, 'bruno', 'environments')).sort()).toEqual(['local.bru', 'production.bru', 'staging.bru']);
    expect(readdirSync(join(out, 'bruno', 'environments_')).sort()).toEqual(['Get Device By ID.bru', 'Get Devices.bru', 'folder.bru']);
  });

  it('an endpoint named `folder` is written beside folder.bru, not over it', async () => {
    const { code, stderr, out } = await generateEdited((text) => text.replace('name: Get Devices\n', 'name: folder\n'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(join(out, 'bruno', 'Devices')).sort()).toEqual(['Get Device By ID.bru', 'folder.bru', 'folder_.bru']);
    expect(readFileSync(join(out, 'bruno', 'Devices', 'folder_.bru'), 'utf8')).toContain('name: folder\n');
  });

  it('a resource named `CON` gets a folder Windows can create', async () => {
    const { code, out } = await generateEdited((text) => text.replace('name: Devices\n', 'name: CON\n'));
    expect(code).toBe(0);
    expect(existsSync(join(out, 'bruno', 'CON_', 'folder.bru'))).toBe(true);
  });

  it('endpoint names that differ only in case: exit 2, a located diagnostic naming both, nothing written', async () => {
    const { code, stdout, stderr, out } = await generateEdited((text) => text.replace('name: Get Device By ID\n', 'name: get devices\n'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const at =
      readFileSync(FIXTURE_SPEC, 'utf8')
        .split('\n')
        .findIndex((l) => l.endsWith('name: Get Device By ID')) + 1;
    expect(stderr).toMatch(new RegExp(`^spec/edited-\\d+\\.yaml:${at}:15: `));
    expect(stderr).toMatch(
      /^spec\/edited-\d+\.yaml:\d+:15: resources\[0\]\.endpoints\[1\]\.name: endpoint name "get devices" and "Get Devices" \(resources\[0\]\.endpoints\[0\]\.name\) would both be the Bruno file "get devices\.bru" .*\[file-name-clash\]\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('terminal escapes and bidi overrides in a name reach neither the file names nor the terminal', async () => {
    const { code, stdout, out } = await generateEdited((text) => text.replace('name: Get Devices\n', 'name: "Get\\e[2J Devices\\u202exe.bru"\n'));
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\u001b\u202e]/);
    expect(stdout).toContain('bruno/Devices/Get-[2J Devices-xe.bru.bru');
    expect(readdirSync(join(out, 'bruno', 'Devices')).join('')).not.toMatch(/[\u001b\u202e]/);
  });

  it('a diagnostic quoting such a name is escaped for the terminal too', async () => {
    const { code, stderr } = await generateEdited((text) =>
      text.replace('name: Get Device By ID\n', 'name: "Get Devices\\u202e"\n').replace('name: Get Devices\n', 'name: "Get Devices\\u202e."\n'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('\\u{202e}');
    expect(stderr).not.toMatch(/[\u001b\u202e]/);
  });
});
