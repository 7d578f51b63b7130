// The named schemas of the description: every schema a kept response reaches, rewritten to
// draft-07, under a name the format accepts. A reference target is converted once, however often
// (or recursively) it is reached.
import type { ImportContext } from './context.js';
import { isRef, type At } from './documents.js';
import { NameBook, schemaName } from './names.js';
import { rewriteSchema, type SchemaContext } from './schema-rewrite.js';

export class SchemaBook {
  readonly schemas: Record<string, unknown> = {};
  private readonly names = new Map<string, string>();
  private readonly queue: Array<{ at: At; name: string }> = [];
  private readonly book: NameBook;
  private readonly rewriteCtx: SchemaContext;

  constructor(private readonly ctx: ImportContext) {
    this.book = new NameBook('schema name', ctx.report.renamed);
    this.book.claim('TokenResponse', 'TokenResponse');
    this.rewriteCtx = {
      docs: ctx.docs,
      nameOf: (target) => this.nameOf(target),
      note: (at, change) =>
        ctx.report.schemaRewrites.push({ at: `${at.file}#/${at.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`, change }),
    };
  }

  /** The name of the schema at `at`; `suggested` names an inline one. */
  nameOf(at: At, suggested?: string): string {
    const key = `${at.file}#${JSON.stringify(at.path)}`;
    const known = this.names.get(key);
    if (known) return known;
    const original = suggested ?? String(at.path[at.path.length - 1] ?? 'Schema');
    const name = this.book.claim(original, schemaName(original));
    this.names.set(key, name);
    this.queue.push({ at, name });
    return name;
  }

  /** Gives the schema at `at` a name already claimed (`TokenResponse`), and queues it. */
  nameAs(at: At, name: string): void {
    const node = this.ctx.docs.valueAt(at);
    const target = isRef(node) ? this.ctx.docs.target(node.$ref, { file: at.file, path: [...at.path, '$ref'] }) : at;
    this.names.set(`${target.file}#${JSON.stringify(target.path)}`, name);
    this.queue.push({ at: target, name });
  }

  /** The name of a response's schema: the named schema it refers to, or a new one named `suggested`. */
  nameOfBody(at: At, suggested: string): string {
    const node = this.ctx.docs.valueAt(at);
    return isRef(node) ? this.nameOf(this.ctx.docs.target(node.$ref, { file: at.file, path: [...at.path, '$ref'] })) : this.nameOf(at, suggested);
  }

  /** Converts every schema reached so far, and those they reach. */
  drain(): void {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const { node, at } = this.ctx.docs.resolve(next.at);
      this.schemas[next.name] = rewriteSchema(node, at, this.rewriteCtx);
    }
  }
}

/** RFC 6749 section 5.1: what every client-credentials token endpoint answers. */
export const TOKEN_RESPONSE = {
  description: 'RFC 6749 section 5.1 access token response.',
  type: 'object',
  required: ['access_token', 'token_type'],
  properties: {
    access_token: { type: 'string', minLength: 1 },
    token_type: { type: 'string' },
    expires_in: { type: 'integer', minimum: 1 },
    scope: { type: 'string' },
  },
};
