// Fields named like Object.prototype's members (`toString`, `constructor`, `hasOwnProperty`) are
// present only when the object holds them: in the loader's example checks and in the generated
// Postman collection's schema, page and capture checks, run by newman.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import newman from 'newman';
import { describe, expect, it } from 'vitest';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { loadSpec, SpecError } from '../../loader/index.js';
import { FIXTURE_SPEC } from '../support/model.js';

const HELD = ['toString: a', 'constructor: b'];

/**
 * The fixture, its Device requiring `toString` and `constructor` (strings) with an optional
 * `hasOwnProperty` (integer); each device example holds `fields`, and Get Devices captures
 * `devices[0].constructor`.
 */
function oddDescription(fields: string[]): string {
  const fixture = readFileSync(FIXTURE_SPEC, 'utf8');
  const schema = [
    '    required: [toString, constructor]',
    '    properties:',
    '      toString: { type: string }',
    '      constructor: { type: string }',
    '      hasOwnProperty: { type: integer }',
  ];
  const text = fixture
    .replace('  Device:\n    type: object\n    properties:\n', `  Device:\n    type: object\n${schema.join('\n')}\n`)
    .replace(/^( +)(- )?id: dev-0001\n/gm, (_m, indent: string, dash: string | undefined) => {
      const inner = indent + (dash ? '  ' : '');
      return `${indent}${dash ?? ''}id: dev-0001\n${fields.map((f) => `${inner}${f}\n`).join('')}`;
    })
    .replace('          deviceId: devices[0].id\n', '          deviceId: devices[0].id\n          deviceKind: devices[0].constructor\n');
  expect(text.match(/constructor: b/g) ?? []).toHaveLength(fields.length ? 2 : 0);
  return text;
}

const load = (text: string) => loadSpec(new TextEncoder().encode(text), 'odd.yaml');

function diagnostics(text: string): string[] {
  try {
    load(text);
    return [];
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.diagnostics.map((d) => `${d.code} ${d.message}`);
  }
}

describe('the loader', () => {
  it('accepts examples that hold the required fields and lack the optional one', () => {
    expect(diagnostics(oddDescription(HELD))).toEqual([]);
  });

  it('refuses examples that lack the required fields', () => {
    const found = diagnostics(oddDescription([]));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.startsWith('invalid-example'))).toBe(true);
    expect(found.join('\n')).toMatch(/toString/);
  });
});

/** A server answering Get Devices and Get Device with `device`, and any token request with a token. */
async function serving(device: Record<string, unknown>): Promise<{ url: string; close: () => void }> {
  const json = (res: ServerResponse, body: unknown) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url!, 'http://x').pathname;
    if (req.method === 'POST') return json(res, { access_token: 'h.e.s', token_type: 'Bearer', expires_in: 3600 });
    if (path === '/v1/devices') return json(res, { devices: [device], total: 1 });
    return json(res, device);
  };
  const server = createServer((req, res) => req.resume().on('end', () => handle(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function runDevices(device: Record<string, unknown>): Promise<{ failures: string[] }> {
  const files = generateAll(load(oddDescription(HELD)), DEFAULT_CTX);
  const collection = JSON.parse(files.find((f) => f.path.endsWith('.postman_collection.json'))!.content as string);
  const server = await serving(device);
  try {
    const summary = await new Promise<newman.NewmanRunSummary>((resolve, reject) =>
      newman.run(
        {
          collection,
          folder: 'Devices',
          envVar: [
            { key: 'baseUrl', value: server.url },
            { key: 'organization', value: 'o' },
            { key: 'clientId', value: 'c' },
            { key: 'clientSecret', value: 's' },
          ],
          reporters: [],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
    return { failures: summary.run.failures.map((f) => f.error.test ?? f.error.message) };
  } finally {
    server.close();
  }
}

describe('the Postman collection under newman', () => {
  it('passes a compliant answer that lacks the optional `hasOwnProperty`', async () => {
    const result = await runDevices({ id: 'd1', toString: 'a', constructor: 'camera' });
    expect(result.failures).toEqual([]);
  });

  it('fails an answer that lacks the required fields', async () => {
    const result = await runDevices({ id: 'd1' });
    expect(result.failures).toEqual(['body matches the DeviceList schema', 'body matches the Device schema']);
  });
});
