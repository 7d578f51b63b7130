// Section 3: token requests per run, our collection (cached token) vs a naive one (a token per request).
import type { ApiModel } from '../model/model.js';
import { runContract } from '../contract/run.js';
import { Redactor } from '../contract/redact.js';
import { demoCredentials } from '../contract/embedded.js';
import { planContract } from '../contract/plan.js';
import { startReferenceServer } from '../server/index.js';
import { naiveTokens } from './collection-variants.js';
import { ms, section, table } from './markdown.js';
import { timed } from './stats.js';

export interface TokenRun {
  name: string;
  requests: number;
  tokenRequests: number;
  tokensIssued: number;
  dataRequests: number;
  failures: number;
  wallMs: number;
}

async function runCounting(name: string, model: ApiModel, collection: object, environment: object): Promise<TokenRun> {
  const server = await startReferenceServer(model, { rateLimits: false });
  try {
    const plan = planContract({ model, collection, environment, target: { kind: 'remote', credentials: demoCredentials(model, server.url) }, pacing: false });
    const { ms: wallMs, value: summary } = await timed(() => runContract(plan, [], new Redactor()));
    const { tokenRequests, tokensIssued, dataRequests } = server.stats;
    return { name, requests: summary.requests, tokenRequests, tokensIssued, dataRequests, failures: summary.failures.length + summary.errors.length, wallMs };
  } finally {
    await server.close();
  }
}

export async function tokenEconomy(model: ApiModel, collection: object, environment: object): Promise<TokenRun[]> {
  return [
    await runCounting('our collection (token cached per run)', model, collection, environment),
    await runCounting('naive: a fresh token before every authenticated request', model, naiveTokens(collection), environment),
  ];
}

export function tokenSection(runs: TokenRun[], model: ApiModel): string {
  const limit = model.auth.rateLimit;
  const rows = runs.map((r) => [r.name, r.requests, r.tokenRequests, r.tokensIssued, r.dataRequests, r.failures, ms(r.wallMs)]);
  return section(
    '3. Token economy',
    "The same suite against a fresh embedded server (limits off) per row; counts are the server's own (`server.stats`). The naive variant is our collection with one line prepended to its pre-request script that forgets the cached token, so every authenticated request fetches one first (the pattern Portman users hand-write).",
    table(
      [
        'collection',
        'HTTP requests seen by newman',
        'token requests (server)',
        'tokens issued (server)',
        'data requests (server)',
        'failed assertions / errors',
        'wall ms',
      ],
      rows,
    ),
    `${limit ? `The token endpoint allows ${limit.requests} requests per ${limit.perSeconds} s.` : 'The token endpoint documents no rate limit.'} Token requests per run: ${runs.map((r) => `${r.tokenRequests} (${r.name.split(' (')[0]!.split(':')[0]})`).join(' vs ')}; ${!limit ? 'none is rate limited by the docs.' : runs[1]!.tokenRequests > limit.requests ? 'the naive run alone exceeds the documented limit, so against the real API it would be rate limited (429) within one run.' : "both stay within one minute's budget."}`,
  );
}
