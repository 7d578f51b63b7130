// The import's options, resolved once into a complete context, and the report every step adds to.
import type { ClientAuthentication } from '../model/model.js';
import type { Documents } from './documents.js';
import type { Renamed } from './names.js';
import type { SchemaRewrite } from './schema-rewrite.js';
import type { OpenApiVersion } from './version.js';

/** What no OpenAPI document states, given as flags; each one left out is a marked guess. */
export interface ImportOptions {
  scheme?: string;
  clientAuth?: ClientAuthentication;
  tokenLifetime?: number;
  refreshToken?: boolean;
  tokenRateLimit?: { requests: number; perSeconds: number };
  responseTimeMs?: number;
  id?: string;
}

export interface Operation {
  method: string;
  path: string;
}

export interface ImportReport {
  source: string;
  openapi: OpenApiVersion;
  scheme: string;
  kept: Array<Operation & { id: string }>;
  skipped: Array<Operation & { reason: string }>;
  /** Values the document does not state, written as marked guesses (also under `unknowns`). */
  guesses: string[];
  /** What could not be expressed or looks wrong: undeclared scopes, dropped parameters, dropped examples. */
  warnings: string[];
  /** What was derived as the document states it (a relative token URL resolved, a list recognised). */
  notes: string[];
  schemaRewrites: SchemaRewrite[];
  renamed: Renamed[];
  unknowns: string[];
}

export interface ImportContext {
  docs: Documents;
  version: OpenApiVersion;
  options: ImportOptions;
  report: ImportReport;
}

export function emptyReport(source: string, openapi: OpenApiVersion): ImportReport {
  return { source, openapi, scheme: '', kept: [], skipped: [], guesses: [], warnings: [], notes: [], schemaRewrites: [], renamed: [], unknowns: [] };
}
