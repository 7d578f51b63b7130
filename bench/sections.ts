// Each section of the benchmark as one call that returns its Markdown; run.ts strings them together.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATORS } from '../generators/index.js';
import { loadSpec } from '../loader/index.js';
import type { ApiModel } from '../model/model.js';
import { DEFAULT_CTX } from '../generators/types.js';
import { SCRIPT_VARIABLES } from '../model/script-variables.js';
import { DEMO, startReferenceServer } from '../server/index.js';
import type { Baseline } from './baseline.js';
import { phases, processTable, timeProcesses } from './contract-cost.js';
import { REPEAT, timeVariants, variantTable, variants, whereTimeGoes } from './contract-inprocess.js';
import { floorRequests } from './floor.js';
import {
  generationSection,
  generationTable,
  importTable,
  inProcess,
  inProcessTable,
  ourTool,
  peerTools,
  timeTools,
  type GenerationCase,
  type GenerationTool,
} from './generation.js';
import { ourImportTool, REAL_DOCUMENT, realDocumentCase } from './real-document.js';
import { ms, section } from './markdown.js';
import { ENDPOINTS_PER_RESOURCE, syntheticSpecYaml } from './synthetic-spec.js';
import { transpileBench } from './transpile.js';

export interface Settings {
  root: string;
  runs: number;
  inProcessRuns: number;
  resources: number;
  seconds: number;
  connections: number;
  log: (s: string) => void;
}

export interface Shipped {
  model: ApiModel;
  spec: string;
  collection: object;
  environment: object;
}

export function shipped(root: string): Shipped {
  const spec = join(root, 'spec/securithings.yaml');
  const json = (path: string) => JSON.parse(readFileSync(join(root, 'collections', path), 'utf8')) as object;
  return {
    model: loadSpec(readFileSync(spec), spec),
    spec,
    collection: json('securithings.postman_collection.json'),
    environment: json('securithings-local.postman_environment.json'),
  };
}

/** Writes the synthetic description and its OpenAPI export (by our generator, in process) into `dir`. */
function syntheticCase(dir: string, resources: number): { input: GenerationCase; yaml: string } {
  const yaml = syntheticSpecYaml(resources);
  const spec = join(dir, 'synthetic.yaml');
  writeFileSync(spec, yaml);
  const openapi = join(dir, 'synthetic.openapi.yaml');
  writeFileSync(openapi, GENERATORS.openapi!(loadSpec(Buffer.from(yaml), spec), DEFAULT_CTX)[0]!.content);
  const endpoints = resources * ENDPOINTS_PER_RESOURCE;
  return { input: { name: `Synthetic description, ${endpoints} endpoints`, spec, openapi, endpoints }, yaml };
}

export async function generation(s: Settings, baseline: Baseline | undefined): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'st-bench-synthetic-'));
  try {
    const synthetic = syntheticCase(work, s.resources);
    const shippedCase: GenerationCase = {
      name: 'Shipped description (spec/securithings.yaml; peers read collections/securithings.openapi.yaml)',
      spec: join(s.root, 'spec/securithings.yaml'),
      openapi: join(s.root, 'collections/securithings.openapi.yaml'),
      endpoints: shipped(s.root).model.resources.flatMap((r) => r.endpoints).length,
    };
    const tools = [
      ourTool('ours (node bin/securithings-kit.js generate)', s.root),
      ourTool('ours, Postman only (generate --format postman)', s.root, ['postman']),
      ...peerTools(s.root),
      ...(baseline ? [ourTool(`ours @${baseline.short}`, baseline.root), ourTool(`ours @${baseline.short}, Postman only`, baseline.root, ['postman'])] : []),
    ];
    const tables: string[] = [];
    tables.push(generationTable(shippedCase, await timeTools(tools, shippedCase, s.runs, work, s.log)));
    tables.push(generationTable(synthetic.input, await timeTools([...tools, rerunTool(s.root, work)], synthetic.input, s.runs, work, s.log)));
    const real = realDocumentCase(s.root, work);
    tables.push(importTable(real, await timeTools([ourImportTool(s.root), ...peerTools(s.root)], real, realRuns(s.runs), work, s.log)));
    s.log('  in process');
    const inproc = inProcessTable(await inProcess(synthetic.yaml, synthetic.input.endpoints, s.inProcessRuns));
    const notes = [
      `Whole process, wall time from spawn to exit, ${s.runs} rounds; each round runs every tool once, the order rotated per round. Ours reads our YAML and writes every client (Postman, Insomnia v4 and v5, Bruno, OpenAPI; the Bruno collection is a file per request, so the 1,000-endpoint case writes about 1,100 files); "Postman only" writes what the peers write, the Postman collection (plus its three environments). The peers read the OpenAPI export of the same description and write one Postman collection. Portman runs with its default config (contract tests injected, no newman, no upload) in a temporary working folder; every tool writes into a fresh temporary folder (all removed after the section, not between runs: see bench/generation.ts), but for "regenerating", which writes every client into the folder its previous run wrote (the edit loop: only files whose content changed are written, here none).`,
      `The real document: ${REAL_DOCUMENT.file} (source, commit and licence in tests/fixtures/openapi/README.md), gunzipped to a temporary folder, ${realRuns(s.runs)} rounds. Ours is \`import <document> --out description.yaml ${REAL_DOCUMENT.importFlags.join(' ')}\` then \`generate\` of every client from it, two processes in one \`sh -c\` line; the peers convert the document itself to one Postman collection.`,
    ];
    return generationSection(tables, inproc, notes);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The real document takes openapi-to-postmanv2 minutes a run: at most 2 rounds. */
const realRuns = (runs: number): number => Math.min(runs, 2);

/** Ours writing every client into the folder its previous run wrote: nothing changed, so nothing is written. */
function rerunTool(root: string, work: string): GenerationTool {
  const tool = ourTool('ours, regenerating (every client, into its previous output)', root);
  return { ...tool, args: (c) => tool.args(c, join(work, 'regenerated')) };
}

function localValues(sh: Shipped, baseUrl: string): Record<string, string> {
  const env = sh.environment as { values: Array<{ key: string; value: string }> };
  const fromFile = Object.fromEntries(env.values.map((v) => [v.key, v.value]));
  return { ...fromFile, baseUrl, organization: DEMO.organization, clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, [SCRIPT_VARIABLES.pacing]: 'off' };
}

export async function contractCost(s: Settings, baseline: Baseline | undefined): Promise<string> {
  const sh = shipped(s.root);
  const jsDir = transpileBench(mkdtempSync(join(tmpdir(), 'st-bench-js-')), ['floor', 'floor-process']);
  try {
    const requests = floorRequests(sh.collection);
    const procs = await timeProcesses(
      { root: s.root, jsDir, spec: sh.spec, requests, values: localValues(sh, ''), ...(baseline ? { baseline } : {}) },
      s.runs,
      s.log,
    );
    const server = await startReferenceServer(sh.model, { rateLimits: false });
    let inproc: string;
    try {
      const times = await timeVariants(
        await variants({ model: sh.model, server, collection: sh.collection, environment: sh.environment, values: localValues(sh, server.url) }),
        s.inProcessRuns * 2,
        s.log,
      );
      inproc = [variantTable(times), whereTimeGoes(times, sh.collection)].join('\n\n');
    } finally {
      await server.close();
    }
    return section('2. Contract run cost', ...contractText(procs, requests.length), inproc, CONTRACT_NOTES);
  } finally {
    rmSync(jsDir, { recursive: true, force: true });
  }
}

function contractText(procs: Awaited<ReturnType<typeof timeProcesses>>, requests: number): string[] {
  const cli = phases(procs.find((p) => p.name.startsWith('CLI'))!);
  const floor = phases(procs.find((p) => p.name.startsWith('floor'))!);
  const baselineRow = procs.find((p) => p.name.startsWith('CLI') && p.name.includes('@') && p.samples.length > 0);
  const before = baselineRow ? { name: baselineRow.name, phases: phases(baselineRow) } : undefined;
  return [
    `Whole process: \`node bin/securithings-kit.js contract --reports <tmp>\` against its embedded server (limits off) vs the floor, one Node process that starts the same embedded server and sends the collection's ${requests} requests (same URLs, headers and auth) with plain fetch. A preload (\`node --import\`) subscribes to the server's \`http.server.request.start\` / \`http.server.response.finish\` diagnostics channels, so each process reports when its first request arrived and its last answer left (ms since process start). The import rows are \`node --input-type=module -e "await import(...)"\`.`,
    processTable(procs),
    `**Headline.** Fixed start-up cost (process start to first request): CLI ${ms(cli.firstRequest)} ms vs floor ${ms(floor.firstRequest)} ms, so **${ms(cli.firstRequest - floor.firstRequest)} ms more**. Request phase: CLI ${ms(cli.requestPhase)} ms vs floor ${ms(floor.requestPhase)} ms for ${requests} requests, so **${ms((cli.requestPhase - floor.requestPhase) / requests)} ms per request beyond the floor**. After the last answer (reports, server close, exit): CLI ${ms(cli.afterLast)} ms vs floor ${ms(floor.afterLast)} ms. Total: ${ms(cli.total)} vs ${ms(floor.total)} ms.${before ? ` Before (${before.name}): ${ms((before.phases.requestPhase - floor.requestPhase) / requests)} ms per request beyond the floor, ${ms(before.phases.total)} ms in total.` : ''}`,
    `Where the per-request time goes, in this process (modules already loaded, one warm-up run each, then rounds in rotated order; one embedded server, limits off). Each variant runs the collection once and ${REPEAT} times over in one run: the difference gives the cost per request, the rest is the run's fixed cost.`,
  ];
}

const CONTRACT_NOTES = `"no scripts" removes every event (collection and item) and pre-sets \`accessToken\`, \`deviceId\` and \`tamperedToken\` as collection variables (the collection's oauth2 auth reads \`{{accessToken}}\`); "one line" keeps every event but cuts each script to \`void 0;\`, with the same values pre-set, to show what newman's sandbox costs per script run whatever the script holds; "without jsonSchema" keeps every script but drops the \`pm.response.to.have.jsonSchema\` test lines; "full" is the committed collection; "zero-delay timers" runs newman inside \`withZeroDelayTimers\` (contract/zero-delay-timers.ts): postman-runtime moves between its instructions with \`setTimeout(fn, 0)\`, which Node never fires sooner than 1 ms, so for the run a zero delay is served by \`setImmediate\`; "our runner" is what the CLI runs (\`runWithReports\`: zero-delay timers, event records, redaction, JUnit and HTML reporters). The floor and the newman rows make the same requests; the token request is the collection's first item, so the pre-request script never fetches one.`;
