// The format is documented where people look: every key of spec/format.schema.json has a description,
// and docs/format.md is exactly what `npm run docs` writes from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchor, FORMAT_REFERENCE_PATH, formatReference } from '../../scripts/format-reference.js';
import formatSchema from '../../spec/format.schema.json' with { type: 'json' };

type Schema = { [key: string]: unknown };

/** Every key the schema defines and every definition, as `path -> its schema`. */
function everyKey(node: Schema, path = ''): Array<[string, Schema]> {
  const children = ['properties', 'definitions'].flatMap((kind) =>
    Object.entries((node[kind] as Record<string, Schema> | undefined) ?? {}).map(([name, child]): [string, Schema] => [`${path}/${kind}/${name}`, child]),
  );
  const nested = ['items', 'additionalProperties'].flatMap((kind) =>
    node[kind] && typeof node[kind] === 'object' ? everyKey(node[kind] as Schema, `${path}/${kind}`) : [],
  );
  return [...children, ...children.flatMap(([p, child]) => everyKey(child, p)), ...nested];
}

describe('the format schema', () => {
  const keys = everyKey(formatSchema as Schema);

  it('has a key list to check', () => {
    expect(keys.length).toBeGreaterThan(100);
  });

  it.each(keys)('describes %s in a sentence', (_path, node) => {
    expect(node['description']).toMatch(/^\S.{8,}[.)`]$/s);
  });
});

describe(FORMAT_REFERENCE_PATH, () => {
  it('is up to date (else run `npm run docs`)', () => {
    expect(readFileSync(FORMAT_REFERENCE_PATH, 'utf8')).toBe(formatReference());
  });

  it('has a row for every key and a target for every link', () => {
    const page = formatReference();
    for (const [path] of everyKey(formatSchema as Schema).filter(([p]) => p.includes('/properties/'))) {
      expect(page, path).toContain(`| \`${path.split('/').at(-1)}\` |`);
    }
    const targets = new Set(
      [...page.matchAll(/^### `?([^`\n]+)`?$/gm)].map((m) => anchor(m[1]!)).concat([...page.matchAll(/<a id="([^"]+)">/g)].map((m) => m[1]!)),
    );
    for (const [, target] of page.matchAll(/\]\(#([^)]+)\)/g)) expect(targets, target).toContain(target);
  });

  it('follows the schema: a changed description changes the page', () => {
    const changed = structuredClone(formatSchema) as Schema;
    (changed['properties'] as Record<string, Schema>)['format']!['description'] = 'Write 1. (changed)';
    expect(formatReference(changed)).toContain('| `format` | `1` | yes | Write 1. (changed) |');
  });
});
