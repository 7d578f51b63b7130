// Shared by the Bruno tests: the model, the generated files, and Bruno's own .bru parsers.
import { createRequire } from 'node:module';
import { bruno } from '../../../generators/bruno/index.js';
import type { ApiModel } from '../../../model/model.js';
import { DEFAULT_CTX, type OutputFile } from '../../../generators/types.js';
import { fixtureModel } from '../../support/model.js';

export interface KeyValue {
  name: string;
  value: string;
  enabled: boolean;
  type?: string;
  secret?: boolean;
}

export interface BruRequest {
  meta: { name: string; type: string; seq: string };
  http: { method: string; url: string; body: string; auth: string };
  params?: KeyValue[];
  vars?: { req?: KeyValue[]; res?: KeyValue[] };
  assertions?: KeyValue[];
  script?: { req?: string; res?: string };
  tests?: string;
  docs?: string;
}

export interface BruCollection {
  meta?: { name: string; seq: string };
  auth: { mode: string; oauth2?: Record<string, unknown> };
  docs?: string;
}

export interface BruEnvironment {
  variables: KeyValue[];
}

interface BruLang {
  bruToJsonV2(text: string): BruRequest;
  collectionBruToJson(text: string): BruCollection;
  bruToEnvJsonV2(text: string): BruEnvironment;
}

/** @usebruno/lang, the parser the Bruno app and `bru` CLI read .bru files with (CommonJS, untyped). */
export const lang = createRequire(import.meta.url)('@usebruno/lang') as BruLang;

export function generate(model: ApiModel = fixtureModel()): OutputFile[] {
  return bruno(model, DEFAULT_CTX);
}

/** The names of the `test(...)` calls in a Bruno tests script, with whether each waits for the expected status. */
export function bruTests(script: string | undefined): { name: string; dependent: boolean }[] {
  return [...(script ?? '').matchAll(/^\s*(if \(answered\) )?test\(("(?:[^"\\]|\\.)*"), function/gm)].map((m) => ({
    name: JSON.parse(m[2]!) as string,
    dependent: m[1] !== undefined,
  }));
}
