// The named schemas of the description: every schema a kept response reaches, rewritten to
// draft-07, under a name the format accepts. A reference target is converted once, however often
// (or recursively) it is reached.
import type { ImportContext } from './context.js';
import { isObject, isRef, type At } from './documents.js';
import { NameBook, schemaName } from './names.js';
import { rewriteSchema, type SchemaContext } from './schema-rewrite.js';

export class SchemaBook {
  readonly schemas: Record<string, unknown> = {};
  private readonly names = new Map<string, string>();
  private readonly queue: Array<{ at: At; name: string }> = [];
  private readonly book: NameBook;
  private readonly rewriteCtx: SchemaContext;
  /** Discriminator mappings seen, by the mapped schema's key: its property and value. */
  private readonly mappings = new Map<string, { property: string; value: string; at: At }>();

  constructor(private readonly ctx: ImportContext) {
    this.book = new NameBook('schema name', ctx.report.renamed);
    this.book.claim('TokenResponse', 'TokenResponse');
    this.rewriteCtx = {
      docs: ctx.docs,
      nameOf: (target) => this.nameOf(target),
      note: (at, change) =>
        ctx.report.schemaRewrites.push({ at: `${at.file}#/${at.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`, change }),
      mapped: (target, property, value) => this.mappings.set(keyOf(target), { property, value, at: target }),
    };
  }

  /** The name of the schema at `at`; `suggested` names an inline one. */
  nameOf(at: At, suggested?: string): string {
    const key = keyOf(at);
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
    this.names.set(keyOf(target), name);
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
    this.stateMappedValues();
  }

  /**
   * Draft-07 has no discriminator: a `oneOf` of mapped schemas that differ only in what the
   * discriminator told apart (commercetools' ChannelReference, ProductReference) matches several
   * options. Each mapped schema the description holds states its value as a `const` instead.
   */
  private stateMappedValues(): void {
    for (const [key, { property, value, at }] of this.mappings) {
      const name = this.names.get(key);
      const schema = name === undefined ? undefined : this.schemas[name];
      if (!isObject(schema) || schema.$ref !== undefined) continue;
      const properties = isObject(schema.properties) ? schema.properties : {};
      const own = isObject(properties[property]) ? properties[property] : {};
      // beside a `$ref` draft-07 ignores other keywords: the `const` says all the reference did
      schema.properties = { ...properties, [property]: isRef(own) ? { const: value } : { ...own, const: value } };
      this.rewriteCtx.note(at, `\`${property}: ${value}\` from the discriminator's mapping written as a \`const\` (draft-07 has no discriminator)`);
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

const keyOf = (at: At) => `${at.file}#${JSON.stringify(at.path)}`;
